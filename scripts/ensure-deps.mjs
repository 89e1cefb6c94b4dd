// Installs the npm dependencies when they are missing or older than the lock
// file, so `npm start` and `npm test` work on a fresh clone as the only commands.
// Uses nothing but Node's standard library (it runs before anything is installed).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function ensureDeps(root) {
  const lock = path.join(root, 'package-lock.json');
  const installed = path.join(root, 'node_modules/.package-lock.json');
  const fresh = fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs;
  if (fresh) return;
  process.stdout.write('Installing dependencies (npm ci)…\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel', 'error'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('npm ci failed; see the output above.\n');
    process.exit(r.status ?? 1);
  }
}
