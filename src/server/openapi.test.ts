import fs from 'node:fs';
import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../tests/api';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document that validates against the official schema', async () => {
    const res = await env.request(null, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(res.body))).resolves.toBeTruthy();
    // Every operation documents its problem+json errors and has a summary.
    for (const [p, ops] of Object.entries(res.body.paths as Record<string, Record<string, { summary?: string; responses: Record<string, unknown> }>>)) {
      for (const [m, op] of Object.entries(ops)) {
        expect(op.summary, `${m} ${p}`).toBeTruthy();
        if (!p.endsWith('/events')) expect(Object.keys(op.responses), `${m} ${p}`).toContain('400');
      }
    }
  });

  it('the generated client types are in sync with the server (run `npm run openapi` after changing a schema)', async () => {
    const res = await env.request(null, 'GET', '/api/openapi.json');
    const committed = JSON.parse(fs.readFileSync(path.resolve('src/web/api/openapi.json'), 'utf8'));
    expect(committed).toEqual(res.body);
  });

  it('serves interactive docs', async () => {
    const res = await env.rt.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('an unknown API route is a problem+json 404', async () => {
    const res = await env.request(null, 'GET', '/api/v1/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
