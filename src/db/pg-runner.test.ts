// How PostgreSQL's programs are run as root: every way chooseRunner can go.
import type fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseRunner, commandFor, firstBlockedFolder, lookupUser, StartupError } from './pg-runner';

type Entry = { uid: number; gid: number; mode: number; dir?: boolean };
/** A fake file system: path → owner and mode. */
function fakeStat(tree: Record<string, Entry>) {
  return (p: string) => {
    const e = tree[p];
    if (!e) throw Object.assign(new Error(`ENOENT ${p}`), { code: 'ENOENT' });
    return { uid: e.uid, gid: e.gid, mode: e.mode, isDirectory: () => e.dir !== false } as unknown as fs.Stats;
  };
}

const open = { uid: 0, gid: 0, mode: 0o755 };
const tree = {
  '/': open,
  '/root': { uid: 0, gid: 0, mode: 0o700 },
  '/root/procura': open,
  '/root/procura/node_modules': open,
  '/srv': open,
  '/srv/procura': open,
  '/srv/procura/.procura': open,
};

describe('firstBlockedFolder', () => {
  it('finds the first folder on the way that the user may not enter', () => {
    const stat = fakeStat(tree);
    expect(firstBlockedFolder('/root/procura/.procura/pg', 101, 104, stat)).toBe('/root');
    expect(firstBlockedFolder('/srv/procura/.procura/pg', 101, 104, stat)).toBeNull();
    expect(firstBlockedFolder('/root/procura', 0, 0, stat)).toBeNull();
  });

  it('uses the owner, group and other bits as the kernel does', () => {
    const stat = fakeStat({ '/': open, '/g': { uid: 5, gid: 104, mode: 0o710 }, '/o': { uid: 5, gid: 5, mode: 0o701 }, '/f': { uid: 0, gid: 0, mode: 0o600, dir: false } });
    expect(firstBlockedFolder('/g', 101, 104, stat)).toBeNull();
    expect(firstBlockedFolder('/g', 101, 105, stat)).toBe('/g');
    expect(firstBlockedFolder('/o', 101, 104, stat)).toBeNull();
    expect(firstBlockedFolder('/f', 101, 104, stat)).toBeNull();
  });
});

describe('chooseRunner', () => {
  const base = { databaseDir: '/root/procura/.procura/pg', binDir: '/root/procura/node_modules/bin', stat: fakeStat(tree) };
  const users: Record<string, { uid: number; gid: number }> = { nobody: { uid: 65534, gid: 65534 }, postgres: { uid: 101, gid: 104 } };

  it('runs the programs directly for a normal user', () => {
    expect(chooseRunner({ ...base, isRoot: false })).toEqual({ runner: { kind: 'self' }, chown: [] });
  });

  it('as root, runs them in a user namespace as nobody, handing nothing to another user', () => {
    expect(chooseRunner({ ...base, isRoot: true, userns: () => true, lookup: (n) => users[n] ?? null })).toEqual({ runner: { kind: 'userns', uid: 65534, gid: 65534 }, chown: [] });
    expect(chooseRunner({ ...base, isRoot: true, userns: () => true, lookup: () => null }).runner).toEqual({ kind: 'userns', uid: 65534, gid: 65534 });
  });

  it('without user namespaces, as the postgres user where it can reach the data and binaries', () => {
    const r = chooseRunner({ databaseDir: '/srv/procura/.procura/pg', binDir: '/srv/procura/.procura', stat: fakeStat(tree), isRoot: true, userns: () => false, lookup: (n) => users[n] ?? null });
    expect(r).toEqual({ runner: { kind: 'user', name: 'postgres', uid: 101, gid: 104 }, chown: ['/srv/procura/.procura/pg'] });
  });

  it('creates the postgres user when it is missing, and says so in one line when that fails', () => {
    const made: Record<string, { uid: number; gid: number }> = {};
    const r = chooseRunner({ databaseDir: '/srv/procura/.procura/pg', binDir: '/srv/procura', stat: fakeStat(tree), isRoot: true, userns: () => false, lookup: (n) => made[n] ?? null, createUser: (n) => (made[n] = { uid: 990, gid: 990 }) });
    expect(r.runner).toEqual({ kind: 'user', name: 'postgres', uid: 990, gid: 990 });
    expect(() => chooseRunner({ ...base, isRoot: true, userns: () => false, lookup: () => null, createUser: () => {} })).toThrow(/could not be created/);
  });

  it('says which folder blocks it when the postgres user cannot enter it', () => {
    const run = () => chooseRunner({ ...base, isRoot: true, userns: () => false, lookup: (n) => users[n] ?? null });
    expect(run).toThrow(StartupError);
    expect(run).toThrow(/cannot enter \/root\. Run Procura as a normal user, or install it and its data \(PROCURA_DATA_DIR, now \/root\/procura\/\.procura\)/);
  });

  it('keeps running a data folder made earlier by a separate user as that user', () => {
    const stat = fakeStat({ ...tree, '/srv/procura/.procura/pg': { uid: 101, gid: 104, mode: 0o700 } });
    expect(chooseRunner({ databaseDir: '/srv/procura/.procura/pg', binDir: '/srv/procura', stat, isRoot: true, userns: () => true }).runner).toEqual({ kind: 'user', uid: 101, gid: 104, name: '101' });
    const blocked = fakeStat({ ...tree, '/root/procura/.procura': open, '/root/procura/.procura/pg': { uid: 101, gid: 104, mode: 0o700 } });
    expect(() => chooseRunner({ ...base, stat: blocked, isRoot: true, userns: () => true })).toThrow(/cannot enter \/root\./);
  });
});

describe('commandFor and lookupUser', () => {
  it('wraps the program in unshare for a user namespace, sets the ids for a separate user', () => {
    expect(commandFor({ kind: 'userns', uid: 65534, gid: 65534 }, '/b/postgres', ['-D', 'x'], {})).toMatchObject({ file: 'unshare', args: ['--user', '--map-user=65534', '--map-group=65534', '--', '/b/postgres', '-D', 'x'] });
    expect(commandFor({ kind: 'user', uid: 101, gid: 104, name: 'postgres' }, '/b/initdb', [], {}).options).toMatchObject({ uid: 101, gid: 104 });
    expect(commandFor({ kind: 'self' }, '/b/initdb', ['-V'], {})).toMatchObject({ file: '/b/initdb', args: ['-V'] });
  });

  it('reads users from passwd text', () => {
    const passwd = 'root:x:0:0::/root:/bin/bash\nnobody:x:65534:65534::/nonexistent:/usr/sbin/nologin\nbroken:x:a:b\n';
    expect(lookupUser('nobody', passwd)).toEqual({ uid: 65534, gid: 65534 });
    expect(lookupUser('broken', passwd)).toBeNull();
    expect(lookupUser('missing', passwd)).toBeNull();
  });
});
