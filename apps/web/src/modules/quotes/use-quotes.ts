import type { CreateQuote, Invoice, Quote, QuoteListQuery, SendQuote, UpdateQuote } from '@clientbox/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type List } from '../../shared/api/api-client.ts';
import { invoiceKeys } from '../invoices/use-invoices.ts';

/** The list's filters, as they stand in the URL of `/quotes` (`?status=sent&customer_id=…`). */
export interface QuoteFilters {
  status?: NonNullable<QuoteListQuery['status']>;
  customer_id?: string;
}

export const quoteKeys = {
  all: ['quotes'] as const,
  lists: () => [...quoteKeys.all, 'list'] as const,
  list: (filters: QuoteFilters) => [...quoteKeys.lists(), filters] as const,
  detail: (id: string) => [...quoteKeys.all, 'detail', id] as const,
  /** Every version of the quote a version belongs to. */
  revisions: (id: string) => [...quoteKeys.all, 'revisions', id] as const,
};

const PAGE_SIZE = 50;

export function useQuoteList(filters: QuoteFilters) {
  return useInfiniteQuery({
    queryKey: quoteKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (filters.status) params.set('status', filters.status);
      if (filters.customer_id) params.set('customer_id', filters.customer_id);
      if (pageParam) params.set('starting_after', pageParam);
      return api<List<Quote>>('GET', `/api/v1/quotes?${params}`);
    },
    getNextPageParam: (last) => (last.has_more ? (last.data[last.data.length - 1]?.id ?? null) : null),
    placeholderData: keepPreviousData,
  });
}

/** The newest quotes of one customer, for the section on its page in the CRM. */
export function useCustomerQuotes(customerId: string, limit = 10) {
  return useQuery({
    queryKey: [...quoteKeys.lists(), 'customer', customerId, limit] as const,
    queryFn: () => api<List<Quote>>('GET', `/api/v1/quotes?customer_id=${customerId}&limit=${limit}`),
  });
}

export const quoteDetailQuery = (id: string) => ({
  queryKey: quoteKeys.detail(id),
  queryFn: () => api<Quote>('GET', `/api/v1/quotes/${id}`),
});

/** How long after sending the page keeps looking whether the e-mail left (a job, just after the send). */
const EMAIL_WATCH_MS = 2 * 60_000;

export function useQuote(id: string) {
  return useQuery({
    ...quoteDetailQuery(id),
    enabled: Boolean(id),
    refetchInterval: (query) => {
      const quote = query.state.data;
      const isEmailPending =
        quote?.sent_at && !quote.emailed_at && Date.now() - Date.parse(quote.sent_at) < EMAIL_WATCH_MS;
      return isEmailPending ? 2_000 : false;
    },
  });
}

export function useQuoteRevisions(id: string) {
  return useQuery({
    queryKey: quoteKeys.revisions(id),
    queryFn: () => api<List<Quote>>('GET', `/api/v1/quotes/${id}/revisions`),
  });
}

/** After any change: this version's page, every version list and the lists show the new state. */
function useQuoteMutation<Variables>(mutationFn: (variables: Variables) => Promise<Quote>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (quote) => {
      queryClient.setQueryData(quoteKeys.detail(quote.id), quote);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: quoteKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: [...quoteKeys.all, 'revisions'] }),
      ]);
    },
  });
}

export function useCreateQuote() {
  return useQuoteMutation((body: CreateQuote) => api<Quote>('POST', '/api/v1/quotes', { body }));
}

/** Sends only the changed fields, with the version it was read at (a newer one gives 412). */
export function useUpdateQuote() {
  return useQuoteMutation(({ id, changes, version }: { id: string; changes: UpdateQuote; version: number }) =>
    api<Quote>('PATCH', `/api/v1/quotes/${id}`, { body: changes, headers: { 'if-match': `"${version}"` } }),
  );
}

/** Numbers, freezes and e-mails a draft; 422 `quote_incomplete` lists what is still missing. */
export function useSendQuote() {
  return useQuoteMutation(({ id, body }: { id: string; body: SendQuote }) =>
    api<Quote>('POST', `/api/v1/quotes/${id}/send`, { body }),
  );
}

/** The next version as a draft; the version revised becomes superseded. */
export function useReviseQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Quote>('POST', `/api/v1/quotes/${id}/revise`),
    onSuccess: async (revision, id) => {
      queryClient.setQueryData(quoteKeys.detail(revision.id), revision);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: quoteKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: quoteKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: [...quoteKeys.all, 'revisions'] }),
      ]);
    },
  });
}

/** The invoice draft made from an accepted quote; the quote now names it. */
export function useConvertQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Invoice>('POST', `/api/v1/quotes/${id}/convert`),
    onSuccess: async (invoice, id) => {
      queryClient.setQueryData(invoiceKeys.detail(invoice.id), invoice);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: quoteKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: invoiceKeys.lists() }),
      ]);
    },
  });
}

export function useDeleteQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<void>('DELETE', `/api/v1/quotes/${id}`, { headers: { 'if-match': `"${version}"` } }),
    onSuccess: (_result, { id }) => {
      queryClient.removeQueries({ queryKey: quoteKeys.detail(id) });
      // Deleting a later version's draft puts the previous version back.
      return queryClient.invalidateQueries({ queryKey: quoteKeys.all });
    },
  });
}

/** Where the PDF of a sent quote version is served (exactly as sent). */
export const quotePdfUrl = (id: string) => `/api/v1/quotes/${id}/pdf`;
