// Errors, the one place they become HTTP. Modules throw AppError with their own
// code (e.g. 'opportunity.not_found') and a message in both languages; the kind
// decides the status. Every error leaves the server as application/problem+json
// (RFC 9457), its title, detail and field messages in the request's language
// (Accept-Language: zh… → Chinese, else English; Content-Language says which).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { IdempotencyKeyReused, IdempotentReplay } from '../db/idempotency';
import { text, type Locale, type Text } from '../domain/i18n';

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

const TITLE: Record<ErrorKind, Text> = {
  invalid: text('请求无效', 'Invalid request'),
  unauthenticated: text('需要登录', 'Sign-in required'),
  forbidden: text('无权操作', 'Not allowed'),
  not_found: text('未找到', 'Not found'),
  conflict: text('冲突', 'Conflict'),
  state: text('当前状态下不允许', 'Not allowed in the current state'),
  idempotency_mismatch: text('幂等键已用于另一个请求', 'Idempotency key reused with a different request'),
  rate_limited: text('请求过多', 'Too many requests'),
};

/** A bad value, as the server keeps it: its message in both languages. */
export interface FieldIssue {
  /** Where the bad value is: 'body.value', 'query.limit', 'params.id'. */
  field: string;
  message: Text;
  code?: string;
}

/** A bad value, as a response carries it: the message in the request's language. */
export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly detail: Text,
    readonly errors: FieldIssue[] = [],
  ) {
    super(detail.en);
  }
  get status() {
    return STATUS[this.kind];
  }
}

/** What a missing record is called, for "no such …" messages. */
const WHAT: Record<string, Text> = {
  account: text('客户', 'account'),
  contact: text('联系人', 'contact'),
  competitor: text('竞争对手', 'competitor'),
  evidence: text('证据', 'evidence'),
  invitation: text('邀请', 'invitation'),
  member: text('成员', 'member'),
  opportunity: text('商机', 'opportunity'),
  organization: text('组织', 'organization'),
  process_model: text('采购流程模型', 'process model'),
  task: text('待办', 'task'),
  requisition: text('采购申请', 'requisition'),
  approval_rule: text('审批步骤', 'approval step'),
  project: text('采购项目', 'project'),
  supplier: text('供应商', 'supplier'),
  certification: text('认证', 'certification'),
  tender: text('招标项目', 'tender'),
  document: text('文件', 'document'),
  question: text('问题', 'question'),
  bid: text('投标', 'bid'),
  key_holder: text('密钥持有人', 'key holder'),
  notification: text('通知', 'notification'),
  expert: text('专家', 'expert'),
  evaluation: text('评标', 'evaluation'),
  committee_member: text('评标委员会成员', 'committee member'),
  objection: text('异议', 'objection'),
  lot: text('标段', 'lot'),
  user: text('用户', 'user'),
};
const what = (w: string): Text => WHAT[w] ?? text(w, w.replace(/_/g, ' '));

export const notFound = (w: string) => new AppError('not_found', `${w}.not_found`, text(`没有这个${what(w)['zh-CN']}。`, `No such ${what(w).en}.`));
export const invalidField = (field: string, message: Text, code = 'invalid') => issuesError([{ field, message, code }]);
/** An id in the request body that is unknown or belongs to another organization: 404 naming the field. */
export const unknownRef = (field: string, w: string) =>
  new AppError('not_found', `${w}.not_found`, text(`${field}：没有这个${what(w)['zh-CN']}`, `${field}: no such ${what(w).en}`), [
    { field, message: text(`不是本组织的${what(w)['zh-CN']}`, `is not a${/^[aeiou]/.test(what(w).en) ? 'n' : ''} ${what(w).en} of this organization`), code: 'not_found' },
  ]);
export const forbidden = (code: string, message: Text) => new AppError('forbidden', code, message);
/** Bad values, one or several (e.g. a process model's issues from the domain rules): 400 naming each field. */
export function issuesError(errors: FieldIssue[]): AppError {
  return new AppError('invalid', 'validation_failed', text(errors.map((e) => `${e.field}：${e.message['zh-CN']}`).join('；'), errors.map((e) => `${e.field}: ${e.message.en}`).join('; ')), errors);
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
}

