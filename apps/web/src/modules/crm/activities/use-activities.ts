import type {
  CreateDeal,
  CreateDealStage,
  CreateNote,
  CreateTask,
  Deal,
  DealStage,
  DealSummary,
  Member,
  MoveDeal,
  Task,
  TaskSummary,
  TimelineItem,
  UpdateDeal,
  UpdateDealStage,
  UpdateNote,
  UpdateTask,
} from '@clientbox/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type List } from '../../../shared/api/api-client.ts';
import { accountKeys } from '../../accounts/use-me.ts';

/** The organization or person an activity belongs to. */
export type RelationRef = { type: 'organization'; id: string } | { type: 'person'; id: string };

export interface TaskFilter {
  assignee?: string;
  created_by?: string;
  status?: 'open' | 'done';
  organization_id?: string;
  person_id?: string;
}

export interface DealFilter {
  organization_id?: string;
  person_id?: string;
  closed_since?: string;
}

const ROOT = 'crm-activities';
export const activityKeys = {
  all: [ROOT] as const,
  timeline: (relation: RelationRef) => [ROOT, 'timeline', relation.type, relation.id] as const,
  tasks: [ROOT, 'tasks'] as const,
  taskList: (filter: TaskFilter) => [ROOT, 'tasks', 'list', filter] as const,
  taskSummary: [ROOT, 'tasks', 'summary'] as const,
  stages: [ROOT, 'deal-stages'] as const,
  deals: [ROOT, 'deals'] as const,
  dealList: (filter: DealFilter) => [ROOT, 'deals', 'list', filter] as const,
  dealSummary: (months: number) => [ROOT, 'deals', 'summary', months] as const,
};

const query = (values: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
};

/** Every page of a list: the board and "my tasks" show all of it (an SME has hundreds, not millions). */
async function fetchAll<T extends { id: string }>(path: string, filter: Record<string, string | undefined>) {
  const all: T[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await api<List<T>>('GET', `${path}?${query({ ...filter, limit: 100, starting_after: after })}`);
    all.push(...page.data);
    if (!page.has_more || page.data.length === 0) return all;
    after = page.data[page.data.length - 1]!.id;
  }
}

const ifMatch = (version: number | string) => ({ 'if-match': `"${version}"` });

// ── Timeline ──

export function useTimeline(relation: RelationRef) {
  const path = `/api/v1/${relation.type === 'organization' ? 'organizations' : 'persons'}/${relation.id}/timeline`;
  return useInfiniteQuery({
    queryKey: activityKeys.timeline(relation),
    queryFn: ({ pageParam }) =>
      api<List<TimelineItem>>('GET', `${path}?${query({ limit: 20, starting_after: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => (last.has_more ? last.data[last.data.length - 1]?.id : undefined),
  });
}

export function useNoteMutations(relation: RelationRef) {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: activityKeys.timeline(relation) });
  return {
    add: useMutation({
      mutationFn: (note: CreateNote) => api<TimelineItem>('POST', '/api/v1/notes', { body: note }),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ item, changes }: { item: TimelineItem; changes: UpdateNote }) =>
        api<TimelineItem>('PATCH', `/api/v1/notes/${item.id}`, { body: changes, headers: ifMatch(item.etag) }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (item: TimelineItem) =>
        api<void>('DELETE', `/api/v1/notes/${item.id}`, { headers: ifMatch(item.etag) }),
      onSuccess,
    }),
  };
}

// ── Tasks ──

export function useTasks(filter: TaskFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: activityKeys.taskList(filter),
    queryFn: () => fetchAll<Task>('/api/v1/tasks', { ...filter }),
    enabled: options.enabled ?? true,
  });
}

/** My open tasks, for the count in the navigation. */
export function useTaskSummary(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: activityKeys.taskSummary,
    queryFn: () => api<TaskSummary>('GET', '/api/v1/tasks/summary'),
    enabled: options.enabled ?? true,
    staleTime: 30_000,
    refetchInterval: 120_000,
  });
}

export function useTaskMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: activityKeys.tasks });
  return {
    create: useMutation({
      mutationFn: (task: CreateTask) => api<Task>('POST', '/api/v1/tasks', { body: task }),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ task, changes }: { task: Task; changes: UpdateTask }) =>
        api<Task>('PATCH', `/api/v1/tasks/${task.id}`, { body: changes, headers: ifMatch(task.version) }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (task: Task) => api<void>('DELETE', `/api/v1/tasks/${task.id}`, { headers: ifMatch(task.version) }),
      onSuccess,
    }),
  };
}

/** Colleagues a task can be given to. */
export function useMembers() {
  return useQuery({
    queryKey: accountKeys.members,
    queryFn: () => api<List<Member>>('GET', '/api/v1/members'),
    staleTime: 60_000,
  });
}

// ── Pipeline ──

export function useDealStages() {
  return useQuery({
    queryKey: activityKeys.stages,
    queryFn: async () => (await api<List<DealStage>>('GET', '/api/v1/deal_stages')).data,
  });
}

export function useDeals(filter: DealFilter) {
  return useQuery({
    queryKey: activityKeys.dealList(filter),
    queryFn: () => fetchAll<Deal>('/api/v1/deals', { ...filter }),
  });
}

export function useDealSummary(months: number) {
  return useQuery({
    queryKey: activityKeys.dealSummary(months),
    queryFn: () => api<DealSummary>('GET', `/api/v1/deals/summary?months=${months}`),
  });
}

export function useDealMutations() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: activityKeys.deals });
    await queryClient.invalidateQueries({ queryKey: activityKeys.stages });
  };
  return {
    create: useMutation({
      mutationFn: (deal: CreateDeal) => api<Deal>('POST', '/api/v1/deals', { body: deal }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ deal, changes }: { deal: Deal; changes: UpdateDeal }) =>
        api<Deal>('PATCH', `/api/v1/deals/${deal.id}`, { body: changes, headers: ifMatch(deal.version) }),
      onSuccess: refresh,
    }),
    move: useMutation({
      mutationFn: ({ deal, move }: { deal: Deal; move: MoveDeal }) =>
        api<Deal>('POST', `/api/v1/deals/${deal.id}/move`, { body: move }),
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (deal: Deal) => api<void>('DELETE', `/api/v1/deals/${deal.id}`, { headers: ifMatch(deal.version) }),
      onSuccess: refresh,
    }),
  };
}

export function useStageMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: activityKeys.all });
  return {
    create: useMutation({
      mutationFn: (stage: CreateDealStage) => api<DealStage>('POST', '/api/v1/deal_stages', { body: stage }),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, changes }: { id: string; changes: UpdateDealStage }) =>
        api<DealStage>('PATCH', `/api/v1/deal_stages/${id}`, { body: changes }),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api<void>('DELETE', `/api/v1/deal_stages/${id}`),
      onSuccess,
    }),
  };
}
