// React Query hooks of the award (定标, issue 8 §5–6) over the generated client:
// the buyer's award state per lot, the bidders' view of the candidates and of
// their own results, the buyer's savings. Types from the OpenAPI document only.
//
// The buyer's state sits under ['tender', id, …] and the bidder's under
// ['market-tender', id, …], so a live `tender.changed` event refreshes both.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Paths, Schemas } from './client';
import { api, ApiError, call, newIdempotencyKey } from './http';

export type AwardState = Schemas['AwardState'];
export type AwardLot = AwardState['lots'][number];
export type AwardCandidate = AwardLot['candidates'][number];
export type AwardObjection = AwardState['objections'][number];
export type SupplierResult = Schemas['SupplierResult'];
export type SupplierLotResult = SupplierResult['results'][number];
export type SavingsSummary = Schemas['SavingsSummary'];

type JsonBody<P extends keyof Paths> = Paths[P]['post'] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
export type PublishInput = JsonBody<'/api/v1/tenders/{id}/candidates/publish'>;
export type AwardInput = JsonBody<'/api/v1/tenders/{id}/lots/{lotKey}/award'>;
export type OutInput = JsonBody<'/api/v1/tenders/{id}/lots/{lotKey}/out'>;
export type RetenderInput = JsonBody<'/api/v1/tenders/{id}/lots/{lotKey}/retender'>;

export const awardKeys = {
  state: (id: string) => ['tender', id, 'award'] as const,
  result: (id: string) => ['market-tender', id, 'result'] as const,
  savings: ['savings'] as const,
};

const retry = (count: number, error: Error) => (error instanceof ApiError && error.status >= 400 && error.status < 500 ? false : count < 2);

/** Polled too: the objection window ends on the server's clock, not on an event. */
export const useAward = (id: string) =>
  useQuery({ queryKey: awardKeys.state(id), queryFn: () => call(api.GET('/api/v1/tenders/{id}/award', { params: { path: { id } } })), retry, refetchInterval: 60_000 });

export const useSupplierResult = (id: string, enabled: boolean) =>
  useQuery({ queryKey: awardKeys.result(id), queryFn: () => call(api.GET('/api/v1/market/tenders/{id}/result', { params: { path: { id } } })), retry, enabled, refetchInterval: enabled ? 60_000 : false });

export const useSavings = () => useQuery({ queryKey: awardKeys.savings, queryFn: () => call(api.GET('/api/v1/savings')), retry, staleTime: 60_000 });

const once = () => ({ 'idempotency-key': newIdempotencyKey() });
const lot = (id: string, lotKey: string) => ({ params: { path: { id, lotKey } } });

/** The writes of the award; each answers the new state (the bidder's objection: its view). */
export const awardActions = {
  publish: (id: string, body: PublishInput) => call(api.POST('/api/v1/tenders/{id}/candidates/publish', { params: { path: { id } }, body, headers: once() })),
  award: (id: string, lotKey: string, body: AwardInput) => call(api.POST('/api/v1/tenders/{id}/lots/{lotKey}/award', { ...lot(id, lotKey), body, headers: once() })),
  out: (id: string, lotKey: string, body: OutInput) => call(api.POST('/api/v1/tenders/{id}/lots/{lotKey}/out', { ...lot(id, lotKey), body, headers: once() })),
  retender: (id: string, lotKey: string, body: RetenderInput) => call(api.POST('/api/v1/tenders/{id}/lots/{lotKey}/retender', { ...lot(id, lotKey), body, headers: once() })),
  answer: (id: string, objectionId: string, answer: string) =>
    call(api.POST('/api/v1/tenders/{id}/objections/{objectionId}/answer', { params: { path: { id, objectionId } }, body: { answer }, headers: once() })),
  object: (id: string, grounds: string) => call(api.POST('/api/v1/market/tenders/{id}/objections', { params: { path: { id } }, body: { grounds }, headers: once() })),
};

/** After a write that answered the state: store it; the tender, its evaluation (its phase), the project board and the savings follow. */
export function applyAwardState(qc: QueryClient, id: string, state: AwardState) {
  qc.setQueryData(awardKeys.state(id), state);
  void qc.invalidateQueries({ queryKey: ['tender', id], exact: true });
  void qc.invalidateQueries({ queryKey: ['tender', id, 'evaluation'], exact: true });
  void qc.invalidateQueries({ queryKey: ['tender', id, 'audit'] });
  void qc.invalidateQueries({ queryKey: ['evaluations'] });
  void qc.invalidateQueries({ queryKey: ['projects'] });
  void qc.invalidateQueries({ queryKey: awardKeys.savings });
}