/** The language of a request's messages: Chinese when Accept-Language prefers it, else English. */
export function requestLocale(request: Pick<FastifyRequest, 'headers'>): Locale {
  const header = request.headers['accept-language'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}

export function problem(kind: ErrorKind, code: string, detail: Text, locale: Locale, errors?: FieldIssue[]): Problem {
  return {
    type: `/problems/${code}`,
    title: TITLE[kind][locale],
    status: STATUS[kind],
    detail: detail[locale],
    code,
    ...(errors?.length ? { errors: errors.map((e) => ({ field: e.field, message: e.message[locale], ...(e.code ? { code: e.code } : {}) })) } : {}),
  };
}

export function sendProblem(reply: FastifyReply, p: Problem, locale: Locale = 'en') {
  return reply.status(p.status).type('application/problem+json').header('content-language', locale).send(p);
}

/** A 500: the detail says what, never how. */
function internal(detail: Text, locale: Locale): Problem {
  return { type: '/problems/internal', title: text('内部错误', 'Internal error')[locale], status: 500, detail: detail[locale], code: 'internal' };
}

/**
 * Messages our schemas set themselves (z.string().min(1, 'is required')), in
 * Chinese. zod's own messages are translated by its zh-CN locale.
 */
const SCHEMA_MESSAGES_ZH: Record<string, string> = {
  'is required': '必填',
  'must be a UUID': '必须是 UUID',
  'must be an email address': '必须是电子邮件地址',
  'must be at least 8 characters': '至少 8 个字符',
  'must not be negative': '不能为负数',
  'is too large': '数值过大',
  'must be 1 to 5': '必须是 1 到 5',
  'must be a date YYYY-MM-DD': '必须是 YYYY-MM-DD 格式的日期',
  'must be an ISO 4217 code such as CNY': '必须是 ISO 4217 货币代码，例如 CNY',
  'is required unless you accept an invitation': '除非接受邀请，否则必填',
  'is required when the outcome is lost': '结果为输单时必填',
  'is required (or accountId)': '必填（或填写 accountId）',
  'must be an ISO date-time': '必须是 ISO 日期时间',
};
const zodZh = zhCN();

function zodIssueText(message: string | undefined, issue: unknown): Text {
  const en = message ?? 'invalid';
  const custom = SCHEMA_MESSAGES_ZH[en];
  if (custom) return text(custom, en);
  if (issue && typeof issue === 'object') {
    const zh = zodZh.localeError(issue as never);
    const s = typeof zh === 'string' ? zh : zh?.message;
    if (s) return text(s, en);
  }
  return text('无效的值', en);
}

/**
 * Problem+json for every error. `fallback` may answer an unmatched request first
 * (the web app's client-side routes); it returns false to leave it a 404.
 */
export function registerErrorHandling(app: FastifyInstance, fallback?: (request: FastifyRequest, reply: FastifyReply) => boolean) {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    const locale = requestLocale(request);
    const send = (p: Problem) => sendProblem(reply, p, locale);
    if (err instanceof AppError) {
      return send(problem(err.kind, err.code, err.detail, locale, err.errors));
    }
    // An Idempotency-Key used before (src/db/idempotency.ts): the first answer again, or 422.
    if (err instanceof IdempotentReplay) {
      return reply.status(err.status).header('idempotent-replayed', 'true').send(err.body);
    }
    if (err instanceof IdempotencyKeyReused) {
      return send(problem('idempotency_mismatch', 'idempotency.key_reused', text('这个 Idempotency-Key 已用于另一个请求。', 'This Idempotency-Key was used for a different request.'), locale));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const ctxName = (err as FastifyError).validationContext ?? 'body';
      const part = ctxName === 'querystring' ? 'query' : ctxName === 'headers' ? 'header' : ctxName;
      const errors: FieldIssue[] = err.validation.map((v) => {
        const p = v.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
        // The provider passes a zod issue as { keyword: code, message, params: the rest }.
        const issue = { ...v.params, code: v.keyword };
        return { field: p ? `${part}.${p}` : part, message: zodIssueText(v.message, issue), code: v.keyword };
      });
      const e = issuesError(errors);
      return send(problem(e.kind, e.code, e.detail, locale, e.errors));
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause?.issues }, 'response did not match its schema');
      return send(internal(text('服务器生成了无效的响应。', 'The server produced an invalid response.'), locale));
    }
    const fe = err as FastifyError;
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const kind: ErrorKind = fe.statusCode === 404 ? 'not_found' : fe.statusCode === 401 ? 'unauthenticated' : fe.statusCode === 429 ? 'rate_limited' : 'invalid';
      const code = fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported_media_type' : fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'malformed_json' : (fe.code ?? 'bad_request').toLowerCase();
      const zh = code === 'malformed_json' ? '请求体不是有效的 JSON' : code === 'unsupported_media_type' ? '不支持这种内容类型，请发送 application/json' : '请求无效';
      const message = text(zh, fe.message);
      return send({ ...problem(kind, code, message, locale), status: fe.statusCode, errors: kind === 'invalid' ? [{ field: 'body', message: message[locale], code }] : undefined });
    }
    const pgCode = (err as { code?: string }).code;
    if (pgCode === '22P02' || pgCode === '22003' || pgCode === '22007' || pgCode === '22008') {
      return send(problem('invalid', 'validation_failed', text('有值超出范围或格式不正确。', 'A value is out of range or malformed.'), locale));
    }
    request.log.error({ err }, 'unhandled error');
    return send(internal(text('服务器出错了，请稍后再试。', 'Something went wrong on our side.'), locale));
  });
  app.setNotFoundHandler((request, reply) => {
    if (fallback?.(request, reply)) return reply;
    const path = request.url.split('?')[0];
    const locale = requestLocale(request);
    return sendProblem(reply, problem('not_found', 'route.not_found', text(`没有这个接口：${request.method} ${path}。`, `No route ${request.method} ${path}.`), locale), locale);
  });
}
