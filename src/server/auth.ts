// Authentication: better-auth (email + password, organizations with roles
// owner/admin/manager/member, argon2id hashes), mounted at /api/auth/*.
// Every /api/v1 request resolves its TenantContext here: the signed-in user, the
// active organization and the member's role there.
import argon2 from 'argon2';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { bearer, organization as organizationPlugin } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import { adminAc, defaultStatements, memberAc, ownerAc } from 'better-auth/plugins/organization/access';
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client';
import * as schema from '../db/schema/index';
import type { OrgKind, OrgRole, TenantContext } from '../db/tenant';
import { AppError } from './errors';
import type { SignInThrottle, Verdict } from './sign-in-throttle';
import { text } from '../domain/i18n';

// OWASP's argon2id baseline (19 MiB, 2 passes): strong, and ~20 ms per hash.
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The password hash better-auth stores and verifies (also used by the demo-data generator). */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, ARGON2);

const ac = createAccessControl({ ...defaultStatements });
export const ORG_ROLES = {
  owner: ac.newRole({ ...ownerAc.statements }),
  admin: ac.newRole({ ...adminAc.statements }),
  manager: ac.newRole({ ...memberAc.statements }),
  member: ac.newRole({ ...memberAc.statements }),
};

export function createAuth(db: Db, opts: { baseUrl: string; secret: string; trustedOrigins?: string[] }) {
  return betterAuth({
    appName: 'Procura',
    baseURL: opts.baseUrl,
    basePath: '/api/auth',
    secret: opts.secret,
    trustedOrigins: opts.trustedOrigins ?? [opts.baseUrl],
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: schema.user,
        session: schema.session,
        account: schema.account,
        verification: schema.verification,
        organization: schema.organization,
        member: schema.member,
        invitation: schema.invitation,
      },
    }),
    advanced: { database: { generateId: 'uuid' } },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 256,
      password: {
        hash: hashPassword,
        verify: ({ hash, password }) => argon2.verify(hash, password),
      },
    },
    user: { additionalFields: { locale: { type: 'string', required: false, input: true } } },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: { enabled: false },
    plugins: [
      bearer(),
      organizationPlugin({
        ac,
        roles: ORG_ROLES,
        creatorRole: 'owner',
        allowUserToCreateOrganization: true,
        invitationExpiresIn: 60 * 60 * 24 * 14,
        schema: {
          organization: { additionalFields: { kind: { type: 'string', required: false, defaultValue: 'seller', input: true } } },
        },
        // Invitations are shared as links (/invite/:id); mail delivery is not configured.
        sendInvitationEmail: async () => {},
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

export function toWebHeaders(raw: FastifyRequest['headers']): Headers {
  const headers = new Headers();
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) v.forEach((x) => headers.append(k, x));
    else headers.append(k, String(v));
  }
  return headers;
}

export interface AuthRouteOptions {
  /** Origins a browser may sign in from (config.trustedOrigins). */
  trustedOrigins: readonly string[];
  baseUrl: string;
  throttle: SignInThrottle;
}

/**
 * A browser request from an origin this server does not admit: refused here,
 * saying which origin and which setting admits it (better-auth's own check
 * would only say "invalid origin").
 */
export function refusedOrigin(request: FastifyRequest, opts: Pick<AuthRouteOptions, 'trustedOrigins' | 'baseUrl'>): AppError | null {
  const origin = request.headers.origin;
  if (request.method !== 'POST' || typeof origin !== 'string' || opts.trustedOrigins.includes(origin)) return null;
  return new AppError(
    'forbidden',
    'auth.origin_refused',
    text(
      `拒绝来自 ${origin} 的登录：本服务器只接受 ${opts.trustedOrigins.join('、')}。请在 ${opts.baseUrl} 打开 Procura，或把 ${origin} 加入 PROCURA_TRUSTED_ORIGINS。`,
      `Sign-in from ${origin} was refused: this server admits ${opts.trustedOrigins.join(', ')}. Open Procura at ${opts.baseUrl}, or add ${origin} to PROCURA_TRUSTED_ORIGINS.`,
    ),
  );
}

const tooManyAttempts = (seconds: number) => {
  const minutes = Math.ceil(seconds / 60);
  const zh = seconds < 60 ? `${seconds} 秒` : `${minutes} 分钟`;
  const en = seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  return new AppError('rate_limited', 'auth.too_many_attempts', text(`登录失败次数过多，请 ${zh}后再试。`, `Too many sign-in attempts. Try again in ${en}.`));
};

/** Mounts better-auth's handler under /api/auth/*, behind the origin check and the sign-in throttle. */
export function registerAuthRoutes(app: FastifyInstance, auth: Auth, opts: AuthRouteOptions) {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    async handler(request, reply) {
      const refused = refusedOrigin(request, opts);
      if (refused) throw refused;
      const signIn = request.method === 'POST' && request.url.split('?')[0] === '/api/auth/sign-in/email';
      const email = signIn ? String((request.body as { email?: unknown } | undefined)?.email ?? '') : '';
      let allowed: Extract<Verdict, { allowed: true }> | null = null;
      if (signIn) {
        const verdict = await opts.throttle.attempt(email, request.ip);
        if (verdict.allowed) allowed = verdict;
        else {
          reply.header('retry-after', String(verdict.retryAfterSeconds));
          throw tooManyAttempts(verdict.retryAfterSeconds);
        }
      }
      const url = new URL(request.url, `http://${request.headers.host ?? 'localhost'}`);
      const req = new Request(url, {
        method: request.method,
        headers: toWebHeaders(request.headers),
        body: request.method === 'GET' || request.body === undefined ? undefined : JSON.stringify(request.body),
      });
      const res = await auth.handler(req);
      if (allowed && res.ok) await opts.throttle.succeeded(email, request.ip, allowed);
      reply.status(res.status);
      res.headers.forEach((value, key) => {
        if (key !== 'set-cookie') reply.header(key, value);
      });
      const cookies = res.headers.getSetCookie();
      if (cookies.length) reply.header('set-cookie', cookies);
      reply.send(res.body ? await res.text() : null);
    },
  });
}

