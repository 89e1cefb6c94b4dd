// `npm run seed -- [--reset] [--opportunities N] [--interactions M] [--seed S]`
// Writes the demo data (and, with --opportunities, a large "bench" organization)
// into DATABASE_URL, or into the embedded PostgreSQL of PROCURA_DATA_DIR.
import pg from 'pg';
import { loadConfig } from '../config';
import { prepareDatabase } from '../server/runtime';
import { hasAnyOrganization, seedDemo } from '../seed/demo';

const say = (m: string) => process.stdout.write(`${m}\n`);

export function parseArgs(argv: readonly string[]): { reset: boolean; opportunities: number; interactions: number | undefined; seed: number | undefined } {
  const out = { reset: false, opportunities: 0, interactions: undefined as number | undefined, seed: undefined as number | undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--reset') {
      out.reset = true;
      continue;
    }
    const m = /^--(opportunities|interactions|seed)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument ${arg}`);
    const raw = m[2] ?? argv[++i];
    const n = Number(raw?.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${m[1]} needs a whole number, got ${raw}`);
    (out as Record<string, unknown>)[m[1]!] = n;
  }
  return out;
}

const TABLES = ['activities', 'stage_moves', 'tasks', 'evidence_items', 'interactions', 'opportunity_competitors', 'opportunity_facts', 'opportunities', 'contacts', 'accounts', 'competitors', 'process_models', 'org_settings', 'idempotency_keys', 'invitation', 'member', 'session', 'account', 'verification', 'organization', '"user"'];

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const db = await prepareDatabase(config, () => {});
  try {
    if (args.reset) {
      const c = new pg.Client({ connectionString: db.ownerUrl });
      await c.connect();
      await c.query(`truncate ${TABLES.join(', ')} cascade`);
      await c.end();
      say('Emptied every table.');
    } else if (await hasAnyOrganization(db.ownerUrl)) {
      throw new Error('the database already holds organizations; pass --reset to replace them');
    }
    const t0 = performance.now();
    say(args.opportunities ? `Generating the demo organizations and a bench organization with ${args.opportunities.toLocaleString()} opportunities…` : 'Generating the demo organizations…');
    const s = await seedDemo(db.ownerUrl, { opportunities: args.opportunities, interactions: args.interactions, seed: args.seed, log: say });
    const c = new pg.Client({ connectionString: db.ownerUrl });
    await c.connect();
    await c.query('analyze');
    await c.end();
    say(`Done in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${s.organizations} organizations, ${s.accounts.toLocaleString()} accounts, ${s.contacts.toLocaleString()} contacts, ${s.opportunities.toLocaleString()} opportunities, ${s.interactions.toLocaleString()} interactions.`);
  } finally {
    await db.embedded?.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`seed: ${e instanceof Error ? e.message : e}\n`);
  process.exit(1);
});
