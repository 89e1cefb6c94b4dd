// `npm start`: PostgreSQL (embedded unless DATABASE_URL), migrations, demo data on
// first start, API + web app on PORT. Ctrl-C stops everything it started.
import { loadConfig } from '../config';
import { hasAnyOrganization, seedDemo } from '../seed/demo';
import { startJobs } from './jobs';
import { createRuntime, prepareDatabase } from './runtime';

const t0 = performance.now();
const config = loadConfig();
const say = (m: string) => process.stdout.write(`${m}\n`);

const db = await prepareDatabase(config, config.logLevel === 'debug' ? say : () => {});
say(db.embedded ? `PostgreSQL: embedded, data in ${config.dataDir}` : 'PostgreSQL: DATABASE_URL');

let demo: Awaited<ReturnType<typeof seedDemo>> | null = null;
if (config.demoData && !(await hasAnyOrganization(db.ownerUrl))) {
  say('Loading demo data (first start)…');
  demo = await seedDemo(db.ownerUrl, {});
}

const rt = await createRuntime(config, db, { logger: { level: config.logLevel === 'debug' ? 'debug' : 'warn' }, jobs: true });
const jobs = await startJobs(db.ownerUrl, rt).catch((e) => {
  say(`Background jobs not started: ${e instanceof Error ? e.message : e}`);
  return null;
});
await rt.app.listen({ port: config.port, host: config.host });

say(`\nProcura is running on ${config.baseUrl}  (ready in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
say(`API docs: ${config.baseUrl}/api/docs`);
if (config.demoData) {
  say('Demo sign-in (every demo user has the password demo-procura-2026):');
  say('  seller, medical equipment:     li.na@medequip.demo');
  say('  seller, industrial automation: wang.lei@autoline.demo');
  say('  seller, property insurance:    chen.jing@shieldins.demo');
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
