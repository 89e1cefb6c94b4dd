// Brings a database to the current schema: ensures the application role exists,
// applies the committed drizzle-kit migrations. Runs with the owner connection.
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { migrationsDir } from '../paths';

export const APP_ROLE = 'procura_app';

export async function ensureAppRole(ownerUrl: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_roles where rolname = $1', [APP_ROLE]);
    const pw = password.replace(/'/g, "''");
    if (exists.rowCount === 0) {
      await client.query(`create role ${APP_ROLE} login password '${pw}' nosuperuser nobypassrls nocreatedb nocreaterole`);
    } else {
      await client.query(`alter role ${APP_ROLE} login password '${pw}' nosuperuser nobypassrls`);
    }
  } catch (e) {
    // Concurrent bootstraps (parallel test workers) may race on create role.
    if (!String(e).includes('already exists')) throw e;
  } finally {
    await client.end();
  }
}

export async function runMigrations(ownerUrl: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: ownerUrl, max: 1 });
  try {
    await migrate(drizzle({ client: pool }), { migrationsFolder: migrationsDir });
  } finally {
    await pool.end();
  }
}

/** The application-role URL for the same server and database as the owner URL. */
export function appUrlFrom(ownerUrl: string, password: string): string {
  const u = new URL(ownerUrl);
  u.username = APP_ROLE;
  u.password = password;
  return u.toString();
}
