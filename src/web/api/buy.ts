// React Query hooks of the buy side and the supplier portal, over the generated
// client (types from the OpenAPI document only).
import { useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Schemas } from './client';
import { api, ApiError, call } from './http';

export type RequisitionSummary = Schemas['RequisitionSummary'];
export type Requisition = Schemas['Requisition'];
export type ApprovalRule = Schemas['ApprovalRule'];
export type ProjectSummary = Schemas['ProjectSummary'];
export type Project = Schemas['Project'];
export type Supplier = Schemas['Supplier'];
export type Certification = Schemas['Certification'];
export type Tender = Schemas['Tender'];
export type TenderPublic = Schemas['TenderPublic'];
export type TenderSummary = Schemas['TenderSummary'];
export type MarketTender = Schemas['MarketTender'];
export type OpeningState = Schemas['OpeningState'];
export type OpeningRecord = Schemas['OpeningRecord'];
export type MyBid = Schemas['MyBid'];
export type Notification = Schemas['Notification'];
export type KeyHolder = Schemas['KeyHolder'];
export type Registration = Schemas['SupplierRegistration'];

export const buyKeys = {
  requisitions: (q: object) => ['requisitions', q] as const,
  requisition: (id: string) => ['requisition', id] as const,
  approvalRules: ['approval-rules'] as const,
  projects: (q: object) => ['projects', q] as const,
  project: (id: string) => ['project', id] as const,
  projectTimeline: (id: string) => ['project', id, 'timeline'] as const,
  suppliers: (q: object) => ['suppliers', q] as const,
  supplier: (id: string) => ['supplier', id] as const,
  tenders: (q: object) => ['tenders', q] as const,
  tender: (id: string) => ['tender', id] as const,
  opening: (id: string) => ['tender', id, 'opening'] as const,
  tenderAudit: (id: string) => ['tender', id, 'audit'] as const,
  openedBids: (id: string) => ['tender', id, 'bids'] as const,
  keyHolders: ['key-holders'] as const,
  market: (q: object) => ['market', q] as const,
  marketTender: (id: string) => ['market-tender', id] as const,
  registrations: ['registrations'] as const,
  notifications: (q: object) => ['notifications', q] as const,
};

const retry = (count: number, error: Error) => (error instanceof ApiError && error.status >= 400 && error.status < 500 ? false : count < 2);

export function useRequisitions(q: { view: 'all' | 'mine' | 'inbox' }) {
  return useInfiniteQuery({
    queryKey: buyKeys.requisitions(q),
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/requisitions', { params: { query: { ...q, limit: 50, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry,
  });
}
export const useRequisition = (id: string) => useQuery({ queryKey: buyKeys.requisition(id), queryFn: () => call(api.GET('/api/v1/requisitions/{id}', { params: { path: { id } } })), retry });
export const useApprovalRules = () => useQuery({ queryKey: buyKeys.approvalRules, queryFn: () => call(api.GET('/api/v1/approval-rules')), retry });

export function useProjects() {
  return useQuery({ queryKey: buyKeys.projects({}), queryFn: () => call(api.GET('/api/v1/projects', { params: { query: { limit: 200 } } })), retry });
}
export const useProject = (id: string) => useQuery({ queryKey: buyKeys.project(id), queryFn: () => call(api.GET('/api/v1/projects/{id}', { params: { path: { id } } })), retry });
export const useProjectTimeline = (id: string) =>
  useQuery({ queryKey: buyKeys.projectTimeline(id), queryFn: () => call(api.GET('/api/v1/projects/{id}/timeline', { params: { path: { id }, query: { limit: 100 } } })), retry });

export function useSuppliers(q: { q?: string; category?: 'goods' | 'services' | 'works'; certified?: 'true' | 'false' }) {
  return useQuery({ queryKey: buyKeys.suppliers(q), queryFn: () => call(api.GET('/api/v1/suppliers', { params: { query: q } })), retry, placeholderData: (p) => p });
}
export const useSupplier = (id: string) => useQuery({ queryKey: buyKeys.supplier(id), queryFn: () => call(api.GET('/api/v1/suppliers/{id}', { params: { path: { id } } })), retry });

export function useTenders(q: { projectId?: string } = {}) {
  return useQuery({ queryKey: buyKeys.tenders(q), queryFn: () => call(api.GET('/api/v1/tenders', { params: { query: { ...q, limit: 200 } } })), retry });
}
export const useTender = (id: string) => useQuery({ queryKey: buyKeys.tender(id), queryFn: () => call(api.GET('/api/v1/tenders/{id}', { params: { path: { id } } })), retry });
export const useOpening = (id: string, enabled = true) =>
  useQuery({ queryKey: buyKeys.opening(id), queryFn: () => call(api.GET('/api/v1/tenders/{id}/opening', { params: { path: { id } } })), retry, enabled, refetchInterval: 15_000 });
export const useTenderAudit = (id: string) => useQuery({ queryKey: buyKeys.tenderAudit(id), queryFn: () => call(api.GET('/api/v1/tenders/{id}/audit', { params: { path: { id } } })), retry });
export const useOpenedBids = (id: string, enabled: boolean) =>
  useQuery({ queryKey: buyKeys.openedBids(id), queryFn: () => call(api.GET('/api/v1/tenders/{id}/bids', { params: { path: { id } } })), retry, enabled });
export const useKeyHolders = () => useQuery({ queryKey: buyKeys.keyHolders, queryFn: () => call(api.GET('/api/v1/key-holders')), retry });

export function useMarket(q: { view: 'all' | 'invited' | 'bid' }) {
  return useQuery({ queryKey: buyKeys.market(q), queryFn: () => call(api.GET('/api/v1/market/tenders', { params: { query: { ...q, limit: 200 } } })), retry });
}
export const useMarketTender = (id: string) => useQuery({ queryKey: buyKeys.marketTender(id), queryFn: () => call(api.GET('/api/v1/market/tenders/{id}', { params: { path: { id } } })), retry });
export const useRegistrations = () => useQuery({ queryKey: buyKeys.registrations, queryFn: () => call(api.GET('/api/v1/registrations')), retry });

export function useNotifications(q: { unread?: 'true' | 'false' } = {}) {
  return useQuery({ queryKey: buyKeys.notifications(q), queryFn: () => call(api.GET('/api/v1/notifications', { params: { query: { ...q, limit: 100 } } })), retry, refetchInterval: 60_000 });
}

/** After a change to a tender: every view of it. */
export function invalidateTender(qc: QueryClient, id?: string) {
  if (id) {
    void qc.invalidateQueries({ queryKey: ['tender', id] });
    void qc.invalidateQueries({ queryKey: ['market-tender', id] });
  }
  void qc.invalidateQueries({ queryKey: ['tenders'] });
  void qc.invalidateQueries({ queryKey: ['market'] });
  void qc.invalidateQueries({ queryKey: ['notifications'] });
  void qc.invalidateQueries({ queryKey: ['project'] });
}
