// Configuration from the environment, read once. Every setting has a default that
// works on a fresh machine; README.md "Configuration" lists them.
import os from 'node:os';
import path from 'node:path';

export interface Config {
  port: number;
  /** HOST was set: listen there; unset, '::' (dual-stack), or 0.0.0.0 where IPv6 is off. */
  hostExplicit: boolean;
  /** PORT was set: use it or fail; unset, the next free port after 3000 is taken. */
  portExplicit: boolean;
  host: string;
  /** Owner connection (migrations, demo data). Unset: start the embedded PostgreSQL. */
  databaseUrl: string | null;
  /** Application-role connection. Unset: derived from databaseUrl with user procura_app. */
  appDatabaseUrl: string | null;
  appDbPassword: string;
  dataDir: string;
  /** PROCURA_PG_PORT, when set; otherwise the remembered port, else 54329, else a free one. */
  embeddedPort: number | null;
  authSecret: string;
  baseUrl: string;
  /** PROCURA_BASE_URL was set: a public address, not local use. */
  baseUrlExplicit: boolean;
  /** Origins allowed to sign in (auth's CSRF check): see trustedOrigins(). */
  trustedOrigins: string[];
  demoData: boolean;
  logLevel: string;
  poolSize: number;
}

function int(v: string | undefined, d: number): number {
  const n = v === undefined || v === '' ? NaN : Number(v);
  return Number.isInteger(n) ? n : d;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int(env.PORT, 3000);
  const dataDir = path.resolve(env.PROCURA_DATA_DIR ?? '.procura');
  const baseUrl = (env.PROCURA_BASE_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  const extraOrigins = (env.PROCURA_TRUSTED_ORIGINS ?? '').split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean);
  return {
    port,
    portExplicit: Boolean(env.PORT),
    // Unset: every interface, IPv6 and IPv4 (so [::1] reaches a local server too); main.ts falls back to 0.0.0.0 without IPv6.
    host: env.HOST || '::',
    hostExplicit: Boolean(env.HOST),
    databaseUrl: env.DATABASE_URL || null,
    appDatabaseUrl: env.APP_DATABASE_URL || null,
    appDbPassword: env.PROCURA_APP_DB_PASSWORD ?? 'procura_app_local',
    dataDir,
    embeddedPort: env.PROCURA_PG_PORT ? int(env.PROCURA_PG_PORT, 54329) : null,
    authSecret: env.BETTER_AUTH_SECRET ?? env.PROCURA_SECRET ?? 'procura-local-development-secret-change-me',
    baseUrl,
    baseUrlExplicit: Boolean(env.PROCURA_BASE_URL),
    trustedOrigins: trustedOrigins(baseUrl, Boolean(env.PROCURA_BASE_URL), port, extraOrigins),
    demoData: (env.PROCURA_DEMO_DATA ?? 'true') !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    poolSize: int(env.PROCURA_POOL_SIZE, defaultPoolSize()),
  };
}

/**
 * Connections of the tenant pool: twice the cores, plus one (at least 4). More
 * connections than PostgreSQL can run at once only queue inside it, and on this
 * 2-core machine 24 connections served detail pages 15–20 % slower than 5
 * (decision 0005). A server elsewhere (DATABASE_URL) may want PROCURA_POOL_SIZE.
 */
export function defaultPoolSize(cores = os.availableParallelism()): number {
  return Math.max(4, 2 * cores + 1);
}


/**
 * The origins from which a browser may sign in. In local use (PROCURA_BASE_URL
 * unset) every loopback name of this server: localhost, 127.0.0.1 and [::1] on
 * its port. With a public base URL, that URL's origin. PROCURA_TRUSTED_ORIGINS
 * adds more (comma-separated), e.g. a LAN address.
 */
export function trustedOrigins(baseUrl: string, explicit: boolean, port: number, extra: readonly string[] = []): string[] {
  const own = new URL(baseUrl).origin;
  const local = explicit ? [] : ['localhost', '127.0.0.1', '[::1]'].map((h) => `http://${h}:${port}`);
  return [...new Set([own, ...local, ...extra])];
}

/** The configuration for another HTTP port (chosen at start when the default was taken). */
export function withPort(config: Config, port: number, env: NodeJS.ProcessEnv = process.env): Config {
  return { ...loadConfig({ ...env, PORT: String(port) }), portExplicit: config.portExplicit };
}
