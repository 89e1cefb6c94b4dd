// One API client for the app, and the glue between openapi-fetch results and
// React Query: `call()` returns the data or throws an ApiError that carries the
// server's problem+json (status, code, detail, field errors).
import { i18n } from '../i18n';
import { createApiClient, type Schemas } from './client';

export const api = createApiClient({ language: () => i18n.language || 'en' });

/** The server's application/problem+json, as the OpenAPI document describes it. */
export type Problem = Schemas['Problem'];
export type FieldError = NonNullable<Problem['errors']>[number];

export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status() {
    return this.problem.status;
  }
  get code() {
    return this.problem.code;
  }
}

function isProblem(v: unknown): v is Problem {
  return typeof v === 'object' && v !== null && 'status' in v && ('detail' in v || 'title' in v);
}

/** Any error body the server may answer with (problem+json, better-auth's { code, message }, text) as a Problem. */
export function toProblem(body: unknown, response: Response | undefined): Problem {
  const status = response?.status ?? 0;
  if (isProblem(body)) {
    return { type: body.type ?? 'about:blank', title: body.title ?? '', status: body.status ?? status, detail: body.detail ?? body.title ?? '', code: body.code ?? 'error', errors: body.errors };
  }
  if (typeof body === 'object' && body !== null && ('message' in body || 'code' in body)) {
    const b = body as { message?: string; code?: string };
    return { type: 'about:blank', title: response?.statusText ?? '', status, detail: b.message ?? '', code: b.code ?? `http_${status}` };
  }
  return { type: 'about:blank', title: response?.statusText ?? 'Error', status, detail: typeof body === 'string' ? body : '', code: `http_${status}` };
}

export const networkProblem = (e: unknown): Problem => ({
  type: 'about:blank',
  title: 'Network error',
  status: 0,
  detail: e instanceof Error ? e.message : String(e),
  code: 'network',
});

/** Awaits an openapi-fetch call: its data, or an ApiError. */
export async function call<D>(p: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  let r: { data?: D; error?: unknown; response: Response };
  try {
    r = await p;
  } catch (e) {
    throw new ApiError(networkProblem(e));
  }
  if (!r.response.ok) throw new ApiError(toProblem(r.error, r.response));
  return r.data as D;
}

/** A fresh Idempotency-Key (crypto.randomUUID exists only in secure contexts: fall back elsewhere). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** better-auth's own endpoints (not in the OpenAPI document). */
export async function authPost(path: '/api/auth/sign-in/email' | '/api/auth/sign-out', body: Record<string, unknown>): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', 'accept-language': i18n.language || 'en' }, body: JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(networkProblem(e));
  }
  if (!res.ok) {
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    throw new ApiError(toProblem(parsed, res));
  }
}
