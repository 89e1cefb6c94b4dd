// `npm start`: PostgreSQL (embedded unless DATABASE_URL), migrations, demo data on
// first start, API + web app on PORT. Ctrl-C stops everything it started.
import { loadConfig, withPort } from '../config';
import { ipv6Works, portIsFree, StartupError } from '../db/embedded';
import { hasAnyOrganization, seedDemo } from '../seed/demo';
import { BUYER_EMAIL, DEMO_KEY_PASSPHRASE, seedBuyDemo } from '../seed/buy-demo';
import { EXPERT_EMAIL } from '../seed/evaluation-demo';
import { TestClock } from './clock';
import { startJobs } from './jobs';
import { createRuntime, prepareDatabase } from './runtime';

const t0 = performance.now();
const say = (m: string) => process.stdout.write(`${m}\n`);
let config = loadConfig();

let stopDatabase: (() => Promise<void>) | undefined;

// Whatever stops the start is said in one line (the stack only with LOG_LEVEL=debug),
// and the PostgreSQL it started is stopped.
async function fail(e: unknown): Promise<never> {
  const m = e instanceof Error ? e.message : String(e);
  process.stderr.write(`\nProcura could not start: ${m}\n`);
  if (config.logLevel === 'debug' && !(e instanceof StartupError) && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  await stopDatabase?.().catch(() => {});
  process.exit(1);
}
process.on('unhandledRejection', (e) => void fail(e));

// Every interface: IPv6 and IPv4 where the machine has IPv6, else IPv4 only.
if (!config.hostExplicit && !(await ipv6Works())) config = { ...config, host: '0.0.0.0' };

// HTTP port: PORT is used as given; unset, the first free one from 3000 on.
if (!(await portIsFree(config.port, config.host))) {
  if (config.portExplicit) await fail(new StartupError(`Port ${config.port} (PORT) is in use by another program. Set PORT to a free port.`));
  let next = config.port + 1;
  while (next < config.port + 50 && !(await portIsFree(next, config.host))) next++;
  say(`Port ${config.port} is in use; using ${next}.`);
  config = withPort(config, next);
}

const db = await prepareDatabase(config, config.logLevel === 'debug' ? say : () => {}).catch(fail);
stopDatabase = db.embedded?.stop;
say(
  db.embedded
    ? `PostgreSQL: embedded on 127.0.0.1:${db.embedded.port}${db.embedded.portNote ? ` (${db.embedded.portNote})` : ''}, data in ${config.dataDir}`
    : 'PostgreSQL: DATABASE_URL',
);

let demo: Awaited<ReturnType<typeof seedDemo>> | null = null;
if (config.demoData && !(await hasAnyOrganization(db.ownerUrl))) {
  say('Loading demo data (first start)…');
  demo = await seedDemo(db.ownerUrl, {});
  // The buy side is played through the services on a clock set back in time.
  const seedRt = await createRuntime(config, db, { webDist: null, logger: false, clock: new TestClock() });
  try {
    await seedBuyDemo(db.ownerUrl, seedRt);
  } finally {
    await seedRt.close();
  }
}

const rt = await createRuntime(config, db, { logger: { level: config.logLevel === 'debug' ? 'debug' : 'warn' }, jobs: true });
const jobs = await startJobs(db.ownerUrl, rt).catch((e) => {
  say(`Background jobs not started: ${e instanceof Error ? e.message : e}`);
  return null;
});
await rt.app.listen({ port: config.port, host: config.host }).catch((e: NodeJS.ErrnoException) =>
  fail(e.code === 'EADDRINUSE' ? new StartupError(`Port ${config.port} is in use by another program. Set PORT to a free port.`) : e),
);

say(`\nProcura is running on ${config.baseUrl}  (ready in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
say(`API docs: ${config.baseUrl}/api/docs`);
if (config.demoData) {
  say('Demo sign-in (every demo user has the password demo-procura-2026):');
  say('  seller, medical equipment:     li.na@medequip.demo');
  say('  seller, industrial automation: wang.lei@autoline.demo');
  say('  seller, property insurance:    chen.jing@shieldins.demo');
  say(`  buyer, home appliances:        ${BUYER_EMAIL}  (key holders' passphrase: ${DEMO_KEY_PASSPHRASE})`);
  say(`  evaluation expert:             ${EXPERT_EMAIL}  (a sheet to score under "My evaluations")`);
  if (demo) say(`  (${demo.opportunities} opportunities, ${demo.interactions} interactions loaded)`);
}
say('Ctrl-C stops Procura and its database.');

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  say(`\n${signal}: stopping…`);
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  await jobs?.stop().catch(() => {});
  await rt.close().catch(() => {});
  await db.embedded?.stop().catch(() => {});
  say('Stopped.');
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
