import type { CustomerBalance, Invoice, InvoicePayment, RecordPaymentInput } from '@clientbox/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type List } from '../../shared/api/api-client.ts';
import { invoiceKeys } from './use-invoices.ts';

export const invoicePaymentKeys = {
  /** The payments of one invoice. */
  payments: (invoiceId: string) => [...invoiceKeys.all, 'payments', invoiceId] as const,
  /** Everything shown per customer (balance, its invoices): a payment anywhere changes it. */
  ofCustomers: () => [...invoiceKeys.all, 'of-customer'] as const,
  balance: (customerId: string) => [...invoicePaymentKeys.ofCustomers(), 'balance', customerId] as const,
  customerInvoices: (customerId: string) => [...invoicePaymentKeys.ofCustomers(), 'invoices', customerId] as const,
};

/** How many of a customer's invoices its page shows; the rest is one link away, in the filtered list. */
export const CUSTOMER_INVOICES_SHOWN = 10;

export function useInvoicePayments(invoiceId: string) {
  return useQuery({
    queryKey: invoicePaymentKeys.payments(invoiceId),
    queryFn: () => api<List<InvoicePayment>>('GET', `/api/v1/invoices/${invoiceId}/payments`),
  });
}

/** What the customer still owes on issued invoices, and how much of it is overdue. */
export function useCustomerBalance(customerId: string) {
  return useQuery({
    queryKey: invoicePaymentKeys.balance(customerId),
    queryFn: () =>
      api<CustomerBalance>('GET', `/api/v1/invoices/balance?customer_id=${encodeURIComponent(customerId)}`),
  });
}

/** The customer's newest invoices and credit notes (drafts too), as the invoice list shows them. */
export function useCustomerInvoices(customerId: string) {
  return useQuery({
    queryKey: invoicePaymentKeys.customerInvoices(customerId),
    queryFn: () =>
      api<List<Invoice>>(
        'GET',
        `/api/v1/invoices?${new URLSearchParams({ customer_id: customerId, limit: String(CUSTOMER_INVOICES_SHOWN) })}`,
      ),
  });
}

/** After a payment changed: the invoice's amounts and status, its payments, the lists and balances. */
function usePaymentMutation<Variables extends { invoiceId: string }, Result>(
  mutationFn: (variables: Variables) => Promise<Result>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (_result, { invoiceId }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: invoiceKeys.detail(invoiceId) }),
        queryClient.invalidateQueries({ queryKey: invoicePaymentKeys.payments(invoiceId) }),
        queryClient.invalidateQueries({ queryKey: invoiceKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: invoicePaymentKeys.ofCustomers() }),
      ]);
    },
  });
}

export function useRecordPayment() {
  return usePaymentMutation(({ invoiceId, body }: { invoiceId: string; body: RecordPaymentInput }) =>
    api<InvoicePayment>('POST', `/api/v1/invoices/${invoiceId}/payments`, { body }),
  );
}

/** Removes a payment registered by mistake: the invoice is due again by its amount. */
export function useDeletePayment() {
  return usePaymentMutation(({ invoiceId, paymentId }: { invoiceId: string; paymentId: string }) =>
    api<void>('DELETE', `/api/v1/invoices/${invoiceId}/payments/${paymentId}`),
  );
}
