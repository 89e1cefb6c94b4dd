// Builds the Fastify application: validation by zod, OpenAPI 3.1 generated from
// the same schemas (/api/openapi.json, docs at /api/docs), problem+json errors,
// authentication, the /api/v1 modules and the built web app.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { systemPoolOf, type Db } from '../db/client';
import type { TenantContext } from '../db/tenant';
import { registerAuthRoutes, type Auth, type Principals } from './auth';
import { invalidField, registerErrorHandling } from './errors';
import type { Clock } from './clock';
import type { ServerPlatformKey } from './platform-key';
import type { Events } from './events';
import { registerIdempotency } from './idempotency';
import { SignInThrottle } from './sign-in-throttle';
import { registerSecurityHeaders } from './security-headers';
import { responseSerializer } from './serializer';
import { modules } from '../modules/index';
import { text } from '../domain/i18n';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface Deps {
  db: Db;
  auth: Auth;
  principals: Principals;
  config: { baseUrl: string; trustedOrigins: string[]; baseUrlExplicit: boolean };
  /** Notified after a write commits; fans out over LISTEN/NOTIFY. */
  events: Events;
  /** The one clock of the buy side's time rules (tests drive a TestClock). */
  clock: Clock;
  /** Signs bid receipts (src/server/platform-key.ts). */
  platformKey: ServerPlatformKey;
}

declare module 'fastify' {
  interface FastifyRequest {
    tenant: TenantContext & { name: string; email: string };
  }
  interface FastifyContextConfig {
    /** Route needs no signed-in user. */
    public?: boolean;
  }
}

export interface BuildOptions {
  logger?: boolean | { level: string };
  webDist?: string | null;
}

export async function buildApp(deps: Deps, opts: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    ajv: undefined,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer);
  // Client-side routes of the web app: every non-API GET that is no file serves index.html.
  const webDist = opts.webDist;
  const indexHtml = webDist && fs.existsSync(path.join(webDist, 'index.html')) ? fs.readFileSync(path.join(webDist, 'index.html'), 'utf8') : null;
  registerErrorHandling(app as unknown as FastifyInstance, (request, reply) => {
    if (!indexHtml || (request.method !== 'GET' && request.method !== 'HEAD') || request.url.startsWith('/api/')) return false;
    void reply.type('text/html').header('cache-control', 'no-cache').send(indexHtml);
    return true;
  });

  registerSecurityHeaders(app as unknown as FastifyInstance, { https: deps.config.baseUrl.startsWith('https:') });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Procura API',
        version: '1.0.0',
        description:
          'Procura: the B2B customer procurement process. Sell side (accounts, contacts, opportunities tracked by the customer\'s procurement stage, evidence, inference, risks, next actions). Errors are application/problem+json.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI sets inline styles; over plain http (local use) no upgrade to an https that is not there.
    transformStaticCSP: (h) => {
      const csp = h.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
      return deps.config.baseUrl.startsWith('https:') ? csp : csp.replace(/\s*upgrade-insecure-requests;?/, '');
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));
  // PostgreSQL text cannot hold the NUL character: refuse it up front, naming the
  // field, instead of failing in the database.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const field = nulField(request.query, 'query') ?? nulField(request.body, 'body') ?? nulField(request.params, 'params');
    if (field) throw invalidField(field, text('不能包含 NUL 字符（\\u0000）', 'must not contain the NUL character (\\u0000)'), 'nul_character');
  });
  registerAuthRoutes(app as unknown as FastifyInstance, deps.auth, {
    trustedOrigins: deps.config.trustedOrigins,
    baseUrl: deps.config.baseUrl,
    throttle: new SignInThrottle(systemPoolOf(deps.db)),
  });

  await app.register(
    async (v1) => {
      v1.addHook('onRequest', async (request: FastifyRequest) => {
        if (request.routeOptions.config?.public) return;
        request.tenant = await deps.principals.tenant(request);
      });
      registerIdempotency(v1 as unknown as FastifyInstance, deps.db);
      for (const m of modules) await v1.register(async (scope) => m.routes(scope as unknown as App, deps));
    },
    { prefix: '/api/v1' },
  );

  if (webDist && indexHtml) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, maxAge: '1h', index: false });
  }
  return app;
}

/** The path of the first string (key or value) holding U+0000, e.g. body.evidence.0.value. */
export function nulField(value: unknown, at: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? at : null;
  if (!value || typeof value !== 'object' || depth > 20) return null;
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000')) return at;
    const found = nulField(v, `${at}.${k}`, depth + 1);
    if (found) return found;
  }
  return null;
}
