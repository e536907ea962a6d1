import { addDays, parseAmount } from '@clientbox/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../../kernel/db/database.ts';
import { okOf } from '../../../test-support/api-requests.ts';
import { readyDocumentTenant } from '../../../test-support/document-tenant.ts';
import { createTestApp, type TestApp } from '../../../test-support/test-app.ts';
import { nextInvoiceDate } from '../domain/billing-periods.ts';
import { runBilling } from '../use-cases/run-billing.ts';
import { scheduleOf } from '../use-cases/subscription-parts.ts';
import { findSubscription, loadPeriods } from '../subscriptions.repository.ts';

const FIRST_DAY = '2026-01-05';

const subscriptionPlan = fc.record({
  interval_months: fc.constantFrom(1, 2, 3, 12),
  billing: fc.constantFrom('advance', 'arrears'),
  alignment: fc.constantFrom('start_date', 'calendar'),
  start: fc.integer({ min: 0, max: 120 }),
  group_invoices: fc.boolean(),
  quantity: fc.integer({ min: 1, max: 5 }),
  /** Cancelled (end of period) at the n-th run, if at all. */
  cancelAtRun: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
});

/** Days the run happens on: rising with random jumps (a day, weeks, months of downtime), sometimes twice. */
const runDays = fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.boolean()), { minLength: 1, maxLength: 5 });

describe('billing-run properties: random schedules and clock jumps', () => {
  let t: TestApp;
  let ok: ReturnType<typeof okOf>;

  beforeAll(async () => {
    t = await createTestApp();
    ok = okOf(t);
  });
  afterAll(() => t.close());

  it('bills every due period exactly once, none after a cancellation, and catches up after a gap', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(subscriptionPlan, { minLength: 1, maxLength: 3 }), runDays, async (plans, days) => {
        const tenant = await t.createTenant();
        const customerId = await readyDocumentTenant(t, tenant);
        const ids: string[] = [];
        for (const plan of plans) {
          const created = await ok(tenant, 'POST', '/api/v1/subscriptions', {
            customer_id: customerId,
            name: `Plan ${ids.length + 1}`,
            lines: [{ description: 'Dienst', quantity: String(plan.quantity), unit_price: '12.34', vat_rate: '21' }],
            interval_months: plan.interval_months,
            billing: plan.billing,
            alignment: plan.alignment,
            start_date: addDays(FIRST_DAY, plan.start),
            group_invoices: plan.group_invoices,
          });
          ids.push(created.id);
        }
        const step = <T>(work: (tx: Tx) => Promise<T>) => t.kernel.database.withTenant(tenant.tenant_id, work);
        const deps = { storage: t.kernel.storage, jobs: t.kernel.jobs };
        let today = FIRST_DAY;
        for (const [index, [jump, twice]] of days.entries()) {
          today = addDays(today, jump);
          for (const [i, plan] of plans.entries())
            if (plan.cancelAtRun === index)
              await t.api(tenant.api_key, {
                method: 'POST',
                url: `/api/v1/subscriptions/${ids[i]}/cancel`,
                payload: { mode: 'end_of_period', requested_on: today },
              });
          if (twice) {
            // Two runs at once (two processes): together they bill what one run bills.
            const [a, b] = await Promise.all([
              runBilling(tenant.tenant_id, today, step, deps),
              runBilling(tenant.tenant_id, today, step, deps),
            ]);
            expect([...a.failed, ...b.failed]).toEqual([]);
            expect((await runBilling(tenant.tenant_id, today, step, deps)).invoices).toBe(0);
          } else await runBilling(tenant.tenant_id, today, step, deps);
        }

        await t.kernel.database.withTenant(tenant.tenant_id, async (tx) => {
          for (const id of ids) {
            const row = (await findSubscription(tx, tenant.tenant_id, id))!;
            const periods = await loadPeriods(tx, tenant.tenant_id, [id]);
            // Contiguous from the start date: no period twice, none skipped.
            let expectedStart = row.startDate;
            for (const period of periods) {
              expect(period.periodStart).toBe(expectedStart);
              expect(period.invoiceId).not.toBeNull();
              expectedStart = addDays(period.periodEnd, 1);
            }
            // Nothing after the end date of a cancelled subscription.
            if (row.endDate) for (const period of periods) expect(period.periodEnd <= row.endDate).toBe(true);
            // Caught up: what is left is not due yet.
            const next = nextInvoiceDate(scheduleOf(row), expectedStart);
            expect(next === null || next > today).toBe(true);
          }
        });
        // Every invoice is exactly the sum of the periods it bills; numbers run without a gap.
        const invoices = (await ok(tenant, 'GET', '/api/v1/invoices?limit=100')).data as {
          id: string;
          number: string;
          total_excl_vat: string;
        }[];
        const periodTotals = new Map<string, bigint>();
        await t.kernel.database.withTenant(tenant.tenant_id, async (tx) => {
          for (const period of await loadPeriods(tx, tenant.tenant_id, ids))
            periodTotals.set(period.invoiceId!, (periodTotals.get(period.invoiceId!) ?? 0n) + period.amountExclVat);
        });
        expect(invoices.length).toBe(periodTotals.size);
        for (const invoice of invoices) expect(parseAmount(invoice.total_excl_vat)).toBe(periodTotals.get(invoice.id));
        // Numbered per year of issue (the series' format): within each year 1, 2, 3 … without a gap.
        const perYear = new Map<string, number[]>();
        for (const invoice of invoices) {
          const [year, sequence] = invoice.number.split('-') as [string, string];
          perYear.set(year, [...(perYear.get(year) ?? []), Number(sequence)]);
        }
        for (const sequences of perYear.values())
          expect(sequences.sort((a, b) => a - b)).toEqual(sequences.map((_, i) => i + 1));
      }),
      { numRuns: 15 },
    );
  }, 240_000);
});
