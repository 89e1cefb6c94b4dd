// Browser tests: one Procura server (embedded PostgreSQL) started as a child
// process exactly as `npm start` runs it, on free ports with its own data folder
// under .tmp/browser-<pid>; stopped with SIGTERM (which stops its PostgreSQL) at
// the end. Demo data is loaded because the README screenshots are taken from it;
// the end-to-end flow signs up its own, empty organization.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, ipv6Works } from '../../src/db/embedded';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server at http://127.0.0.1:port. */
    baseUrl: string;
    /** The same server at http://localhost:port. */
    localhostUrl: string;
    /** The same server at http://[::1]:port, where the machine has IPv6 (else null). */
    ipv6Url: string | null;
  }
}

const root = path.resolve(import.meta.dirname, '../..');


export default async function setup(project: TestProject) {
  if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) throw new Error('Build the web app first (npm test does: vite build).');
  const dataDir = path.join(root, `.tmp/browser-${process.pid}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const [port, pgPort] = [await freePort(), await freePort()];
  // Local use, as `npm start` runs it: no PROCURA_BASE_URL (so the server calls
  // itself localhost); the tests open it at 127.0.0.1 and at localhost.
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: '', PORT: String(port), HOST: '', PROCURA_BASE_URL: '', PROCURA_DATA_DIR: dataDir, PROCURA_PG_PORT: String(pgPort), PROCURA_DEMO_DATA: 'true', LOG_LEVEL: 'warn' },
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((r) => server.once('exit', () => r()));
  const t0 = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`Procura exited during start:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() - t0 > 90_000) {
      server.kill('SIGKILL');
      throw new Error(`Procura did not start in 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('localhostUrl', `http://localhost:${port}`);
  project.provide('ipv6Url', (await ipv6Works()) ? `http://[::1]:${port}` : null);
  return async () => {
    if (server.exitCode === null) server.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 20_000)))]);
    clearTimeout(timer);
    if (server.exitCode === null) server.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
