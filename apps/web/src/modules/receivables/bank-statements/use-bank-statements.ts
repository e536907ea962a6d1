import type {
  BankStatement,
  BankStatementDetail,
  BankStatementEntry,
  BankStatementImportResult,
  Invoice,
} from '@clientbox/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, type List } from '../../../shared/api/api-client.ts';
import { invoiceDetailQuery, invoiceKeys } from '../../invoices/use-invoices.ts';

export const bankStatementKeys = {
  all: ['bank-statements'] as const,
  lists: () => [...bankStatementKeys.all, 'list'] as const,
  detail: (id: string) => [...bankStatementKeys.all, 'detail', id] as const,
  openInvoices: () => [...invoiceKeys.lists(), 'open-for-matching'] as const,
};

const PAGE_SIZE = 50;

/** Imported statements, newest first, each with its number of entries per status. */
export function useBankStatementList() {
  return useInfiniteQuery({
    queryKey: bankStatementKeys.lists(),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (pageParam) params.set('starting_after', pageParam);
      return api<List<BankStatement>>('GET', `/api/v1/bank_statements?${params}`);
    },
    getNextPageParam: (last) => (last.has_more ? (last.data[last.data.length - 1]?.id ?? null) : null),
    placeholderData: keepPreviousData,
  });
}

export function useBankStatement(id: string) {
  return useQuery({
    queryKey: bankStatementKeys.detail(id),
    queryFn: () => api<BankStatementDetail>('GET', `/api/v1/bank_statements/${id}`),
  });
}

/** Booking a payment changes invoices too: their lists and details show it at once. */
function useStatementMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: bankStatementKeys.all }),
        queryClient.invalidateQueries({ queryKey: invoiceKeys.all }),
      ]),
  });
}

/** A camt.053 or MT940 file, as the bank gives it (multipart field `file`). */
export const useUploadBankStatement = () =>
  useStatementMutation((file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api<BankStatementImportResult>('POST', '/api/v1/bank_statements', { form });
  });

export const useMatchEntry = () =>
  useStatementMutation(({ entryId, invoiceId }: { entryId: string; invoiceId: string }) =>
    api<BankStatementEntry>('POST', `/api/v1/bank_statement_entries/${entryId}/match`, {
      body: { invoice_id: invoiceId },
    }),
  );

export const useIgnoreEntry = () =>
  useStatementMutation((entryId: string) =>
    api<BankStatementEntry>('POST', `/api/v1/bank_statement_entries/${entryId}/ignore`),
  );

/**
 * The invoices an entry names (booked or suggested), to show their numbers: a statement names a
 * handful, each read once and kept in the invoices' cache.
 */
export function useInvoicesById(ids: string[]): Map<string, Invoice> {
  const unique = [...new Set(ids)];
  const results = useQueries({ queries: unique.map((id) => invoiceDetailQuery(id)) });
  const byId = new Map<string, Invoice>();
  results.forEach((result) => {
    if (result.data) byId.set(result.data.id, result.data);
  });
  return byId;
}

const OPEN_STATUSES = ['open', 'overdue', 'partially_paid'] as const;

/**
 * Invoices that can still receive a payment, to choose from when an entry is matched by hand:
 * the first 100 of each open status (the list API filters one status at a time).
 */
export function useOpenInvoices(isEnabled: boolean) {
  return useQuery({
    queryKey: bankStatementKeys.openInvoices(),
    enabled: isEnabled,
    queryFn: async () => {
      const lists = await Promise.all(
        OPEN_STATUSES.map((status) =>
          api<List<Invoice>>('GET', `/api/v1/invoices?status=${status}&type=invoice&limit=100`),
        ),
      );
      return lists.flatMap((list) => list.data);
    },
  });
}
