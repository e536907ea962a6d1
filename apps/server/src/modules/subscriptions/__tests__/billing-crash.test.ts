import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays, addMonths, amsterdamDate, type CalendarDate } from '@clientbox/contracts';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createMigratedDatabase } from '../../../test-support/postgres-template.ts';
import { CUSTOMER, SUPPLIER } from '../../../test-support/document-tenant.ts';
import { createTenantByCli, delay, requestJson, startServerProcess } from '../../../test-support/server-process.ts';

/**
 * The billing run as in production — the server a process of its own on PostgreSQL — killed with
 * SIGKILL once a tenth of its 1,000 invoices are issued, started again and run until nothing is
 * due. It runs in both test passes: killing a process and its open transactions needs a real
 * server, so this file always uses PostgreSQL (DATABASE_URL when set, else the local server).
 */
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SUBSCRIPTIONS = 1_000;
const CUSTOMERS = 20;
/** Every tenth customer has an invoice e-mail address: its invoices are queued for mailing (~100 mails). */
const isMailed = (customer: number) => customer % 10 === 0;
const BILLING_RUN_JOB = 'subscriptions.billing-run';

interface Schedule {
  intervalMonths: number;
  billing: 'advance' | 'arrears';
}

/**
 * A mix of schedules, all aligned on their start date (a day 1–28, so no month is too short):
 * monthly in advance, quarterly in advance, and monthly in arrears invoiced the day after each
 * period. Started 0–85 days ago (arrears 35–95), so 1–3 periods are due by today.
 */
function scheduleOf(i: number): Schedule {
  if (i % 4 === 1) return { intervalMonths: 3, billing: 'advance' };
  if (i % 4 === 2) return { intervalMonths: 1, billing: 'arrears' };
  return { intervalMonths: 1, billing: 'advance' };
}

/** The period starts due by `today`, reckoned here from the schedule itself, not by the module's code. */
function expectedStarts(schedule: Schedule, start: CalendarDate, today: CalendarDate): CalendarDate[] {
  const starts: CalendarDate[] = [];
  for (let k = 0; ; k++) {
    const periodStart = addMonths(start, k * schedule.intervalMonths);
    const invoiceDay =
      schedule.billing === 'advance' ? periodStart : addMonths(start, (k + 1) * schedule.intervalMonths);
    if (invoiceDay > today) return starts;
    starts.push(periodStart);
  }
}

