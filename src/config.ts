// Configuration from the environment, read once. Every setting has a default that
// works on a fresh machine; README.md "Configuration" lists them.
import os from 'node:os';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Owner connection (migrations, demo data). Unset: start the embedded PostgreSQL. */
  databaseUrl: string | null;
  /** Application-role connection. Unset: derived from databaseUrl with user procura_app. */
  appDatabaseUrl: string | null;
  appDbPassword: string;
  dataDir: string;
  embeddedPort: number;
  authSecret: string;
  baseUrl: string;
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
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    appDatabaseUrl: env.APP_DATABASE_URL || null,
    appDbPassword: env.PROCURA_APP_DB_PASSWORD ?? 'procura_app_local',
    dataDir,
    embeddedPort: int(env.PROCURA_PG_PORT, 54329),
    authSecret: env.BETTER_AUTH_SECRET ?? env.PROCURA_SECRET ?? 'procura-local-development-secret-change-me',
    baseUrl: env.PROCURA_BASE_URL ?? `http://localhost:${port}`,
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

