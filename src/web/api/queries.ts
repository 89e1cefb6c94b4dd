// React Query hooks over the generated client: one place for query keys, so a
// write can invalidate exactly what it changed.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Paths, Schemas } from './client';
import { api, ApiError, call } from './http';

export type Me = Schemas['Me'];
export type Account = Schemas['Account'];
export type Contact = Schemas['Contact'];
export type Competitor = Schemas['Competitor'];
export type OpportunitySummary = Schemas['OpportunitySummary'];
export type OpportunityDetail = Schemas['OpportunityDetail'];
export type Board = Schemas['Board'];
export type Interaction = Schemas['Interaction'];
export type Task = Schemas['Task'];
export type ProcessModel = Schemas['ProcessModel'];
export type Member = Schemas['Member'];
export type Invitation = Schemas['Invitation'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type StageMove = Schemas['StageMove'];
export type Settings = Schemas['OrganizationSettings'];
export type Risk = Schemas['Risk'];
export type Message = Schemas['Message'];

export const keys = {
  me: ['me'] as const,
  board: (q: object) => ['board', q] as const,
  opportunities: (q: object) => ['opportunities', q] as const,
  opportunity: (id: string) => ['opportunity', id] as const,
  opportunityTimeline: (id: string) => ['opportunity', id, 'timeline'] as const,
  stageHistory: (id: string) => ['opportunity', id, 'stage-history'] as const,
  interactions: (q: object) => ['interactions', q] as const,
  accounts: (q: object) => ['accounts', q] as const,
  account: (id: string) => ['account', id] as const,
  accountTimeline: (id: string) => ['account', id, 'timeline'] as const,
  contacts: (accountId: string) => ['contacts', accountId] as const,
  competitors: ['competitors'] as const,
  tasks: (q: object) => ['tasks', q] as const,
  processModels: ['process-models'] as const,
  settings: ['settings'] as const,
  members: ['members'] as const,
  invitations: ['invitations'] as const,
};

const retry = (count: number, error: Error) => {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return count < 2;
};

export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: () => call(api.GET('/api/v1/me')),
    retry: (count, error) => (error instanceof ApiError && error.status === 401 ? false : retry(count, error)),
    staleTime: 60_000,
  });
}

export function useProcessModels() {
  return useQuery({ queryKey: keys.processModels, queryFn: () => call(api.GET('/api/v1/process-models')), staleTime: 5 * 60_000, retry });
}

export function useMembers() {
  return useQuery({ queryKey: keys.members, queryFn: () => call(api.GET('/api/v1/organization/members')), staleTime: 60_000, retry });
}

export function useCompetitors() {
  return useQuery({ queryKey: keys.competitors, queryFn: () => call(api.GET('/api/v1/competitors')), staleTime: 60_000, retry });
}

export function useSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => call(api.GET('/api/v1/organization/settings')), retry });
}

/** The query parameters of a GET operation, from the generated OpenAPI types. */
type QueryOf<P extends keyof Paths> = Paths[P] extends { get: { parameters: { query?: infer Q } } } ? NonNullable<Q> : never;

export type BoardFilters = Omit<QueryOf<'/api/v1/opportunities/board'>, 'perStage'>;

export function useBoard(q: BoardFilters, enabled = true) {
  return useQuery({
    queryKey: keys.board(q),
    queryFn: () => call(api.GET('/api/v1/opportunities/board', { params: { query: q } })),
    enabled,
    retry,
    placeholderData: (prev) => prev,
  });
}

export type OpportunityListFilters = Omit<QueryOf<'/api/v1/opportunities'>, 'limit' | 'cursor' | 'minValue' | 'maxValue'>;

export function useOpportunityList(q: OpportunityListFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: keys.opportunities(q),
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/opportunities', { params: { query: { ...q, limit: 50, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    retry,
  });
}

export function useOpportunity(id: string) {
  return useQuery({ queryKey: keys.opportunity(id), queryFn: () => call(api.GET('/api/v1/opportunities/{id}', { params: { path: { id } } })), retry });
}

export function useOpportunityTimeline(id: string) {
  return useInfiniteQuery({
    queryKey: keys.opportunityTimeline(id),
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/opportunities/{id}/timeline', { params: { path: { id }, query: { limit: 30, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry,
  });
}

export function useStageHistory(id: string) {
  return useQuery({ queryKey: keys.stageHistory(id), queryFn: () => call(api.GET('/api/v1/opportunities/{id}/stage-history', { params: { path: { id } } })), retry });
}

export function useInteractions(q: { opportunityId?: string; accountId?: string }) {
  return useInfiniteQuery({
    queryKey: keys.interactions(q),
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/interactions', { params: { query: { ...q, limit: 30, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry,
  });
}

export type AccountListFilters = Omit<QueryOf<'/api/v1/accounts'>, 'limit' | 'cursor'>;

export function useAccountList(q: AccountListFilters) {
  return useInfiniteQuery({
    queryKey: keys.accounts(q),
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/accounts', { params: { query: { ...q, limit: 50, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry,
  });
}

/** Accounts for a picker (first 200 by name, optionally searched). */
export function useAccountOptions(search: string) {
  return useQuery({
    queryKey: ['accounts', 'options', search],
    queryFn: () => call(api.GET('/api/v1/accounts', { params: { query: { q: search || undefined, limit: 200, sort: 'name', order: 'asc' } } })),
    placeholderData: (prev) => prev,
    retry,
  });
}

export function useAccount(id: string) {
  return useQuery({ queryKey: keys.account(id), queryFn: () => call(api.GET('/api/v1/accounts/{id}', { params: { path: { id } } })), retry });
}

export function useAccountTimeline(id: string) {
  return useInfiniteQuery({
    queryKey: keys.accountTimeline(id),
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/accounts/{id}/timeline', { params: { path: { id }, query: { limit: 30, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    retry,
  });
}

export function useContacts(accountId: string | null | undefined) {
  return useQuery({
    queryKey: keys.contacts(accountId ?? ''),
    queryFn: () => call(api.GET('/api/v1/contacts', { params: { query: { accountId: accountId ?? undefined, limit: 200 } } })),
    enabled: !!accountId,
    retry,
  });
}

export function useTasks(q: { opportunityId?: string; ownerId?: string; status?: 'open' | 'done' }, enabled = true) {
  return useInfiniteQuery({
    queryKey: keys.tasks(q),
    queryFn: ({ pageParam }) => call(api.GET('/api/v1/tasks', { params: { query: { ...q, limit: 100, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    retry,
  });
}

/** After any change to an opportunity: everything that shows it. */
export function invalidateOpportunity(qc: QueryClient, id?: string, accountId?: string) {
  if (id) void qc.invalidateQueries({ queryKey: ['opportunity', id] });
  void qc.invalidateQueries({ queryKey: ['board'] });
  void qc.invalidateQueries({ queryKey: ['opportunities'] });
  void qc.invalidateQueries({ queryKey: ['tasks'] });
  void qc.invalidateQueries({ queryKey: ['interactions'] });
  if (accountId) void qc.invalidateQueries({ queryKey: ['account', accountId] });
}

export { useMutation, useQueryClient };
