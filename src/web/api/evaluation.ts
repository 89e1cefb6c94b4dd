// React Query hooks of the evaluation committee's workspace (issue 8), over the
// generated client: types from the OpenAPI document only.
//
// The state sits under ['tender', id, …] so that a live `tender.changed` event
// (invalidateTender) refreshes it. The bids do not: every read of them is a
// line in the buyer's audit chain, so they are read when the workspace needs
// them (opening the tab, after a screening save, a new phase), not on each event.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Paths, Schemas } from './client';
import { api, ApiError, call, newIdempotencyKey } from './http';

export type EvaluationState = Schemas['EvaluationState'];
export type EvaluationPhase = EvaluationState['phase'];
export type EvaluationMember = EvaluationState['members'][number];
export type EvaluationDraw = EvaluationState['draws'][number];
export type EvaluationCriterion = EvaluationState['criteria'][number];
export type EvaluationLotResult = NonNullable<EvaluationState['results']>[number];
export type MyEvaluations = Schemas['MyEvaluations'];
export type MyEvaluation = MyEvaluations['items'][number];
export type EvaluationBids = Schemas['EvaluationBids'];
export type EvaluationBid = EvaluationBids['items'][number];
export type ScoreSheets = Schemas['ScoreSheets'];
export type ScoreSheetRow = ScoreSheets['items'][number];
export type EvaluationReport = Schemas['EvaluationReport'];
export type DeclarationResult = Schemas['DeclarationResult'];
export type ComparisonTable = Schemas['ComparisonTable'];

type JsonBody<P extends keyof Paths, M extends 'put' | 'post'> = Paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
export type CommitteeInput = JsonBody<'/api/v1/evaluations/{id}/committee', 'put'>;
export type DrawInput = JsonBody<'/api/v1/evaluations/{id}/draws', 'post'>;
export type ReplaceInput = JsonBody<'/api/v1/evaluations/{id}/members/{memberId}/replace', 'post'>;
export type DeclarationInput = JsonBody<'/api/v1/evaluations/{id}/declaration', 'post'>;
export type ScreeningInput = JsonBody<'/api/v1/evaluations/{id}/screening', 'put'>;
export type SheetInput = JsonBody<'/api/v1/evaluations/{id}/sheets/{bidId}', 'put'>;
export type SignInput = JsonBody<'/api/v1/evaluations/{id}/sign', 'post'>;

export const evaluationKeys = {
  mine: ['evaluations'] as const,
  state: (id: string) => ['tender', id, 'evaluation'] as const,
  sheets: (id: string) => ['tender', id, 'evaluation', 'sheets'] as const,
  report: (id: string) => ['tender', id, 'evaluation', 'report'] as const,
  bids: (id: string, phase: string) => ['evaluation-bids', id, phase] as const,
  comparison: (id: string, phase: string, submitted: boolean) => ['evaluation-comparison', id, phase, submitted] as const,
  experts: ['experts'] as const,
};

const retry = (count: number, error: Error) => (error instanceof ApiError && error.status >= 400 && error.status < 500 ? false : count < 2);

export const useMyEvaluations = () => useQuery({ queryKey: evaluationKeys.mine, queryFn: () => call(api.GET('/api/v1/evaluations')), retry, refetchInterval: 60_000 });

/** Experts sit in other organizations and get no live event from the buyer's: the state is also polled. */
export const useEvaluation = (id: string) =>
  useQuery({ queryKey: evaluationKeys.state(id), queryFn: () => call(api.GET('/api/v1/evaluations/{id}', { params: { path: { id } } })), retry, refetchInterval: 30_000 });

