import type {
  AuditEvent,
  Company,
  OperatorMe,
  OperatorTenant,
  Order,
  PlatformSettings,
  ReviewQueueItem,
  UpdateCompany,
  UpdatePlatformSettings,
} from '@clientbox/contracts';
import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, ApiError, type List } from '../../shared/api/api-client.ts';

export interface DatedPrice {
  id: string;
  item: string;
  monthly: string;
  valid_from: string;
  note: string | null;
}

export interface TermsVersion {
  version: string;
  effective_from: string;
  published_at: string;
}

export interface SentAnnouncement {
  id: string;
  kind: 'service' | 'newsletter';
  subject: string;
  recipient_count: number;
  created_at: string;
}

/** A tenant that lets the logged-in staff member in right now (terms art. 16). */
export interface MySupportGrant {
  id: string;
  tenant_id: string;
  tenant_name: string;
  access: 'read' | 'write';
  reason: string;
  expires_at: string;
}

export type TenantAction =
  | { action: 'extend-demo'; body: { days: number } }
  | { action: 'deactivate'; body: { reason: string } }
  | { action: 'reactivate'; body?: undefined };

export const operatorKeys = {
  all: ['operator'] as const,
  me: ['operator', 'me'] as const,
  tenantLists: ['operator', 'tenants'] as const,
  tenants: (search: string) => ['operator', 'tenants', search] as const,
  orders: ['operator', 'orders'] as const,
  settings: ['operator', 'settings'] as const,
  prices: ['operator', 'prices'] as const,
  terms: ['operator', 'terms'] as const,
  announcements: ['operator', 'announcements'] as const,
  supportGrants: ['operator', 'support_grants'] as const,
  supportCompany: (tenantId: string) => ['operator', 'support', tenantId, 'company'] as const,
  supportAudit: (tenantId: string) => ['operator', 'support', tenantId, 'audit'] as const,
};

const data = <T>(path: string) => api<{ data: T[] }>('GET', path).then((list) => list.data);

/** The logged-in staff member; `null` when the console session is missing or over. */
export function useOperatorMe() {
  return useQuery({
    queryKey: operatorKeys.me,
    queryFn: async () => {
      try {
        return await api<OperatorMe>('GET', '/api/v1/operator/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    retry: false,
    staleTime: 30_000,
  });
}

/** A console mutation that refreshes the lists it changes. */
function useConsoleMutation<Input, Result>(run: (input: Input) => Promise<Result>, changes: QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => Promise.all(changes.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}

export function useOperatorLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      api<OperatorMe>('POST', '/api/v1/operator/login', { body: credentials }),
    onSuccess: (me) => {
      queryClient.removeQueries({ queryKey: operatorKeys.all });
      queryClient.setQueryData(operatorKeys.me, me);
    },
  });
}

/**
 * A console session ends after a working day: when any console call answers 401, forget the
 * staff member, so the console frame sends them to the login instead of showing empty pages.
 */
export function useEndedSessionWatch() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        const { error } = event.query.state;
        if (event.type !== 'updated' || !(error instanceof ApiError) || error.status !== 401) return;
        if (event.query.queryKey[0] === operatorKeys.all[0]) queryClient.setQueryData(operatorKeys.me, null);
      }),
    [queryClient],
  );
}

export function useOperatorLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/api/v1/operator/logout'),
    onSettled: () => {
      queryClient.removeQueries({ queryKey: operatorKeys.all });
      queryClient.setQueryData(operatorKeys.me, null);
    },
  });
}

export function useConsoleTenants(search: string) {
  return useQuery({
    queryKey: operatorKeys.tenants(search),
    queryFn: () =>
      data<OperatorTenant>(`/api/v1/operator/tenants${search ? `?search=${encodeURIComponent(search)}` : ''}`),
    placeholderData: (previous) => previous,
  });
}

export function useTenantAction() {
  return useConsoleMutation(
    ({ tenantId, action, body }: TenantAction & { tenantId: string }) =>
      api<{ demo_ends_at?: string; deactivation_due_at?: string } | undefined>(
        'POST',
        `/api/v1/operator/tenants/${tenantId}/${action}`,
        { body },
      ),
    [operatorKeys.tenantLists],
  );
}

/** Orders waiting for a decision; new ones appear within a minute while the page is open. */
export function useReviewQueue() {
  return useQuery({
    queryKey: operatorKeys.orders,
    queryFn: () => data<ReviewQueueItem>('/api/v1/operator/orders'),
    refetchInterval: 60_000,
  });
}

