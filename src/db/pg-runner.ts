// How the embedded PostgreSQL's programs (initdb, postgres) are run.
//
// PostgreSQL refuses to run as root. As a normal user the programs simply run as
// that user. As root (common on servers, containers and CI) they must run under
// another user id, and that id must still reach the data folder and the binaries,
// which often lie inside a folder only root may enter (/root/…, or a `mktemp -d`
// folder, mode 700). In order of preference:
//
// 1. A user namespace (`unshare --user`, util-linux) in which PostgreSQL runs as
//    an unprivileged id ('nobody') that the kernel maps to root outside. The
//    programs see a non-root user and are content; the kernel checks file access
//    as the real owner, so root's private folders stay private (nothing is
//    chmod-ed or chown-ed) and the data files belong to root like the rest of the
//    checkout. The process holds no capabilities outside its namespace.
// 2. Where user namespaces are not permitted (e.g. Docker's default seccomp
//    profile): the system user 'postgres' (created when missing), which owns the
//    data folder. That only works when every folder above the data and the
//    binaries can be entered by that user; otherwise one clear line says so.
//
// A data folder made earlier by the second way (owned by a non-root user) keeps
// running as its owner.
import { spawnSync, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export type Runner =
  | { kind: 'self' }
  | { kind: 'userns'; uid: number; gid: number }
  | { kind: 'user'; uid: number; gid: number; name: string };

/** A clear, one-line reason why Procura cannot start; printed without a stack trace. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export interface Command {
  file: string;
  args: string[];
  options: SpawnOptions;
}

/** The command that runs `bin args` under the runner. */
export function commandFor(runner: Runner, bin: string, args: string[], env: NodeJS.ProcessEnv = process.env): Command {
  const options: SpawnOptions = { env: { ...env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] };
  if (runner.kind === 'userns') {
    return { file: 'unshare', args: ['--user', `--map-user=${runner.uid}`, `--map-group=${runner.gid}`, '--', bin, ...args], options };
  }
  if (runner.kind === 'user') return { file: bin, args, options: { ...options, uid: runner.uid, gid: runner.gid } };
  return { file: bin, args, options };
}

/** uid and gid of a user named in /etc/passwd, or null. */
export function lookupUser(name: string, passwd = readPasswd()): { uid: number; gid: number } | null {
  for (const line of passwd.split('\n')) {
    const f = line.split(':');
    if (f[0] === name && f.length >= 4) {
      const uid = Number(f[2]);
      const gid = Number(f[3]);
      if (Number.isInteger(uid) && Number.isInteger(gid)) return { uid, gid };
    }
  }
  return null;
}

function readPasswd(): string {
  try {
    return fs.readFileSync('/etc/passwd', 'utf8');
  } catch {
    return '';
  }
}

/**
 * Whether a process with this uid and gid (and no capabilities) may enter every
 * folder from the root down to `target` (and `target` itself when it is a folder).
 * The first folder it may not enter, or null.
 */
export function firstBlockedFolder(target: string, uid: number, gid: number, stat: (p: string) => fs.Stats = fs.statSync): string | null {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  const folders = [current, ...parts.map((p) => (current = path.join(current, p)))];
  for (const folder of folders) {
    let st: fs.Stats;
    try {
      st = stat(folder);
    } catch {
      return null; // not there yet: created below a folder that was reachable
    }
    if (!st.isDirectory()) continue;
    const mode = st.mode;
    const allowed = st.uid === uid ? mode & 0o100 : st.gid === gid ? mode & 0o010 : mode & 0o001;
    if (!allowed) return folder;
  }
  return null;
}

let usernsProbe: boolean | undefined;

/** Whether `unshare --user` can map root to an unprivileged id here (probed once). */
export function userNamespacesWork(id: { uid: number; gid: number }): boolean {
  if (usernsProbe === undefined) {
    const r = spawnSync('unshare', ['--user', `--map-user=${id.uid}`, `--map-group=${id.gid}`, '--', 'true'], { stdio: 'ignore', timeout: 10_000 });
    usernsProbe = r.status === 0;
  }
  return usernsProbe;
}

export interface RunnerChoice {
  runner: Runner;
  /** Folders to give to the runner's user (chown), when it is a separate user. */
  chown: string[];
}

/**
 * Chooses how to run PostgreSQL for this data folder and these binaries.
 * Throws a StartupError when there is no way that can work.
 */
export function chooseRunner(opts: {
  databaseDir: string;
  binDir: string;
  isRoot?: boolean;
  userns?: (id: { uid: number; gid: number }) => boolean;
  lookup?: (name: string) => { uid: number; gid: number } | null;
  createUser?: (name: string) => void;
  stat?: (p: string) => fs.Stats;
}): RunnerChoice {
  const isRoot = opts.isRoot ?? process.getuid?.() === 0;
  if (!isRoot) return { runner: { kind: 'self' }, chown: [] };
  const stat = opts.stat ?? fs.statSync;
  const lookup = opts.lookup ?? ((n: string) => lookupUser(n));
  const blocked = (uid: number, gid: number) => firstBlockedFolder(opts.databaseDir, uid, gid, stat) ?? firstBlockedFolder(opts.binDir, uid, gid, stat);

  let existingOwner: fs.Stats | null = null;
  try {
    existingOwner = stat(opts.databaseDir);
  } catch {
    existingOwner = null;
  }
  if (existingOwner && existingOwner.uid !== 0) {
    // Made earlier by a separate PostgreSQL user: keep running as that owner.
    const folder = blocked(existingOwner.uid, existingOwner.gid);
    if (folder) throw unreachable(folder, opts.databaseDir);
    return { runner: { kind: 'user', uid: existingOwner.uid, gid: existingOwner.gid, name: String(existingOwner.uid) }, chown: [] };
  }

  const nobody = lookup('nobody') ?? { uid: 65534, gid: 65534 };
  if ((opts.userns ?? userNamespacesWork)(nobody)) return { runner: { kind: 'userns', ...nobody }, chown: [] };

  let pgUser = lookup('postgres');
  if (!pgUser) {
    (opts.createUser ?? createSystemUser)('postgres');
    pgUser = lookup('postgres');
    if (!pgUser) throw new StartupError('PostgreSQL does not run as root, and the user "postgres" could not be created to run it. Run Procura as a normal user, or set DATABASE_URL to a PostgreSQL server.');
  }
  const folder = blocked(pgUser.uid, pgUser.gid);
  if (folder) throw unreachable(folder, opts.databaseDir);
  return { runner: { kind: 'user', name: 'postgres', ...pgUser }, chown: [opts.databaseDir] };
}

function unreachable(folder: string, databaseDir: string): StartupError {
  return new StartupError(
    `PostgreSQL does not run as root, user namespaces are not permitted here, and the user that runs it cannot enter ${folder}. ` +
      `Run Procura as a normal user, or install it and its data (PROCURA_DATA_DIR, now ${path.dirname(databaseDir)}) under a folder other users may enter, or set DATABASE_URL to a PostgreSQL server.`,
  );
}

function createSystemUser(name: string) {
  spawnSync('groupadd', ['--system', name], { stdio: 'ignore' });
  spawnSync('useradd', ['--system', '--gid', name, '--no-create-home', '--shell', '/usr/sbin/nologin', name], { stdio: 'ignore' });
}