describe('subscription billing run killed with SIGKILL (PostgreSQL, the real server process)', () => {
  const databaseName = `clientbox_test_crash_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clientbox-crash-'));
  const processes: ChildProcess[] = [];
  let db: pg.Client | undefined;

  afterAll(async () => {
    for (const child of processes) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await db?.end();
    await onServer((admin) => admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('bills every due period of 1,000 subscriptions exactly once, numbered without gaps, after a kill and a rerun', async () => {
    const databaseUrl = await createMigratedDatabase(SERVER_URL, databaseName);
    // The process dies here, not the database server: commits need not wait for the disk, which
    // on this machine would make the waiting (one commit per invoice) the test's longest part.
    await onServer((admin) => admin.query(`ALTER DATABASE ${databaseName} SET synchronous_commit = off`));
    const env = { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, HOST: '127.0.0.1', LOG_LEVEL: 'error' };
    const [firstServer, tenant] = await Promise.all([
      startServerProcess(env, processes),
      createTenantByCli(env, {
        name: 'Abonnementen BV',
        email: 'owner@abonnementen.test',
        modules: 'invoices,subscriptions,api',
      }),
    ]);
    let app = firstServer;
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const query = async <Row extends object>(text: string, values: unknown[] = []) =>
      (await db!.query<Row & pg.QueryResultRow>(text, values)).rows;

    const api = (method: string, url: string, body?: unknown) =>
      requestJson(app.baseUrl, tenant.api_key, method, url, body);
    await api('PATCH', '/api/v1/company', SUPPLIER);
    const customers: { id: string; name: string }[] = [];
    for (let i = 0; i < CUSTOMERS; i++)
      customers.push(
        await api('POST', '/api/v1/organizations', {
          ...CUSTOMER,
          name: `Afnemer ${i} B.V.`,
          ...(isMailed(i) ? { invoice_email: `facturen${i}@afnemer.test` } : {}),
        }),
      );
    const mailedCustomers = new Set(customers.filter((_, i) => isMailed(i)).map((customer) => customer.id));

    // Setup by SQL: 1,000 subscriptions, each invoiced on its own (group_invoices false).
    const setupDay = amsterdamDate();
    const planned = Array.from({ length: SUBSCRIPTIONS }, (_, i) => {
      const schedule = scheduleOf(i);
      const daysAgo = schedule.billing === 'arrears' ? 35 + ((i * 7) % 61) : (i * 13) % 86;
      let start = addDays(setupDay, -daysAgo);
      if (Number(start.slice(8)) > 28) start = `${start.slice(0, 8)}28`;
      const firstInvoiceDay = schedule.billing === 'advance' ? start : addMonths(start, schedule.intervalMonths);
      return { id: randomUUID(), customer: customers[i % CUSTOMERS]!, schedule, start, firstInvoiceDay };
    });
    await query(
      `INSERT INTO subscriptions (tenant_id, id, organization_id, customer_name, name, interval_months, billing,
         alignment, invoice_date_rule, start_date, payment_method, group_invoices, next_period_start, next_invoice_on)
       SELECT $1, s.id, s.customer, s.customer_name, 'Hosting ' || s.n, s.interval_months, s.billing, 'start_date',
         CASE WHEN s.billing = 'advance' THEN 'first_day' ELSE 'day_after' END, s.start_date, 'transfer', false,
         s.start_date, s.first_invoice
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::int[], $7::text[], $8::date[], $9::date[])
         AS s(id, customer, customer_name, n, interval_months, billing, start_date, first_invoice)`,
      [
        tenant.tenant_id,
        planned.map((s) => s.id),
        planned.map((s) => s.customer.id),
        planned.map((s) => s.customer.name),
        planned.map((_, i) => i + 1),
        planned.map((s) => s.schedule.intervalMonths),
        planned.map((s) => s.schedule.billing),
        planned.map((s) => s.start),
        planned.map((s) => s.firstInvoiceDay),
      ],
    );
    await query(
      `INSERT INTO subscription_lines (tenant_id, subscription_id, line_key, position, valid_from, description,
         quantity, unit_price, vat_rate, vat_category)
       SELECT $1, s.id, gen_random_uuid(), 0, s.start_date, 'Hosting', '1', '30.0000', '21', 'S'
       FROM unnest($2::uuid[], $3::date[]) AS s(id, start_date)`,
      [tenant.tenant_id, planned.map((s) => s.id), planned.map((s) => s.start)],
    );

    // First run: killed once some, not all, of its invoices are issued.
    const issuedCount = async () =>
      Number(
        (
          await query<{ count: string }>(`SELECT count(*) FROM invoices WHERE tenant_id = $1 AND status = 'issued'`, [
            tenant.tenant_id,
          ])
        )[0]!.count,
      );
    const killed = await api('POST', '/api/v1/subscription_billing_runs', {});
    const killBy = Date.now() + 120_000;
    while ((await issuedCount()) < SUBSCRIPTIONS / 10) {
      if (Date.now() > killBy) throw new Error(`the first run issued ${await issuedCount()} invoices in 2 minutes`);
      await delay(20);
    }
    app.process.kill('SIGKILL');
    await new Promise((resolve) => app.process.once('exit', resolve));
    const issuedAtKill = await issuedCount();
    expect(issuedAtKill).toBeLessThan(SUBSCRIPTIONS);

    // Started again on the same database: run until nothing is due (the daily task may start a run too).
    app = await startServerProcess(env, processes);
    let today: CalendarDate | undefined;
    for (let round = 0; round < 3; round++) {
      const started = await api('POST', '/api/v1/subscription_billing_runs', {});
      const job = await jobDone(api, started.job_id);
      expect(job.state, JSON.stringify(job)).toBe('completed');
      expect(job.result.failed).toEqual([]);
      today = job.result.date;
      const [due] = await query<{ count: string }>(
        `SELECT count(*) FROM subscriptions WHERE tenant_id = $1 AND next_invoice_on <= $2`,
        [tenant.tenant_id, today],
      );
      if (Number(due!.count) === 0) break;
    }
    // Every other run of the restarted process has finished (the killed one stays `running` until retried).
    for (;;) {
      const open = await query(
        `SELECT id FROM job_runs WHERE tenant_id = $1 AND name = $2 AND state IN ('queued', 'running') AND id <> $3`,
        [tenant.tenant_id, BILLING_RUN_JOB, killed.job_id],
      );
      if (open.length === 0) break;
      await delay(100);
    }

    await expectBilledExactlyOnce(query, tenant.tenant_id, planned, today!, mailedCustomers);
  }, 300_000);
});

type Query = <Row extends object>(text: string, values?: unknown[]) => Promise<Row[]>;

async function expectBilledExactlyOnce(
  query: Query,
  tenantId: string,
  planned: { id: string; schedule: Schedule; start: CalendarDate }[],
  today: CalendarDate,
  mailedCustomers: Set<string>,
) {
  const periods = await query<{ subscription_id: string; start: string; end: string; invoice_id: string | null }>(
    `SELECT subscription_id, period_start::text AS start, period_end::text AS end, invoice_id
     FROM subscription_periods WHERE tenant_id = $1 ORDER BY subscription_id, period_start`,
    [tenantId],
  );
  const invoices = await query<{
    id: string;
    status: string;
    number: string | null;
    start: string;
    end: string;
    customer_id: string;
  }>(
    `SELECT id, status, number, period_start::text AS start, period_end::text AS end, organization_id AS customer_id
     FROM invoices WHERE tenant_id = $1`,
    [tenantId],
  );

  // Every due period exactly once, each on an invoice; the cursor just past the last one.
  const byInvoice = new Map<string, { subscription_id: string; start: string; end: string }[]>();
  for (const period of periods) {
    expect(period.invoice_id, `period ${period.start} of ${period.subscription_id}`).not.toBeNull();
    byInvoice.set(period.invoice_id!, [...(byInvoice.get(period.invoice_id!) ?? []), period]);
  }
  const cursors = new Map(
    (
      await query<{ id: string; next_period_start: string }>(
        `SELECT id, next_period_start::text FROM subscriptions WHERE tenant_id = $1`,
        [tenantId],
      )
    ).map((row) => [row.id, row.next_period_start]),
  );
  let expectedPeriods = 0;
  for (const subscription of planned) {
    const starts = expectedStarts(subscription.schedule, subscription.start, today);
    expect(starts.length).toBeGreaterThanOrEqual(1);
    expectedPeriods += starts.length;
    const billed = periods.filter((period) => period.subscription_id === subscription.id).map((p) => p.start);
    expect(billed, `periods of subscription ${subscription.id}`).toEqual(starts);
    const next = addMonths(subscription.start, starts.length * subscription.schedule.intervalMonths);
    expect(cursors.get(subscription.id)).toBe(next);
  }
  expect(periods).toHaveLength(expectedPeriods);

  // No draft left behind by the killed transaction; every invoice issued bills periods, and no
  // two invoices bill the same days of one subscription.
  expect(invoices.filter((invoice) => invoice.status !== 'issued')).toEqual([]);
  expect(new Set(byInvoice.keys())).toEqual(new Set(invoices.map((invoice) => invoice.id)));
  const spans = new Map<string, { start: string; end: string }[]>();
  for (const invoice of invoices) {
    const own = byInvoice.get(invoice.id)!;
    expect(new Set(own.map((period) => period.subscription_id)).size).toBe(1);
    expect({ start: invoice.start, end: invoice.end }).toEqual({ start: own[0]!.start, end: own.at(-1)!.end });
    const subscriptionId = own[0]!.subscription_id;
    spans.set(subscriptionId, [...(spans.get(subscriptionId) ?? []), { start: invoice.start, end: invoice.end }]);
  }
  for (const [subscriptionId, list] of spans) {
    const sorted = list.sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]!.start > sorted[i - 1]!.end, `overlapping invoices of ${subscriptionId}`).toBe(true);
  }

  // The numbers of each year's series ({YYYY}-{seq:05}) run 1..N without a gap or a double.
  const sequences = new Map<string, number[]>();
  for (const invoice of invoices) {
    const match = /^(\d{4})-(\d{5,})$/.exec(invoice.number ?? '');
    expect(match, `number ${invoice.number}`).not.toBeNull();
    sequences.set(match![1]!, [...(sequences.get(match![1]!) ?? []), Number(match![2])]);
  }
  for (const numbers of sequences.values())
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));

  // The mail of each invoice to a customer with an e-mail address was queued once: with its
  // invoice's transaction, never twice.
  const mails = await query<{ invoice_id: string; count: string }>(
    `SELECT payload->'payload'->>'invoiceId' AS invoice_id, count(*) FROM outbox_events
     WHERE tenant_id = $1 AND type = 'job.requested' AND payload->>'name' = 'invoices.send-email'
     GROUP BY 1`,
    [tenantId],
  );
  expect(mails.filter((mail) => Number(mail.count) !== 1)).toEqual([]);
  const mailed = invoices.filter((invoice) => mailedCustomers.has(invoice.customer_id));
  expect(mailed.length).toBeGreaterThan(0);
  expect(new Set(mails.map((mail) => mail.invoice_id))).toEqual(new Set(mailed.map((invoice) => invoice.id)));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function jobDone(api: (method: string, url: string) => Promise<any>, jobId: string) {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const job = await api('GET', `/api/v1/jobs/${jobId}`);
    if (job.state === 'completed' || job.state === 'failed') return job;
    if (Date.now() > deadline) throw new Error(`billing run not done: ${JSON.stringify(job)}`);
    await delay(200);
  }
}

async function onServer(work: (admin: pg.Client) => Promise<unknown>) {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}