interface CachedPrincipal {
  userId: string;
  name: string;
  email: string;
  sessionId: string;
  activeOrganizationId: string | null;
  /** The user's first organization, resolved once when the session names none. */
  defaultOrganizationId?: string | null;
  expires: number;
}

/**
 * Resolves who is calling. Sessions are cached in memory for a few seconds (the
 * hot API path must not hit the session table on every request); membership
 * changes invalidate the cache through invalidateUser().
 */
export class Principals {
  private sessions = new Map<string, CachedPrincipal>();
  private memberships = new Map<string, { role: OrgRole; kind: OrgKind; expires: number } | null>();
  constructor(
    private auth: Auth,
    private db: Db,
    private ttlMs = 10_000,
  ) {}

  private cacheKey(request: FastifyRequest): string | null {
    const authz = request.headers.authorization;
    if (authz?.startsWith('Bearer ')) return `b:${authz.slice(7)}`;
    const cookie = request.headers.cookie;
    if (!cookie) return null;
    const m = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=([^;]+)/.exec(cookie);
    return m ? `c:${m[1]}` : null;
  }

  async session(request: FastifyRequest): Promise<CachedPrincipal | null> {
    const key = this.cacheKey(request);
    if (!key) return null;
    const now = Date.now();
    const hit = this.sessions.get(key);
    if (hit && hit.expires > now) return hit;
    const s = await this.auth.api.getSession({ headers: toWebHeaders(request.headers) });
    if (!s) {
      this.sessions.delete(key);
      return null;
    }
    const p: CachedPrincipal = {
      userId: s.user.id,
      name: s.user.name,
      email: s.user.email,
      sessionId: s.session.id,
      activeOrganizationId: (s.session as { activeOrganizationId?: string | null }).activeOrganizationId ?? null,
      expires: Math.min(now + this.ttlMs, new Date(s.session.expiresAt).getTime()),
    };
    if (this.sessions.size > 50_000) this.sessions.clear();
    this.sessions.set(key, p);
    return p;
  }

  async role(userId: string, orgId: string): Promise<OrgRole | null> {
    return (await this.membership(userId, orgId))?.role ?? null;
  }

  /** The member's role and the organization's kind (seller, buyer, both), cached like the session. */
  async membership(userId: string, orgId: string): Promise<{ role: OrgRole; kind: OrgKind } | null> {
    const key = `${userId}:${orgId}`;
    const now = Date.now();
    const hit = this.memberships.get(key);
    if (hit === null) return null;
    if (hit && hit.expires > now) return hit;
    const rows = await this.db
      .select({ role: schema.member.role, kind: schema.organization.kind })
      .from(schema.member)
      .innerJoin(schema.organization, eq(schema.organization.id, schema.member.organizationId))
      .where(and(eq(schema.member.userId, userId), eq(schema.member.organizationId, orgId)))
      .limit(1);
    const row = rows[0];
    const found = row ? { role: row.role as OrgRole, kind: (row.kind as OrgKind) ?? 'seller', expires: now + this.ttlMs } : null;
    if (this.memberships.size > 50_000) this.memberships.clear();
    this.memberships.set(key, found);
    return found;
  }

  async firstOrganization(userId: string): Promise<string | null> {
    const rows = await this.db
      .select({ id: schema.member.organizationId })
      .from(schema.member)
      .where(eq(schema.member.userId, userId))
      .orderBy(asc(schema.member.createdAt))
      .limit(1);
    return rows[0]?.id ?? null;
  }

  /** Drop cached sessions and memberships of a user (role change, removal, sign-out). */
  invalidateUser(userId: string) {
    for (const [k, v] of this.sessions) if (v.userId === userId) this.sessions.delete(k);
    for (const k of this.memberships.keys()) if (k.startsWith(`${userId}:`)) this.memberships.delete(k);
  }

  /**
   * The tenant context of a request. The organization is the one named by the
   * X-Organization-Id header, else the session's active one, else the user's first.
   */
  async tenant(request: FastifyRequest): Promise<TenantContext & { name: string; email: string }> {
    const s = await this.session(request);
    if (!s) throw new AppError('unauthenticated', 'auth.required', text('请先登录。', 'Sign in first.'));
    const header = request.headers['x-organization-id'];
    let orgId = typeof header === 'string' && header ? header : s.activeOrganizationId;
    if (!orgId) {
      // No active organization on the session: the user's first one, kept with
      // the cached session so that it costs one query per session, not per request.
      orgId = s.defaultOrganizationId ?? (await this.firstOrganization(s.userId));
      s.defaultOrganizationId = orgId;
    }
    if (!orgId || !/^[0-9a-f-]{36}$/i.test(orgId)) throw new AppError('forbidden', 'auth.no_organization', text('你还不是任何组织的成员。', 'You are not a member of any organization.'));
    const m = await this.membership(s.userId, orgId);
    if (!m) throw new AppError('forbidden', 'auth.not_a_member', text('你不是该组织的成员。', 'You are not a member of this organization.'));
    return { orgId, userId: s.userId, role: m.role, kind: m.kind, name: s.name, email: s.email };
  }
}