/** The bids of a phase: read once (each read is audited), again after a screening save. */
export const useEvaluationBids = (id: string, phase: EvaluationPhase, enabled: boolean) =>
  useQuery({
    queryKey: evaluationKeys.bids(id, phase),
    queryFn: () => call(api.GET('/api/v1/evaluations/{id}/bids', { params: { path: { id } } })),
    retry,
    enabled,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

/**
 * The comparison table: each read by a member is audited, so it is read once per
 * phase (and again once the member's sheets are in, when the scores show), not
 * on focus or on a live event — its key is outside ['tender', id].
 */
export const useComparison = (id: string, phase: EvaluationPhase, submitted: boolean, enabled: boolean) =>
  useQuery({
    queryKey: evaluationKeys.comparison(id, phase, submitted),
    queryFn: () => call(api.GET('/api/v1/evaluations/{id}/comparison', { params: { path: { id } } })),
    retry,
    enabled,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const useScoreSheets = (id: string, enabled: boolean) =>
  useQuery({ queryKey: evaluationKeys.sheets(id), queryFn: () => call(api.GET('/api/v1/evaluations/{id}/sheets', { params: { path: { id } } })), retry, enabled });

export const useEvaluationReport = (id: string, enabled: boolean) =>
  useQuery({ queryKey: evaluationKeys.report(id), queryFn: () => call(api.GET('/api/v1/evaluations/{id}/report', { params: { path: { id } } })), retry, enabled });

/** The buyer's expert pool (its fields suggest what to draw). */
export const useExpertPool = (enabled: boolean) => useQuery({ queryKey: evaluationKeys.experts, queryFn: () => call(api.GET('/api/v1/experts')), retry, enabled, staleTime: 60_000 });

/** The printable report in one language (opened in a new tab). */
export const reportHtmlUrl = (id: string, lang: 'zh-CN' | 'en') => `/api/v1/evaluations/${encodeURIComponent(id)}/report.html?lang=${lang}`;

const path = (id: string) => ({ params: { path: { id } } });
/** Writes that must not happen twice on a retry (a draw, a signature) carry an Idempotency-Key. */
const once = () => ({ 'idempotency-key': newIdempotencyKey() });

/** The writes of the workspace; each answers the new state (or the sheets). */
export const evaluationActions = {
  setCommittee: (id: string, body: CommitteeInput) => call(api.PUT('/api/v1/evaluations/{id}/committee', { ...path(id), body })),
  draw: (id: string, body: DrawInput) => call(api.POST('/api/v1/evaluations/{id}/draws', { ...path(id), body, headers: once() })),
  replace: (id: string, memberId: string, body: ReplaceInput) =>
    call(api.POST('/api/v1/evaluations/{id}/members/{memberId}/replace', { params: { path: { id, memberId } }, body, headers: once() })),
  setChair: (id: string, memberId: string) => call(api.PUT('/api/v1/evaluations/{id}/members/{memberId}/chair', { params: { path: { id, memberId } } })),
  convene: (id: string) => call(api.POST('/api/v1/evaluations/{id}/convene', { ...path(id), headers: once() })),
  declare: (id: string, body: DeclarationInput) => call(api.POST('/api/v1/evaluations/{id}/declaration', { ...path(id), body, headers: once() })),
  screen: (id: string, body: ScreeningInput) => call(api.PUT('/api/v1/evaluations/{id}/screening', { ...path(id), body })),
  closeScreening: (id: string) => call(api.POST('/api/v1/evaluations/{id}/screening/close', { ...path(id), headers: once() })),
  saveSheet: (id: string, bidId: string, body: SheetInput) => call(api.PUT('/api/v1/evaluations/{id}/sheets/{bidId}', { params: { path: { id, bidId } }, body })),
  submitSheets: (id: string) => call(api.POST('/api/v1/evaluations/{id}/sheets/submit', { ...path(id), headers: once() })),
  closeScoring: (id: string) => call(api.POST('/api/v1/evaluations/{id}/scoring/close', { ...path(id), headers: once() })),
  sign: (id: string, body: SignInput) => call(api.POST('/api/v1/evaluations/{id}/sign', { ...path(id), body, headers: once() })),
};

/** After a write that answered the state: store it, and refresh the lists and the tender's views. */
export function applyEvaluationState(qc: QueryClient, id: string, state: EvaluationState) {
  qc.setQueryData(evaluationKeys.state(id), state);
  void qc.invalidateQueries({ queryKey: evaluationKeys.mine });
  void qc.invalidateQueries({ queryKey: ['tender', id], exact: true });
  void qc.invalidateQueries({ queryKey: evaluationKeys.sheets(id) });
  void qc.invalidateQueries({ queryKey: evaluationKeys.report(id) });
}

/** A member who left the committee (a declared conflict) sees the evaluation no more: forget it. */
export function forgetEvaluation(qc: QueryClient, id: string) {
  qc.removeQueries({ queryKey: evaluationKeys.state(id) });
  qc.removeQueries({ queryKey: ['evaluation-bids', id] });
  qc.removeQueries({ queryKey: ['evaluation-comparison', id] });
  void qc.invalidateQueries({ queryKey: evaluationKeys.mine });
}
