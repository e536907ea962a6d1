import type {
  CreateOrganization,
  CreatePerson,
  CreateSavedView,
  Organization,
  OrganizationDuplicates,
  OrganizationImportMapping,
  OrganizationImportMode,
  OrganizationImportPreview,
  OrganizationImportResult,
  Person,
  RelationSearchResult,
  SavedView,
  UpdateOrganization,
  UpdatePerson,
} from '@clientbox/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type List } from '../../../shared/api/api-client.ts';
import { activityKeys } from '../activities/use-activities.ts';

/** What the organizations list shows; lives in the URL (`/crm/organizations?q=…&status=customer&sort=-updated_at`). */
export interface OrganizationListSearch {
  q?: string;
  status?: 'customer' | 'supplier' | 'lead';
  sort?: string;
}

export interface PersonListSearch {
  q?: string;
  sort?: string;
}

export const relationKeys = {
  all: ['crm-relations'] as const,
  organizations: (search: OrganizationListSearch) => ['crm-relations', 'organizations', search] as const,
  organization: (id: string) => ['crm-relations', 'organization', id] as const,
  persons: (search: PersonListSearch) => ['crm-relations', 'persons', search] as const,
  person: (id: string) => ['crm-relations', 'person', id] as const,
  search: (q: string, type?: string) => ['crm-relations', 'search', q, type ?? 'all'] as const,
  savedViews: (list: string) => ['crm-relations', 'saved-views', list] as const,
  duplicates: (probe: Record<string, string>) => ['crm-relations', 'duplicates', probe] as const,
};

const PAGE_SIZE = 25;

export function organizationListParams(search: OrganizationListSearch): URLSearchParams {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (search.q?.trim()) params.set('q', search.q.trim());
  if (search.status) params.set(`is_${search.status}`, 'true');
  if (search.sort) params.set('sort', search.sort);
  return params;
}

export function useOrganizations(search: OrganizationListSearch) {
  return useInfiniteQuery({
    queryKey: relationKeys.organizations(search),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = organizationListParams(search);
      if (pageParam) params.set('starting_after', pageParam);
      return api<List<Organization>>('GET', `/api/v1/organizations?${params}`);
    },
    getNextPageParam: (last) => (last.has_more ? last.data[last.data.length - 1]!.id : null),
    placeholderData: keepPreviousData,
  });
}

export function personListParams(search: PersonListSearch): URLSearchParams {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (search.q?.trim()) params.set('q', search.q.trim());
  if (search.sort) params.set('sort', search.sort);
  return params;
}

export function usePersons(search: PersonListSearch) {
  return useInfiniteQuery({
    queryKey: relationKeys.persons(search),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = personListParams(search);
      if (pageParam) params.set('starting_after', pageParam);
      return api<List<Person>>('GET', `/api/v1/persons?${params}`);
    },
    getNextPageParam: (last) => (last.has_more ? last.data[last.data.length - 1]!.id : null),
    placeholderData: keepPreviousData,
  });
}

export function useOrganization(id: string) {
  return useQuery({
    queryKey: relationKeys.organization(id),
    queryFn: () => api<Organization>('GET', `/api/v1/organizations/${id}`),
    enabled: Boolean(id),
  });
}

export function usePerson(id: string) {
  return useQuery({ queryKey: relationKeys.person(id), queryFn: () => api<Person>('GET', `/api/v1/persons/${id}`) });
}

