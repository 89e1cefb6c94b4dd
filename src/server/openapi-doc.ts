// The OpenAPI document without a running database: builds the app on an
// unconnected pool (nothing is queried) and asks @fastify/swagger for the spec.
import { loadConfig } from '../config';
import { createDatabase } from '../db/client';
import { buildApp } from './app';
import { createAuth, Principals } from './auth';
import type { Events } from './events';
import { systemClock } from './clock';
import { newPlatformKey } from '../domain/sealing/receipt';
import { withNodeSigner } from './platform-key';

export async function openApiDocument(): Promise<Record<string, unknown>> {
  const config = loadConfig({});
  const { db, close } = createDatabase('postgres://nobody@127.0.0.1:1/none', 1);
  const auth = createAuth(db, { baseUrl: config.baseUrl, secret: config.authSecret });
  const events: Events = { emit() {}, subscribe: () => () => {}, close: async () => {} };
  const app = await buildApp({ db, auth, principals: new Principals(auth, db), events, clock: systemClock, platformKey: withNodeSigner(newPlatformKey()), config: { baseUrl: config.baseUrl, trustedOrigins: config.trustedOrigins, baseUrlExplicit: config.baseUrlExplicit } }, { webDist: null });
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  await close();
  return doc;
}
