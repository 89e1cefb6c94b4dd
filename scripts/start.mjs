// `npm start`: builds the web app when it is missing or older than its sources,
// bundles the server (scripts/build-server.mjs), then runs the bundle with Node.
// Signals pass through so Ctrl-C stops the server and its embedded PostgreSQL.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDeps } from './ensure-deps.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
ensureDeps(root);
// After ensureDeps: esbuild comes with the dependencies.
const { buildServer, serverEnv } = await import('./build-server.mjs');
const distIndex = path.join(root, 'dist/web/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const sources = [path.join(root, 'src/web'), path.join(root, 'src/domain')];
const built = fs.existsSync(distIndex) ? fs.statSync(distIndex).mtimeMs : 0;
const stale = !built || sources.some((d) => fs.existsSync(d) && newestMtime(d) > built) || fs.statSync(path.join(root, 'index.html')).mtimeMs > built;
if (stale) {
  process.stdout.write('Building the web app…\n');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const bundle = await buildServer();
const child = spawn(process.execPath, [bundle], { cwd: root, stdio: 'inherit', env: serverEnv() });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