/** The search box: organizations and persons together, typo tolerant, best first. */
export function useRelationSearch(q: string, type?: 'organization' | 'person') {
  const query = q.trim();
  return useQuery({
    queryKey: relationKeys.search(query, type),
    queryFn: () =>
      api<List<RelationSearchResult>>(
        'GET',
        `/api/v1/relations/search?q=${encodeURIComponent(query)}&limit=8${type ? `&type=${type}` : ''}`,
      ),
    enabled: query.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** Every write changes lists, details and search results of relations: they are fetched again. */
function useInvalidateRelations() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: relationKeys.all });
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export function useCreateOrganization() {
  const invalidate = useInvalidateRelations();
  return useMutation({
    mutationFn: (input: CreateOrganization) => api<Organization>('POST', '/api/v1/organizations', { body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateOrganization() {
  const invalidate = useInvalidateRelations();
  return useMutation({
    mutationFn: ({ id, changes, version }: { id: string; changes: UpdateOrganization; version: number }) =>
      api<Organization>('PATCH', `/api/v1/organizations/${id}`, { body: changes, headers: ifMatch(version) }),
    onSuccess: invalidate,
  });
}

export function useConvertLead() {
  const invalidate = useInvalidateRelations();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<Organization>('POST', `/api/v1/organizations/${id}/convert`, { headers: ifMatch(version) }),
    onSuccess: invalidate,
  });
}

export function useDeleteOrganization() {
  const invalidate = useInvalidateRelations();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<void>('DELETE', `/api/v1/organizations/${id}`, { headers: ifMatch(version) }),
    onSuccess: invalidate,
  });
}

export function useCreatePerson() {
  const invalidate = useInvalidateRelations();
  return useMutation({
    mutationFn: (input: CreatePerson) => api<Person>('POST', '/api/v1/persons', { body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdatePerson() {
  const invalidate = useInvalidateRelations();
  return useMutation({
    mutationFn: ({ id, changes, version }: { id: string; changes: UpdatePerson; version: number }) =>
      api<Person>('PATCH', `/api/v1/persons/${id}`, { body: changes, headers: ifMatch(version) }),
    onSuccess: invalidate,
  });
}

export function useDeletePerson() {
  const invalidate = useInvalidateRelations();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<void>('DELETE', `/api/v1/persons/${id}`, { headers: ifMatch(version) }),
    onSuccess: invalidate,
  });
}

export function useSavedViews(list: 'organizations' | 'persons') {
  return useQuery({
    queryKey: relationKeys.savedViews(list),
    queryFn: () => api<List<SavedView>>('GET', `/api/v1/saved_views?list=${list}`),
  });
}

export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSavedView) => api<SavedView>('POST', '/api/v1/saved_views', { body: input }),
    onSuccess: (view) => queryClient.invalidateQueries({ queryKey: relationKeys.savedViews(view.list) }),
  });
}

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (view: SavedView) => api<void>('DELETE', `/api/v1/saved_views/${view.id}`),
    onSuccess: (_, view) => queryClient.invalidateQueries({ queryKey: relationKeys.savedViews(view.list) }),
  });
}

function organizationImportForm(file: File, mapping: OrganizationImportMapping | null): FormData {
  const form = new FormData();
  if (mapping) form.append('mapping', JSON.stringify(mapping));
  form.append('file', file);
  return form;
}

/** Step one of an import: what the file holds and which rows are wrong, nothing written. */
export function usePreviewOrganizationImport() {
  return useMutation({
    mutationFn: ({ file, mapping }: { file: File; mapping: OrganizationImportMapping | null }) =>
      api<OrganizationImportPreview>('POST', '/api/v1/organizations/import?preview=true', {
        form: organizationImportForm(file, mapping),
      }),
  });
}

export function useCommitOrganizationImport() {
  const invalidate = useInvalidateRelations();
  return useMutation({
    mutationFn: ({
      file,
      mapping,
      mode,
    }: {
      file: File;
      mapping: OrganizationImportMapping;
      mode: OrganizationImportMode;
    }) =>
      api<OrganizationImportResult>('POST', `/api/v1/organizations/import?mode=${mode}`, {
        form: organizationImportForm(file, mapping),
      }),
    onSuccess: invalidate,
  });
}

/** "Bestaat deze relatie al?": candidates for what is typed in the form (empty values left out). */
export function useOrganizationDuplicates(probe: Record<string, string>) {
  const filled = Object.fromEntries(Object.entries(probe).filter(([, value]) => value.trim() !== ''));
  const hasProbe = Object.keys(filled).some((key) => key !== 'exclude_id');
  return useQuery({
    queryKey: relationKeys.duplicates(filled),
    queryFn: () =>
      api<OrganizationDuplicates>('GET', `/api/v1/organizations/duplicates?${new URLSearchParams(filled).toString()}`),
    enabled: hasProbe,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** The duplicate's timeline, tasks and deals move to the kept organization: those lists are fetched again too. */
export function useMergeOrganization() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateRelations();
  return useMutation({
    mutationFn: ({ id, duplicateId }: { id: string; duplicateId: string }) =>
      api<Organization>('POST', `/api/v1/organizations/${id}/merge`, { body: { duplicate_id: duplicateId } }),
    onSuccess: () => Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: activityKeys.all })]),
  });
}

/** GDPR art. 17: anonymises the person (admins); idempotent. */
export function useErasePerson() {
  const invalidate = useInvalidateRelations();
  return useMutation({
    mutationFn: (id: string) => api<Person>('POST', `/api/v1/persons/${id}/erase`),
    onSuccess: invalidate,
  });
}
