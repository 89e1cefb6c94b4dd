// Live updates: after a write commits, services emit an event; it goes out on
// PostgreSQL NOTIFY (channel procura_events) so every server process, not only
// this one, can push it to its connected browsers (see /api/v1/events).
import { EventEmitter } from 'node:events';
import pg from 'pg';

export interface Events {
  emit(orgId: string, event: string, data: Record<string, unknown>): void;
  subscribe(orgId: string, fn: (event: string, data: Record<string, unknown>) => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'procura_events';

export async function createEvents(appUrl: string, opts: { listen: boolean }): Promise<Events> {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  const publisher = new pg.Pool({ connectionString: appUrl, max: 1 });
  publisher.on('error', () => {});
  // Events go out in order, one query at a time; those that arrive while one is
  // on its way leave together in the next (one round trip for many under load).
  const pending: string[] = [];
  let inFlight: Promise<void> | null = null;
  const flush = () => {
    if (inFlight || !pending.length) return;
    const batch = pending.splice(0, 200);
    const text = `select ${batch.map((_, i) => `pg_notify($1, $${i + 2})`).join(', ')}`;
    inFlight = publisher
      .query(text, [CHANNEL, ...batch])
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        inFlight = null;
        flush();
      });
  };
  let listener: pg.Client | null = null;
  if (opts.listen) {
    listener = new pg.Client({ connectionString: appUrl });
    listener.on('error', () => {});
    await listener.connect();
    await listener.query(`listen ${CHANNEL}`);
    listener.on('notification', (n) => {
      try {
        const msg = JSON.parse(n.payload ?? '{}') as { orgId: string; event: string; data: Record<string, unknown> };
        local.emit(msg.orgId, msg.event, msg.data);
      } catch {
        /* ignore malformed payloads */
      }
    });
  }
  return {
    emit(orgId, event, data) {
      const payload = JSON.stringify({ orgId, event, data });
      if (listener) {
        pending.push(payload);
        flush();
      } else {
        local.emit(orgId, event, data);
      }
    },
    subscribe(orgId, fn) {
      local.on(orgId, fn);
      return () => local.off(orgId, fn);
    },
    async close() {
      while (inFlight) await inFlight;
      await listener?.end().catch(() => {});
      await publisher.end().catch(() => {});
    },
  };
}
