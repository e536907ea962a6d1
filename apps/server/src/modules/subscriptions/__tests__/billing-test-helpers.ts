import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import type { okOf } from '../../../test-support/api-requests.ts';
import { readyDocumentTenant, SUPPLIER } from '../../../test-support/document-tenant.ts';
import type { TestApp } from '../../../test-support/test-app.ts';

/** What the subscription API tests share: the billing run as a job, and a tenant that bills. */

type Ok = ReturnType<typeof okOf>;

export interface BillingRunResult {
  invoices: number;
  credit_notes: number;
  failed: unknown[];
}

/** The job as `GET /api/v1/jobs/:id` shows it once it has completed or failed (at most a minute). */
export async function jobDone(ok: Ok, tenant: ProvisionedTenant, jobId: string) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await ok(tenant, 'GET', `/api/v1/jobs/${jobId}`);
    if (job.state === 'completed' || job.state === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`job not done: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts a billing run (`POST /api/v1/subscription_billing_runs`) and returns its result; a failed run throws. */
export async function bill(ok: Ok, tenant: ProvisionedTenant): Promise<BillingRunResult> {
  const started = await ok(tenant, 'POST', '/api/v1/subscription_billing_runs', {});
  const job = await jobDone(ok, tenant, started.job_id);
  if (job.state !== 'completed') throw new Error(JSON.stringify(job));
  return job.result as BillingRunResult;
}

/**
 * A tenant that issues documents and collects by direct debit (a SEPA creditor id), with a
 * customer whose invoices are mailed (an invoice e-mail address); returns the customer's id.
 */
export function readyBillingTenant(t: TestApp, tenant: ProvisionedTenant): Promise<string> {
  return readyDocumentTenant(t, tenant, {
    supplier: { ...SUPPLIER, sepa_creditor_id: 'NL69ZZZ123456780000', email: 'administratie@clientbox.test' },
    customer: {
      name: 'Afnemer B.V.',
      kvk_number: '87654321',
      is_customer: true,
      invoice_email: 'facturen@afnemer.test',
      addresses: [
        { type: 'invoice', street: 'Stationsplein 10', postal_code: '3511 ED', city: 'Utrecht', country: 'NL' },
      ],
    },
  });
}
