import type { CreateInvoice, Invoice, InvoiceListQuery, UpdateInvoice } from '@clientbox/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type List } from '../../shared/api/api-client.ts';

/** The list's filters, as they stand in the URL of `/invoices` (`?status=open&customer_id=…&issued_from=…`). */
export interface InvoiceFilters {
  status?: NonNullable<InvoiceListQuery['status']>;
  customer_id?: string;
  /** The issue period (YYYY-MM-DD, both days included). */
  issued_from?: string;
  issued_to?: string;
}

export const invoiceKeys = {
  all: ['invoices'] as const,
  lists: () => [...invoiceKeys.all, 'list'] as const,
  list: (filters: InvoiceFilters) => [...invoiceKeys.lists(), filters] as const,
  detail: (id: string) => [...invoiceKeys.all, 'detail', id] as const,
};

const PAGE_SIZE = 50;

export function invoiceQueryString(filters: InvoiceFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  if (filters.status) params.set('status', filters.status);
  if (filters.customer_id) params.set('customer_id', filters.customer_id);
  if (filters.issued_from) params.set('issued_from', filters.issued_from);
  if (filters.issued_to) params.set('issued_to', filters.issued_to);
  return params.toString();
}

export function useInvoiceList(filters: InvoiceFilters) {
  return useInfiniteQuery({
    queryKey: invoiceKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<List<Invoice>>(
        'GET',
        `/api/v1/invoices?${invoiceQueryString(filters, { limit: String(PAGE_SIZE), ...(pageParam ? { starting_after: pageParam } : {}) })}`,
      ),
    // A payment status is filtered after a page is read, so a page can come back empty with more
    // after it; without a row to continue from, the list stops there.
    getNextPageParam: (last) => (last.has_more ? (last.data[last.data.length - 1]?.id ?? null) : null),
    placeholderData: keepPreviousData,
  });
}

export const invoiceDetailQuery = (id: string) => ({
  queryKey: invoiceKeys.detail(id),
  queryFn: () => api<Invoice>('GET', `/api/v1/invoices/${id}`),
});

export function useInvoice(id: string) {
  return useQuery({ ...invoiceDetailQuery(id), enabled: Boolean(id) });
}

function useInvoiceMutation<Variables>(mutationFn: (variables: Variables) => Promise<Invoice>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (invoice) => {
      queryClient.setQueryData(invoiceKeys.detail(invoice.id), invoice);
      await queryClient.invalidateQueries({ queryKey: invoiceKeys.lists() });
    },
  });
}

export function useCreateInvoice() {
  return useInvoiceMutation((body: CreateInvoice) => api<Invoice>('POST', '/api/v1/invoices', { body }));
}

/** Sends only the changed fields, with the version it was read at (a newer one gives 412). */
export function useUpdateInvoice() {
  return useInvoiceMutation(({ id, changes, version }: { id: string; changes: UpdateInvoice; version: number }) =>
    api<Invoice>('PATCH', `/api/v1/invoices/${id}`, { body: changes, headers: { 'if-match': `"${version}"` } }),
  );
}

/** Numbers and freezes a draft; 422 `invoice_incomplete` lists what the law still requires. */
export function useFinalizeInvoice() {
  return useInvoiceMutation((id: string) => api<Invoice>('POST', `/api/v1/invoices/${id}/finalize`));
}

export function useDeleteInvoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<void>('DELETE', `/api/v1/invoices/${id}`, { headers: { 'if-match': `"${version}"` } }),
    onSuccess: (_result, { id }) => {
      queryClient.removeQueries({ queryKey: invoiceKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: invoiceKeys.lists() });
    },
  });
}

/** Where the PDF of a finalized invoice is served (exactly as issued). */
export const invoicePdfUrl = (id: string) => `/api/v1/invoices/${id}/pdf`;
