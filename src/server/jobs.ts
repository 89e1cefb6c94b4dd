// Background and scheduled work on pg-boss (its own schema in the same database).
// Scheduled: nightly statistics per organization (p75 stage durations that the
// "decision delayed" risk uses) and the re-check of time-driven risks
// (information island) on open opportunities.
import PgBoss from 'pg-boss';
import type { Runtime } from './runtime';
import { refreshOrganizationStats } from '../modules/opportunities/jobs';

export async function startJobs(ownerUrl: string, rt: Runtime) {
  const boss = new PgBoss({ connectionString: ownerUrl, max: 2 });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue('stats.refresh');
  await boss.schedule('stats.refresh', '17 2 * * *', {}, { tz: 'UTC' });
  await boss.work('stats.refresh', async () => {
    await refreshOrganizationStats(ownerUrl, rt);
  });
  return { stop: () => boss.stop({ graceful: true, timeout: 5_000 }) };
}
