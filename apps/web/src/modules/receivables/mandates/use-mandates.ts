import type {
  CreateMandate,
  Mandate,
  MandateSending,
  MandateStatus,
  RequestMandate,
  RevokeMandate,
  SendMandateRequest,
} from '@clientbox/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type List } from '../../../shared/api/api-client.ts';

export const mandateKeys = {
  all: ['mandates'] as const,
  lists: () => [...mandateKeys.all, 'list'] as const,
  list: (status: MandateStatus | null) => [...mandateKeys.lists(), { status }] as const,
  customer: (customerId: string) => [...mandateKeys.lists(), 'customer', customerId] as const,
};

const PAGE_SIZE = 50;

/** Every mandate of the tenant, newest first, optionally of one status (`/receivables/mandates`). */
export function useMandateList(status: MandateStatus | null) {
  return useInfiniteQuery({
    queryKey: mandateKeys.list(status),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (status) params.set('status', status);
      if (pageParam) params.set('starting_after', pageParam);
      return api<List<Mandate>>('GET', `/api/v1/mandates?${params}`);
    },
    getNextPageParam: (last) => (last.has_more ? (last.data[last.data.length - 1]?.id ?? null) : null),
    placeholderData: keepPreviousData,
  });
}

/**
 * The mandates of one customer, for the section on its page. A customer has a handful; while a
 * request waits for the signature the section looks again now and then, so it turns active
 * without a reload once the customer has signed.
 */
export function useCustomerMandates(customerId: string) {
  return useQuery({
    queryKey: mandateKeys.customer(customerId),
    queryFn: () => api<List<Mandate>>('GET', `/api/v1/mandates?customer_id=${customerId}&limit=100`),
    refetchInterval: (query) =>
      query.state.data?.data.some((mandate) => mandate.status === 'pending') ? 5_000 : false,
  });
}

/** After any change every list of mandates shows the new state. */
function useMandateMutation<Variables>(mutationFn: (variables: Variables) => Promise<Mandate>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mandateKeys.lists() }),
  });
}

export const useRecordMandate = () =>
  useMandateMutation((body: CreateMandate) => api<Mandate>('POST', '/api/v1/mandates', { body }));

export const useRequestMandate = () =>
  useMandateMutation((body: RequestMandate) => api<Mandate>('POST', '/api/v1/mandates/requests', { body }));

/** E-mails a pending request's signing link (to the customer's address when `to` is left out). */
export const useSendMandateRequest = () =>
  useMutation({
    mutationFn: ({ id, body }: { id: string; body: SendMandateRequest }) =>
      api<MandateSending>('POST', `/api/v1/mandates/${id}/send`, { body }),
  });

export const useRevokeMandate = () =>
  useMandateMutation(({ id, body }: { id: string; body: RevokeMandate }) =>
    api<Mandate>('POST', `/api/v1/mandates/${id}/revoke`, { body }),
  );
