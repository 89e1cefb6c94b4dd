// Where Procura's files are on disk. The server runs from its sources (tsx, in
// development and tests) or from the bundle in dist/server (npm start); both find
// the project root by walking up to package.json, so paths do not depend on
// where the running file sits.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`Procura's package.json not found above ${from}`);
    dir = up;
  }
}

export const projectRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)));
/** The committed drizzle-kit migrations. */
export const migrationsDir = path.join(projectRoot, 'src/db/migrations');
/** The built web app (vite build). */
export const webDistDir = path.join(projectRoot, 'dist/web');
