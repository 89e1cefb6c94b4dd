// Every response passes its zod schema on the way out: a handler that returns
// something else is a 500 problem, never a response that breaks the contract.
import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerErrorHandling } from './errors';
import { responseSerializer } from './serializer';

async function appReturning(data: unknown) {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer);
  registerErrorHandling(app as never);
  const Item = z.object({ id: z.uuid(), at: z.iso.datetime(), tags: z.array(z.enum(['a', 'b'])) });
  app.get('/x', { schema: { response: { 200: z.object({ items: z.array(Item) }) } } }, async () => data as never);
  await app.ready();
  return app;
}

describe('response serializer', () => {
  it('sends what matches the schema, without keys the schema does not name', async () => {
    const app = await appReturning({ items: [{ id: '6f1c2f4e-6c1b-4c51-9a4e-3f1f0f2b7a10', at: '2026-12-02T08:00:00.000Z', tags: ['a'], secret: 'x' }] });
    const res = await app.inject({ method: 'GET', url: '/x' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [{ id: '6f1c2f4e-6c1b-4c51-9a4e-3f1f0f2b7a10', at: '2026-12-02T08:00:00.000Z', tags: ['a'] }] });
  });

  it('refuses what does not: a 500 problem, in the language asked for', async () => {
    for (const bad of [{ items: [{ id: 'nope', at: '2026-12-02T08:00:00.000Z', tags: [] }] }, { items: [{ id: '6f1c2f4e-6c1b-4c51-9a4e-3f1f0f2b7a10', at: 'yesterday', tags: ['c'] }] }, null]) {
      const app = await appReturning(bad);
      const res = await app.inject({ method: 'GET', url: '/x', headers: { 'accept-language': 'zh-CN' } });
      expect(res.statusCode).toBe(500);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'internal', title: '内部错误' });
    }
  });
});
