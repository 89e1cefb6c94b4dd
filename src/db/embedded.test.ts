// The embedded PostgreSQL as a new user meets it: as root (CI and many servers
// run as root) inside a private folder, next to another instance, on a port
// someone else holds.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startEmbeddedPostgres, StartupError, type EmbeddedHandle } from './embedded';

const folders: string[] = [];
const running: EmbeddedHandle[] = [];

/** A folder only its owner may enter, like `mktemp -d` or /root. */
function privateFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'procura-private-'));
  fs.chmodSync(dir, 0o700);
  folders.push(dir);
  return dir;
}

async function start(opts: Parameters<typeof startEmbeddedPostgres>[0]) {
  const h = await startEmbeddedPostgres({ settings: { shared_buffers: '16MB', max_connections: 20 }, ...opts });
  running.push(h);
  return h;
}

async function query(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

function hold(port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => resolve(s));
  });
}

afterAll(async () => {
  for (const h of running) await h.stop().catch(() => {});
  for (const d of folders) fs.rmSync(d, { recursive: true, force: true });
});

describe('embedded PostgreSQL', () => {
  it('starts with its data inside a mode-700 folder, keeps it, and leaves the folder private', async () => {
    const dir = privateFolder();
    const dataDir = path.join(dir, 'nested', '.procura');
    const port = await freePort();
    const h = await start({ dataDir, defaultPort: port });
    expect(h.port).toBe(port);
    expect(h.portNote).toBeNull();
    await query(h.url, 'create table kept (v text); insert into kept values (\'still here\')');
    await h.stop();

    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    // The owner password is random and readable by the owner only.
    const state = JSON.parse(fs.readFileSync(path.join(dataDir, 'postgres.json'), 'utf8'));
    expect(state.port).toBe(port);
    expect(state.password).not.toBe('procura');
    expect(state.password.length).toBeGreaterThanOrEqual(24);
    expect(fs.statSync(path.join(dataDir, 'postgres.json')).mode & 0o777).toBe(0o600);
    if (process.getuid?.() === 0) {
      // As root nothing was handed to another user: the data stays root's.
      expect(fs.statSync(path.join(dataDir, 'pg')).uid).toBe(0);
    }

    const again = await start({ dataDir });
    expect(again.port).toBe(port);
    expect(await query(again.url, 'select v from kept')).toEqual([{ v: 'still here' }]);
    await again.stop();
  });

  it('picks a free port when the one it would use is taken, remembers it with the data and says so', async () => {
    const dataDir = path.join(privateFolder(), 'data');
    const taken = await freePort();
    const blocker = await hold(taken);
    try {
      const h = await start({ dataDir, defaultPort: taken });
      expect(h.port).not.toBe(taken);
      expect(h.portNote).toBe(`port ${taken} was in use`);
      expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'postgres.json'), 'utf8')).port).toBe(h.port);
      expect(await query(h.url, 'select 1 as one')).toEqual([{ one: 1 }]);

      // A second instance (another checkout) beside the first: its own port.
      const other = await start({ dataDir: path.join(privateFolder(), 'data'), defaultPort: h.port });
      expect(other.port).not.toBe(h.port);
      expect(await query(other.url, 'select 2 as two')).toEqual([{ two: 2 }]);
      await other.stop();

      // The same data while it runs: refused in one line, the running one untouched.
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/Another Procura .* is using the data in/);
      expect(await query(h.url, 'select 3 as three')).toEqual([{ three: 3 }]);
      await h.stop();
    } finally {
      blocker.close();
    }
  });

  it('refuses a port asked for explicitly when it is taken, in one clear line', async () => {
    const taken = await freePort();
    const blocker = await hold(taken);
    try {
      const err = await startEmbeddedPostgres({ dataDir: path.join(privateFolder(), 'data'), port: taken }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StartupError);
      expect((err as Error).message).toBe(`Port ${taken} (PROCURA_PG_PORT) is in use by another program. Choose another port, or leave PROCURA_PG_PORT unset and Procura picks a free one.`);
    } finally {
      blocker.close();
    }
  });
});
