// `npm test`: the whole suite. Type-checks, builds the web app (the browser
// tests drive the built app in Chromium), then runs every Vitest project:
// unit (domain rules, formatters), api (integration against a real embedded
// PostgreSQL) and browser (Playwright + Debian's Chromium).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureDeps } from './ensure-deps.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
ensureDeps(root);
const bin = (p) => path.join(root, 'node_modules', p);
const run = (label, args) => {
  process.stdout.write(`\n▶ ${label}\n`);
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    process.stdout.write(`\n✖ ${label} failed\n`);
    process.exit(r.status ?? 1);
  }
};

run('type-check', [bin('typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']);
run('build the web app', [bin('vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
const extra = process.argv.slice(2);
if (extra.length) {
  run('tests', [bin('vitest/vitest.mjs'), 'run', ...extra]);
} else {
  run('unit tests (domain coverage must stay at 100%)', [bin('vitest/vitest.mjs'), 'run', '--project', 'unit', '--coverage']);
  run('API and browser tests', [bin('vitest/vitest.mjs'), 'run', '--project', 'api', '--project', 'browser']);
}
