import type {
  InvoiceDelivery,
  InvoiceSending,
  Job,
  MarkInvoiceSentInput,
  SendInvoiceInput,
} from '@clientbox/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type List } from '../../shared/api/api-client.ts';
import { invoiceKeys } from './use-invoices.ts';

export const invoiceDeliveryKeys = {
  /** The sent log of one invoice. */
  deliveries: (id: string) => [...invoiceKeys.all, 'deliveries', id] as const,
};

/** The stored e-invoice of an issued invoice: Peppol BIS Billing 3.0, or NLCIUS. */
export const invoiceUblUrl = (id: string, profile: 'peppol' | 'nlcius') =>
  `/api/v1/invoices/${id}/ubl${profile === 'nlcius' ? '?profile=nlcius' : ''}`;

export function useInvoiceDeliveries(id: string) {
  return useQuery({
    queryKey: invoiceDeliveryKeys.deliveries(id),
    queryFn: () => api<List<InvoiceDelivery>>('GET', `/api/v1/invoices/${id}/deliveries`),
  });
}

const JOB_POLL_MS = 500;
const JOB_TIMEOUT_MS = 120_000;

/** Follows the sending job until the mail went out; its result is the sent-log entry. */
async function waitForDelivery(jobId: string): Promise<InvoiceDelivery> {
  const deadline = Date.now() + JOB_TIMEOUT_MS;
  for (;;) {
    const job = await api<Job>('GET', `/api/v1/jobs/${jobId}`);
    if (job.state === 'completed') return job.result as InvoiceDelivery;
    if (job.state === 'failed') throw new SendFailedError(job.error ?? '');
    if (Date.now() > deadline) throw new SendFailedError('');
    await new Promise((resolve) => setTimeout(resolve, JOB_POLL_MS));
  }
}

/** The mail server refused, or the job did not finish: `message` is the job's error, if any. */
export class SendFailedError extends Error {}

function useDeliveryMutation<Variables>(mutationFn: (variables: Variables) => Promise<InvoiceDelivery>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (delivery) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: invoiceKeys.detail(delivery.invoice_id) }),
        queryClient.invalidateQueries({ queryKey: invoiceDeliveryKeys.deliveries(delivery.invoice_id) }),
        queryClient.invalidateQueries({ queryKey: invoiceKeys.lists() }),
      ]);
    },
  });
}

/** E-mails the invoice (PDF and UBL attached) and waits until the mail server accepted it. */
export function useSendInvoice() {
  return useDeliveryMutation(async ({ id, body }: { id: string; body: SendInvoiceInput }) => {
    const sending = await api<InvoiceSending>('POST', `/api/v1/invoices/${id}/send`, { body });
    return waitForDelivery(sending.job_id);
  });
}

export function useMarkInvoiceSent() {
  return useDeliveryMutation(({ id, body }: { id: string; body: MarkInvoiceSentInput }) =>
    api<InvoiceDelivery>('POST', `/api/v1/invoices/${id}/mark_sent`, { body }),
  );
}
