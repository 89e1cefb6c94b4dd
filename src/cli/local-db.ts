// The owner connection the command line's database tools use: DATABASE_URL, or
// the embedded PostgreSQL of the data folder — the running one (port and
// password remembered in postgres.json), else started for the command and
// stopped after it.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../config';
import { prepareDatabase } from '../server/runtime';

export async function withOwnerDatabase<T>(config: Config, fn: (ownerUrl: string) => Promise<T>): Promise<T> {
  if (config.databaseUrl) return fn(config.databaseUrl);
  const state = path.join(config.dataDir, 'postgres.json');
  if (fs.existsSync(state)) {
    const s = JSON.parse(fs.readFileSync(state, 'utf8')) as { port: number; password: string };
    const url = `postgres://procura:${encodeURIComponent(s.password)}@127.0.0.1:${s.port}/procura`;
    const probe = new pg.Client({ connectionString: url });
    const running = await probe.connect().then(
      () => true,
      () => false,
    );
    await probe.end().catch(() => {});
    if (running) return fn(url);
  }
  const db = await prepareDatabase(config);
  try {
    return await fn(db.ownerUrl);
  } finally {
    await db.embedded?.stop();
  }
}
