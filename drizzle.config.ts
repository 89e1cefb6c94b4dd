import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes SQL migrations into src/db/migrations from the
// schema; they are committed and applied at start by src/db/migrate.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './src/db/migrations',
  entities: { roles: { provider: '', include: [] } },
});
