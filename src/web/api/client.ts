// The typed API client, generated types only (src/web/api/schema.d.ts from the
// server's OpenAPI document): no hand-copied API types.
import createClient from 'openapi-fetch';
import type { paths, components } from './schema';

export type Schemas = components['schemas'];
export type Paths = paths;

export function createApiClient(opts: { baseUrl?: string; fetch?: typeof fetch; headers?: Record<string, string> } = {}) {
  return createClient<paths>({ baseUrl: opts.baseUrl ?? '', credentials: 'include', fetch: opts.fetch, headers: opts.headers });
}
