// Bundles the server (src/server/main.ts and what it imports from src/) into
// dist/server/main.mjs, which `npm start` and the benchmark run with plain Node:
// no TypeScript loader at run time, about 50 MB less memory and a faster start
// (docs/decisions/0005). npm packages stay external, loaded from node_modules.
// Takes well under a second, so `npm start` runs it every time.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverBundle = path.join(root, 'dist/server/main.mjs');

export async function buildServer() {
  await build({
    entryPoints: [path.join(root, 'src/server/main.ts')],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return serverBundle;
}

/**
 * The environment the server runs with, from `npm start` and from the benchmark
 * alike: glibc keeps at most two malloc arenas (Node's worker threads otherwise
 * each grow their own; measured 20–60 MB less RSS after load, decision 0005).
 */
export function serverEnv(env = process.env) {
  return { MALLOC_ARENA_MAX: '2', ...env };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildServer();
