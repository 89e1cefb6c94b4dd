// Integration tests run against a real PostgreSQL: the embedded server, started
// once per `npm test` in .tmp/test-pg, migrated into a template database that
// every test file clones (CREATE DATABASE ... TEMPLATE), so files stay isolated
// and fast.
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureAppRole, runMigrations } from '../src/db/bootstrap';
import { freePort, startEmbeddedPostgres } from '../src/db/embedded';

export const TEMPLATE_DB = 'procura_template';


declare module 'vitest' {
  export interface ProvidedContext {
    pgOwnerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  let stop: () => Promise<void> = async () => {};
  let serverUrl: string;
  if (external) {
    serverUrl = external;
  } else {
    const pgHandle = await startEmbeddedPostgres({
      dataDir: path.resolve('.tmp/test-pg'),
      port: await freePort(),
      database: 'postgres',
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', shared_buffers: '128MB', max_connections: 300 },
    });
    serverUrl = pgHandle.url;
    stop = pgHandle.stop;
  }
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  // Leftovers from an interrupted run.
  const old = await admin.query(`select datname from pg_database where datname like 't\\_%' or datname = $1`, [TEMPLATE_DB]);
  for (const r of old.rows) await admin.query(`drop database if exists "${r.datname}" with (force)`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = withDatabase(serverUrl, TEMPLATE_DB);
  await ensureAppRole(templateUrl, 'procura_app_test');
  await runMigrations(templateUrl);
  project.provide('pgOwnerUrl', serverUrl);
  return async () => {
    await stop();
  };
}

export function withDatabase(url: string, db: string) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
