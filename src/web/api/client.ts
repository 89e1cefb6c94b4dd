// The typed API client, generated types only (src/web/api/schema.d.ts from the
// server's OpenAPI document): no hand-copied API types.
import createClient from 'openapi-fetch';
import type { paths, components } from './schema';

export type Schemas = components['schemas'];
export type Paths = paths;

/**
 * `language()` is asked on every request: the server answers errors in that
 * language (Accept-Language), so they match the UI after a language switch.
 */
export function createApiClient(opts: { baseUrl?: string; fetch?: typeof fetch; headers?: Record<string, string>; language?: () => string } = {}) {
  const client = createClient<paths>({ baseUrl: opts.baseUrl ?? '', credentials: 'include', fetch: opts.fetch, headers: opts.headers });
  const language = opts.language;
  if (language) {
    client.use({
      onRequest({ request }) {
        request.headers.set('accept-language', language());
        return request;
      },
    });
  }
  return client;
}