export function useDecideOrder() {
  return useConsoleMutation(
    (input: { tenantId: string; orderId: string; decision: 'accept' | 'refuse'; reason?: string }) =>
      api<Order>('POST', `/api/v1/operator/orders/${input.tenantId}/${input.orderId}/decision`, {
        body: { decision: input.decision, ...(input.reason !== undefined && { reason: input.reason }) },
      }),
    [operatorKeys.orders, operatorKeys.tenantLists],
  );
}

/** Platform switches: the review queue (art. 6) and the tenant the operator bills its tenants from. */
export function usePlatformSettings() {
  return useQuery({
    queryKey: operatorKeys.settings,
    queryFn: () => api<PlatformSettings>('GET', '/api/v1/operator/settings'),
  });
}

export function useUpdatePlatformSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: UpdatePlatformSettings) =>
      api<PlatformSettings>('PATCH', '/api/v1/operator/settings', { body: settings }),
    onSuccess: (settings) => queryClient.setQueryData(operatorKeys.settings, settings),
  });
}

/** Art. 8: a cancellation the operator received by e-mail. */
export function useRegisterCancellation() {
  return useConsoleMutation(
    (input: { tenantId: string; received_on?: string; reason?: string }) =>
      api<{ deactivation_due_at: string }>('POST', `/api/v1/operator/tenants/${input.tenantId}/cancellation`, {
        body: {
          ...(input.received_on && { received_on: input.received_on }),
          ...(input.reason && { reason: input.reason }),
        },
      }),
    [operatorKeys.tenantLists],
  );
}

/** Art. 14: an order cancelled before delivery; 10% of its price is invoiced. */
export function useCancelPendingOrder() {
  return useConsoleMutation(
    (input: { tenantId: string; orderId: string; reason?: string }) =>
      api<Order>('POST', `/api/v1/operator/orders/${input.tenantId}/${input.orderId}/cancel`, {
        body: input.reason ? { reason: input.reason } : {},
      }),
    [operatorKeys.orders, operatorKeys.tenantLists],
  );
}

export function useConsolePrices() {
  return useQuery({ queryKey: operatorKeys.prices, queryFn: () => data<DatedPrice>('/api/v1/operator/prices') });
}

export function useAddPrice() {
  return useConsoleMutation(
    (price: { item: string; monthly: string; valid_from: string; note?: string }) =>
      api<{ id: string; notified_tenants: number }>('POST', '/api/v1/operator/prices', { body: price }),
    [operatorKeys.prices],
  );
}

export function useConsoleTerms() {
  return useQuery({ queryKey: operatorKeys.terms, queryFn: () => data<TermsVersion>('/api/v1/operator/terms') });
}

export function usePublishTerms() {
  return useConsoleMutation(
    (terms: { version: string; effective_from: string; body: string }) =>
      api<{ version: string; effective_from: string; notified_owners: number }>('POST', '/api/v1/operator/terms', {
        body: terms,
      }),
    [operatorKeys.terms],
  );
}

export function useAnnouncements() {
  return useQuery({
    queryKey: operatorKeys.announcements,
    queryFn: () => data<SentAnnouncement>('/api/v1/operator/announcements'),
  });
}

export function useSendAnnouncement() {
  return useConsoleMutation(
    (message: { kind: 'service' | 'newsletter'; subject: string; body: string }) =>
      api<SentAnnouncement>('POST', '/api/v1/operator/announcements', { body: message }),
    [operatorKeys.announcements],
  );
}

export function useMySupportGrants() {
  return useQuery({
    queryKey: operatorKeys.supportGrants,
    queryFn: () => data<MySupportGrant>('/api/v1/operator/support-grants'),
  });
}

// Inside a tenant through its grant: no retries, so a revoked grant shows at once.
export function useSupportCompany(tenantId: string) {
  return useQuery({
    queryKey: operatorKeys.supportCompany(tenantId),
    queryFn: () => api<Company>('GET', '/api/v1/company', { supportTenantId: tenantId }),
    retry: false,
  });
}

export function useUpdateSupportCompany(tenantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ changes, version }: { changes: UpdateCompany; version: number }) =>
      api<Company>('PATCH', '/api/v1/company', {
        body: changes,
        headers: { 'if-match': `"${version}"` },
        supportTenantId: tenantId,
      }),
    onSuccess: async (company) => {
      queryClient.setQueryData(operatorKeys.supportCompany(tenantId), company);
      await queryClient.invalidateQueries({ queryKey: operatorKeys.supportAudit(tenantId) });
    },
  });
}

export function useSupportAudit(tenantId: string) {
  return useQuery({
    queryKey: operatorKeys.supportAudit(tenantId),
    queryFn: () => api<List<AuditEvent>>('GET', '/api/v1/audit_events?limit=50', { supportTenantId: tenantId }),
    retry: false,
  });
}
