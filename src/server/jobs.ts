// Background and scheduled work on pg-boss (its own schema in the same database).
// Scheduled: nightly statistics per organization (p75 stage durations that the
// "decision delayed" risk uses) and the re-check of time-driven risks
// (information island) on open opportunities. Hourly: expired Idempotency-Keys
// (older than 24 hours) and sign-in counts whose window and pause are over.
// Every minute: the tender clock (modules/tenders/jobs.ts).
import PgBoss from 'pg-boss';
import pg from 'pg';
import type { Runtime } from './runtime';
import { refreshOrganizationStats } from '../modules/opportunities/jobs';
import { ownerDb, tenderTick } from '../modules/tenders/jobs';

export async function startJobs(ownerUrl: string, rt: Runtime) {
  const boss = new PgBoss({ connectionString: ownerUrl, max: 2 });
  boss.on('error', () => {});
  await boss.start();
  await boss.createQueue('stats.refresh');
  await boss.schedule('stats.refresh', '17 2 * * *', {}, { tz: 'UTC' });
  await boss.work('stats.refresh', async () => {
    await refreshOrganizationStats(ownerUrl, rt);
  });
  await boss.createQueue('housekeeping');
  await boss.schedule('housekeeping', '7 * * * *', {}, { tz: 'UTC' });
  await boss.work('housekeeping', async () => {
    await housekeeping(ownerUrl);
  });
  // The tender clock: time-driven states, failures at the opening time, reminders, expiries, the link.
  const owner = ownerDb(ownerUrl);
  await boss.createQueue('tenders.tick');
  await boss.schedule('tenders.tick', '* * * * *', {}, { tz: 'UTC' });
  await boss.work('tenders.tick', async () => {
    await tenderTick(owner.db, rt.deps);
  });
  return {
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 5_000 });
      await owner.close();
    },
  };
}

/** Drops what no rule needs any more; returns how many rows of each went. */
export async function housekeeping(ownerUrl: string, windowSeconds = 3600): Promise<{ idempotencyKeys: number; signInAttempts: number }> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const keys = await client.query(`delete from idempotency_keys where created_at <= now() - interval '24 hours'`);
    const attempts = await client.query(
      `delete from sign_in_attempts where window_start <= now() - make_interval(secs => $1::int) and (blocked_until is null or blocked_until <= now())`,
      [windowSeconds],
    );
    return { idempotencyKeys: keys.rowCount ?? 0, signInAttempts: attempts.rowCount ?? 0 };
  } finally {
    await client.end();
  }
}
