// Live updates for the web app: a Server-Sent Events stream of the organization's
// changes (fed by PostgreSQL LISTEN/NOTIFY through src/server/events.ts).
import type { App, Deps } from '../../server/app';

export function eventRoutes(app: App, deps: Deps) {
  app.get('/events', { schema: { tags: ['Live updates'], summary: 'Server-Sent Events: changes in the organization (opportunity.changed)' } }, (req, reply) => {
    const { orgId } = req.tenant;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(': connected\n\n');
    const unsubscribe = deps.events.subscribe(orgId, (event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`));
    const ping = setInterval(() => res.write(': ping\n\n'), 25_000);
    req.raw.on('close', () => {
      clearInterval(ping);
      unsubscribe();
    });
  });
}
