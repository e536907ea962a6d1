import type {
  CreateDirectDebitBatches,
  CreateRefundBatch,
  DirectDebitBatchDto,
  RefundBatchDto,
} from '@clientbox/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type List } from '../../../shared/api/api-client.ts';
import { invoiceKeys } from '../../invoices/use-invoices.ts';

export const batchKeys = {
  all: ['payment-batches'] as const,
  directDebits: () => [...batchKeys.all, 'direct-debit'] as const,
  directDebit: (id: string) => [...batchKeys.directDebits(), id] as const,
  refunds: () => [...batchKeys.all, 'refund'] as const,
  refund: (id: string) => [...batchKeys.refunds(), id] as const,
};

/** Direct-debit batches, newest first (the server sends them all, without their items). */
export const useDirectDebitBatchList = () =>
  useQuery({
    queryKey: batchKeys.directDebits(),
    queryFn: () => api<List<DirectDebitBatchDto>>('GET', '/api/v1/direct_debit_batches'),
  });

export const useDirectDebitBatch = (id: string) =>
  useQuery({
    queryKey: batchKeys.directDebit(id),
    queryFn: () => api<DirectDebitBatchDto>('GET', `/api/v1/direct_debit_batches/${id}`),
  });

/** One batch per scheme (CORE, B2B) of what can be collected by the date. */
export function useCreateDirectDebitBatches() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDirectDebitBatches) =>
      api<List<DirectDebitBatchDto>>('POST', '/api/v1/direct_debit_batches', { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: batchKeys.directDebits() }),
  });
}

export const useRefundBatchList = () =>
  useQuery({
    queryKey: batchKeys.refunds(),
    queryFn: () => api<List<RefundBatchDto>>('GET', '/api/v1/refund_batches'),
  });

export const useRefundBatch = (id: string) =>
  useQuery({
    queryKey: batchKeys.refund(id),
    queryFn: () => api<RefundBatchDto>('GET', `/api/v1/refund_batches/${id}`),
  });

/** Each refund is booked as a payment on its credit note: the invoices show it at once. */
export function useCreateRefundBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRefundBatch) => api<RefundBatchDto>('POST', '/api/v1/refund_batches', { body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: batchKeys.refunds() }),
        queryClient.invalidateQueries({ queryKey: invoiceKeys.all }),
      ]),
  });
}

/** The pain.008 / pain.001 file exactly as made; the session cookie authorizes the download. */
export const directDebitFileUrl = (id: string) => `/api/v1/direct_debit_batches/${id}/file`;
export const refundFileUrl = (id: string) => `/api/v1/refund_batches/${id}/file`;
