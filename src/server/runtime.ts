// Wires the running system together: database (embedded or DATABASE_URL),
// migrations, pools, auth, events, the HTTP app. Used by main.ts, the tests and
// the benchmark, so all three run the same code.
import type { Config } from '../config';
import { appUrlFrom, ensureAppRole, runMigrations } from '../db/bootstrap';
import { createDatabase, type Database } from '../db/client';
import { startEmbeddedPostgres, type EmbeddedHandle } from '../db/embedded';
import { buildApp, type App, type Deps } from './app';
import { createAuth, Principals } from './auth';
import { createEvents, type Events } from './events';
import { systemClock, type Clock } from './clock';
import { webDistDir } from '../paths';
import { loadPlatformKey, withNodeSigner } from './platform-key';
import type { PlatformKey } from '../domain/sealing/receipt';

export interface Runtime {
  app: App;
  deps: Deps;
  ownerUrl: string;
  appDb: Database;
  events: Events;
  close(): Promise<void>;
}

export { webDistDir };

export async function prepareDatabase(config: Config, log: (m: string) => void = () => {}): Promise<{ ownerUrl: string; appUrl: string; embedded: EmbeddedHandle | null }> {
  let embedded: EmbeddedHandle | null = null;
  let ownerUrl = config.databaseUrl;
  if (!ownerUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort ?? undefined, log: (l) => l && log(`[postgres] ${l}`) });
    ownerUrl = embedded.url;
  }
  try {
    if (!config.appDatabaseUrl) await ensureAppRole(ownerUrl, config.appDbPassword);
    await runMigrations(ownerUrl);
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
  return { ownerUrl, appUrl: config.appDatabaseUrl ?? appUrlFrom(ownerUrl, config.appDbPassword), embedded };
}

export async function createRuntime(
  config: Config,
  urls: { ownerUrl: string; appUrl: string },
  opts: { logger?: boolean | { level: string }; webDist?: string | null; jobs?: boolean; clock?: Clock; platformKey?: PlatformKey } = {},
): Promise<Runtime> {
  const appDb = createDatabase(urls.appUrl, config.poolSize);
  const auth = createAuth(appDb.db, { baseUrl: config.baseUrl, secret: config.authSecret, trustedOrigins: config.trustedOrigins });
  const principals = new Principals(auth, appDb.db);
  const events = await createEvents(urls.appUrl, { listen: opts.jobs ?? false });
  const platformKey = opts.platformKey ? withNodeSigner(opts.platformKey) : loadPlatformKey({ dataDir: config.dataDir });
  const deps: Deps = { db: appDb.db, auth, principals, events, clock: opts.clock ?? systemClock, platformKey, config: { baseUrl: config.baseUrl, trustedOrigins: config.trustedOrigins, baseUrlExplicit: config.baseUrlExplicit } };
  const app = await buildApp(deps, { logger: opts.logger, webDist: opts.webDist === undefined ? webDistDir : opts.webDist });
  return {
    app,
    deps,
    ownerUrl: urls.ownerUrl,
    appDb,
    events,
    async close() {
      await app.close();
      await events.close();
      await appDb.close();
    },
  };
}
