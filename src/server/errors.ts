// Errors, the one place they become HTTP. Modules throw AppError with their own
// code (e.g. 'opportunity.not_found'); the kind decides the status. Every error
// leaves the server as application/problem+json (RFC 9457).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'state'
  | 'idempotency_mismatch'
  | 'rate_limited';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  state: 409,
  idempotency_mismatch: 422,
  rate_limited: 429,
};

const TITLE: Record<ErrorKind, string> = {
  invalid: 'Invalid request',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  state: 'Not allowed in the current state',
  idempotency_mismatch: 'Idempotency key reused with a different request',
  rate_limited: 'Too many requests',
};

export interface FieldError {
  /** Where the bad value is: 'body.value', 'query.limit', 'params.id'. */
  field: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
  get status() {
    return STATUS[this.kind];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what}.not_found`, `No such ${what.replace(/_/g, ' ')}.`);
export const invalidField = (field: string, message: string, code = 'invalid') =>
  new AppError('invalid', 'validation_failed', `${field}: ${message}`, [{ field, message, code }]);
/** An id in the request body that is unknown or belongs to another organization: 404 naming the field. */
export const unknownRef = (field: string, what: string) =>
  new AppError('not_found', `${what}.not_found`, `${field}: no such ${what.replace(/_/g, ' ')}`, [{ field, message: `is not a ${what.replace(/_/g, ' ')} of this organization`, code: 'not_found' }]);
export const forbidden = (code: string, message: string) => new AppError('forbidden', code, message);

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
}

export function problem(kind: ErrorKind, code: string, detail: string, errors?: FieldError[]): Problem {
  return { type: `/problems/${code}`, title: TITLE[kind], status: STATUS[kind], detail, code, ...(errors?.length ? { errors } : {}) };
}

export function sendProblem(reply: FastifyReply, p: Problem) {
  return reply.status(p.status).type('application/problem+json').send(p);
}

/**
 * Problem+json for every error. `fallback` may answer an unmatched request first
 * (the web app's client-side routes); it returns false to leave it a 404.
 */
export function registerErrorHandling(app: FastifyInstance, fallback?: (request: FastifyRequest, reply: FastifyReply) => boolean) {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    if (err instanceof AppError) {
      return sendProblem(reply, problem(err.kind, err.code, err.message, err.errors));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const ctxName = (err as FastifyError).validationContext ?? 'body';
      const part = ctxName === 'querystring' ? 'query' : ctxName === 'headers' ? 'header' : ctxName;
      const errors: FieldError[] = err.validation.map((v) => {
        const p = v.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
        return { field: p ? `${part}.${p}` : part, message: v.message ?? 'invalid', code: String(v.params?.issue && (v.params.issue as { code?: string }).code || v.keyword) };
      });
      const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      return sendProblem(reply, problem('invalid', 'validation_failed', detail, errors));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause?.issues }, 'response did not match its schema');
      return sendProblem(reply, { type: '/problems/internal', title: 'Internal error', status: 500, detail: 'The server produced an invalid response.', code: 'internal' });
    }
    const fe = err as FastifyError;
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const kind: ErrorKind = fe.statusCode === 404 ? 'not_found' : fe.statusCode === 401 ? 'unauthenticated' : fe.statusCode === 429 ? 'rate_limited' : 'invalid';
      const code = fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type' : fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'malformed_json' : (fe.code ?? 'bad_request').toLowerCase();
      return sendProblem(reply, { ...problem(kind, code, fe.message), status: fe.statusCode, errors: kind === 'invalid' ? [{ field: 'body', message: fe.message, code }] : undefined });
    }
    const pgCode = (err as { code?: string }).code;
    if (pgCode === '22P02' || pgCode === '22003' || pgCode === '22007' || pgCode === '22008') {
      return sendProblem(reply, problem('invalid', 'validation_failed', 'A value is out of range or malformed.'));
    }
    request.log.error({ err }, 'unhandled error');
    return sendProblem(reply, { type: '/problems/internal', title: 'Internal error', status: 500, detail: 'Something went wrong on our side.', code: 'internal' });
  });
  app.setNotFoundHandler((request, reply) => {
    if (fallback?.(request, reply)) return reply;
    return sendProblem(reply, problem('not_found', 'route.not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
  });
}
