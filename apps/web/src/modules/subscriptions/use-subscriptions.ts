import type {
  BillingRunPreview,
  CancelSubscription,
  ChangeSubscription,
  CreatePriceChange,
  CreateSubscription,
  IndexSubscriptions,
  indexationResult,
  Mandate,
  Subscription,
  SubscriptionChangePreview,
  SubscriptionMetrics,
  subscriptionSettings,
  SubscriptionStatus,
  UpdateSubscription,
  updateSubscriptionSettings,
} from '@clientbox/contracts';
import type { z } from 'zod';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type List } from '../../shared/api/api-client.ts';
import { invoiceKeys } from '../invoices/use-invoices.ts';
import { mandateKeys } from '../receivables/mandates/use-mandates.ts';

export type SubscriptionSettings = z.infer<typeof subscriptionSettings>;
export type UpdateSubscriptionSettings = z.infer<typeof updateSubscriptionSettings>;
export type IndexationResult = z.infer<typeof indexationResult>;
export interface BillingRunStarted {
  object: 'billing_run';
  job_id: string;
  date: string;
}

/** The list's filters, as they stand in the URL of `/subscriptions` (`?status=active&q=…`). */
export interface SubscriptionFilters {
  status?: SubscriptionStatus;
  q?: string;
}

export const subscriptionKeys = {
  all: ['subscriptions'] as const,
  lists: () => [...subscriptionKeys.all, 'list'] as const,
  list: (filters: SubscriptionFilters) => [...subscriptionKeys.lists(), filters] as const,
  customer: (customerId: string) => [...subscriptionKeys.lists(), 'customer', customerId] as const,
  detail: (id: string) => [...subscriptionKeys.all, 'detail', id] as const,
  metrics: () => [...subscriptionKeys.all, 'metrics'] as const,
  upcoming: (days: number) => [...subscriptionKeys.all, 'upcoming', days] as const,
  settings: () => [...subscriptionKeys.all, 'settings'] as const,
};

const PAGE_SIZE = 50;

export function useSubscriptionList(filters: SubscriptionFilters) {
  return useInfiniteQuery({
    queryKey: subscriptionKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (filters.status) params.set('status', filters.status);
      if (filters.q) params.set('q', filters.q);
      if (pageParam) params.set('starting_after', pageParam);
      return api<List<Subscription>>('GET', `/api/v1/subscriptions?${params}`);
    },
    getNextPageParam: (last) => (last.has_more ? (last.data[last.data.length - 1]?.id ?? null) : null),
    placeholderData: keepPreviousData,
  });
}

/** The subscriptions of one customer, for the section on its page (a customer has a handful). */
export const useCustomerSubscriptions = (customerId: string) =>
  useQuery({
    queryKey: subscriptionKeys.customer(customerId),
    queryFn: () => api<List<Subscription>>('GET', `/api/v1/subscriptions?customer_id=${customerId}&limit=100`),
  });

export const useSubscription = (id: string) =>
  useQuery({
    queryKey: subscriptionKeys.detail(id),
    queryFn: () => api<Subscription>('GET', `/api/v1/subscriptions/${id}`),
  });

export const useSubscriptionMetrics = () =>
  useQuery({
    queryKey: subscriptionKeys.metrics(),
    queryFn: () => api<SubscriptionMetrics>('GET', '/api/v1/subscriptions/metrics'),
    staleTime: 60_000,
  });

/** The invoices the coming `days` will bring (what the billing runs of those days would make). */
export const useUpcomingInvoices = (days = 30) =>
  useQuery({
    queryKey: subscriptionKeys.upcoming(days),
    queryFn: () => api<BillingRunPreview>('GET', `/api/v1/subscriptions/upcoming?days=${days}`),
  });

/** A customer's mandates a subscription can collect with (receivables keeps them). */
export const useActiveMandates = (customerId: string | null) =>
  useQuery({
    queryKey: [...mandateKeys.lists(), 'customer-active', customerId ?? ''] as const,
    enabled: Boolean(customerId),
    queryFn: () => api<List<Mandate>>('GET', `/api/v1/mandates?customer_id=${customerId}&status=active&limit=100`),
  });

/** After a change the subscription is shown as the server answered, and every list and figure reloads. */
function useSubscriptionMutation<Variables>(mutationFn: (variables: Variables) => Promise<Subscription>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (subscription) => {
      queryClient.setQueryData(subscriptionKeys.detail(subscription.id), subscription);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: subscriptionKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: subscriptionKeys.metrics() }),
        queryClient.invalidateQueries({ queryKey: [...subscriptionKeys.all, 'upcoming'] }),
      ]);
    },
  });
}

export const useCreateSubscription = () =>
  useSubscriptionMutation((body: CreateSubscription) => api<Subscription>('POST', '/api/v1/subscriptions', { body }));

/** Sends only the changed fields, with the version it was read at (a newer one gives 412). */
export const useUpdateSubscription = () =>
  useSubscriptionMutation(({ id, changes, version }: { id: string; changes: UpdateSubscription; version: number }) =>
    api<Subscription>('PATCH', `/api/v1/subscriptions/${id}`, {
      body: changes,
      headers: { 'if-match': `"${version}"` },
    }),
  );

/** What a change of lines would charge or credit; nothing is saved. */
export const previewSubscriptionChange = (id: string, body: ChangeSubscription) =>
  api<SubscriptionChangePreview>('POST', `/api/v1/subscriptions/${id}/changes/preview`, { body });

export const useChangeSubscription = () =>
  useSubscriptionMutation(({ id, body }: { id: string; body: ChangeSubscription }) =>
    api<Subscription>('POST', `/api/v1/subscriptions/${id}/changes`, { body }),
  );

export const useCancelSubscription = () =>
  useSubscriptionMutation(({ id, body }: { id: string; body: CancelSubscription }) =>
    api<Subscription>('POST', `/api/v1/subscriptions/${id}/cancel`, { body }),
  );

export const useCreatePriceChange = () =>
  useSubscriptionMutation(({ id, body }: { id: string; body: CreatePriceChange }) =>
    api<Subscription>('POST', `/api/v1/subscriptions/${id}/price_changes`, { body }),
  );

export function useIndexSubscriptions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IndexSubscriptions) =>
      api<IndexationResult>('POST', '/api/v1/subscriptions/indexation', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: subscriptionKeys.all }),
  });
}

export const useSubscriptionSettings = () =>
  useQuery({
    queryKey: subscriptionKeys.settings(),
    queryFn: () => api<SubscriptionSettings>('GET', '/api/v1/subscription_settings'),
  });

export function useUpdateSubscriptionSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateSubscriptionSettings) =>
      api<SubscriptionSettings>('PATCH', '/api/v1/subscription_settings', { body }),
    onSuccess: (settings) => queryClient.setQueryData(subscriptionKeys.settings(), settings),
  });
}

/** What today's billing run would invoice; nothing is written. */
export function usePreviewBillingRun() {
  return useMutation({
    mutationFn: () => api<BillingRunPreview>('POST', '/api/v1/subscription_billing_runs', { body: { dry_run: true } }),
  });
}

/** Starts the billing run as a job (202); its progress is at `/api/v1/jobs/{job_id}`. */
export function useStartBillingRun() {
  return useMutation({
    mutationFn: () => api<BillingRunStarted>('POST', '/api/v1/subscription_billing_runs', { body: { dry_run: false } }),
  });
}

/** Once a billing run has ended, the subscriptions and invoices it touched are read again. */
export function useRefreshAfterBillingRun() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: subscriptionKeys.all }),
      queryClient.invalidateQueries({ queryKey: invoiceKeys.all }),
    ]);
}
