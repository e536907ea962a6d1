import fs from 'node:fs';
import pg from 'pg';
import { addMonths, amsterdamDate } from '@clientbox/contracts';
import { goldenInvoice } from '../apps/server/src/modules/invoices/documents/__tests__/document-fixtures.ts';
import { renderDocumentPdf } from '../apps/server/src/modules/invoices/documents/pdf/render-document-pdf.ts';
import { renderUbl } from '../apps/server/src/modules/invoices/documents/ubl.ts';
import { BENCH_CUSTOMER, BENCH_SUPPLIER, benchEnvironment, createTenant, send, startApp } from './bench-environment.ts';

/**
 * The daily subscription billing run at scale: 100,000 subscriptions (`BENCH_SUBSCRIPTIONS`)
 * spread over 100 tenants (`BENCH_TENANTS`), each with one monthly period due today and invoiced
 * on its own, so one invoice per subscription. Setup: tenants by the operator CLI, the company
 * profile and 10 customers each (with an invoice e-mail address) through the API, the
 * subscriptions and their lines by plain SQL. Then the clock is set (`CLOCK_ADJUSTABLE=true`,
 * `PUT /api/v1/dev/clock`), which runs the daily task for every tenant: it claims the day and
 * starts the billing run job; each run bills its groups one transaction each (periods recorded,
 * invoice drafted, issued with its number, PDF and UBL, mail queued, cursor moved). Measured:
 * wall time until every tenant's run has completed, invoices per second, and the app process's
 * peak memory (VmHWM, reset before the run where the kernel allows, and the highest VmRSS
 * sampled); then a run per tenant through the API with nothing left to do, and its wall time.
 * The invoices' mails are sent by the same process while the runs go on (development outbox).
 * Bare baseline in the same run, in this process on one connection: per invoice one transaction
 * that bumps a counter, renders the same kind of invoice (the golden invoice's PDF and both UBL
 * profiles) and inserts the invoice row with its files and the period row — the least the run
 * has to do — and the ratio app/bare of invoices per second. The bare loop runs for up to
 * `BENCH_BARE_INVOICES` invoices (default 10,000): its rate is steady long before 100,000, which
 * would add most of an hour.
 */
const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 100_000);
const TENANTS = Number(process.env.BENCH_TENANTS ?? 100);
const CUSTOMERS_PER_TENANT = 10;
const CLI_AT_ONCE = 4;
const BILLING_RUN_JOB = 'subscriptions.billing-run';
const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_MINUTES ?? 240) * 60_000;
const BARE_INVOICES = Number(process.env.BENCH_BARE_INVOICES ?? 10_000);

const customer = (i: number) => ({
  ...BENCH_CUSTOMER,
  name: `Afnemer ${i} B.V.`,
  invoice_email: `facturen${i}@afnemer.test`,
});

const bench = await benchEnvironment('subscriptions', { CLOCK_ADJUSTABLE: 'true' });
try {
  const setupStarted = performance.now();
  const app = await startApp(bench);
  const appPid = bench.children[0]!.pid!;
  const database = new pg.Client({ connectionString: bench.databaseUrl });
  await database.connect();
  const today = amsterdamDate();

  console.log(`setting up ${TENANTS} tenants with ${SUBSCRIPTIONS} subscriptions in all…`);
  const tenants: { tenant_id: string; api_key: string }[] = [];
  for (let start = 0; start < TENANTS; start += CLI_AT_ONCE) {
    const batch = Array.from({ length: Math.min(CLI_AT_ONCE, TENANTS - start) }, (_, j) =>
      createTenant(bench, start + j + 1, 'invoices,subscriptions,api'),
    );
    tenants.push(...(await Promise.all(batch)));
  }
  for (const [t, tenant] of tenants.entries()) {
    await send(`${app}/api/v1/company`, 'PATCH', tenant.api_key, BENCH_SUPPLIER);
    const customers = await Promise.all(
      Array.from(
        { length: CUSTOMERS_PER_TENANT },
        (_, i) =>
          send(`${app}/api/v1/organizations`, 'POST', tenant.api_key, customer(i)) as Promise<{
            id: string;
            name: string;
          }>,
      ),
    );
    const count = Math.floor(SUBSCRIPTIONS / TENANTS) + (t < SUBSCRIPTIONS % TENANTS ? 1 : 0);
    await insertSubscriptions(database, tenant.tenant_id, customers, count, today);
  }
  const setupSeconds = (performance.now() - setupStarted) / 1000;
  console.log(`setup took ${setupSeconds.toFixed(1)} s`);

  // The daily run: every tenant's billing job, started by the daily task for today.
  const rssBefore = memoryOf(appPid, 'VmRSS');
  const peakReset = resetPeakMemory(appPid);
  const sampler = sampleMemory(appPid);
  let started = performance.now();
  await send(`${app}/api/v1/dev/clock`, 'PUT', null, { offset_days: 0 });
  const jobIds = (
    await database.query<{ id: string }>('SELECT id FROM job_runs WHERE name = $1', [BILLING_RUN_JOB])
  ).rows.map((row) => row.id);
  if (jobIds.length !== TENANTS) throw new Error(`${jobIds.length} billing runs started for ${TENANTS} tenants`);
  await allFinished(database, jobIds);
  const runSeconds = (performance.now() - started) / 1000;
  const peakRss = sampler.stop();
  const hwm = memoryOf(appPid, 'VmHWM');
  const invoices = Number(
    (await database.query(`SELECT count(*) FROM invoices WHERE status = 'issued'`)).rows[0].count,
  );
  const failed = await database.query(
    `SELECT state, result->'failed' AS failed FROM job_runs WHERE id = ANY($1) AND (state <> 'completed' OR jsonb_array_length(result->'failed') > 0)`,
    [jobIds],
  );
  if (invoices !== SUBSCRIPTIONS || failed.rowCount)
    throw new Error(`${invoices} invoices for ${SUBSCRIPTIONS} subscriptions; ${failed.rowCount} runs failed`);
  const mailsSent = Number(
    (await database.query(`SELECT count(*) FROM job_runs WHERE name = 'invoices.send-email' AND state = 'completed'`))
      .rows[0].count,
  );

  // Again the same day, started by hand for every tenant: nothing is due.
  started = performance.now();
  const againIds = await Promise.all(
    tenants.map(
      async (tenant) =>
        ((await send(`${app}/api/v1/subscription_billing_runs`, 'POST', tenant.api_key, {})) as { job_id: string })
          .job_id,
    ),
  );
  await allFinished(database, againIds);
  const againSeconds = (performance.now() - started) / 1000;
  const after = Number((await database.query(`SELECT count(*) FROM invoices`)).rows[0].count);
  if (after !== invoices) throw new Error('the same day billed again');

  // Bare: per invoice one transaction — counter, PDF + UBL rendered, invoice row with its files, period row.
  await database.query(`CREATE TABLE bare_counters (id int PRIMARY KEY, last_number int NOT NULL);
    INSERT INTO bare_counters VALUES (1, 0);
    CREATE TABLE bare_invoices (id serial PRIMARY KEY, number text NOT NULL, pdf bytea, peppol bytea, nlcius bytea);
    CREATE TABLE bare_periods (id serial PRIMARY KEY, invoice_id int NOT NULL, period_start date NOT NULL,
      UNIQUE (invoice_id, period_start))`);
  const document = goldenInvoice();
  const bareInvoices = Math.min(invoices, BARE_INVOICES);
  started = performance.now();
  for (let i = 0; i < bareInvoices; i++) {
    await database.query('BEGIN');
    const counter = await database.query(
      'UPDATE bare_counters SET last_number = last_number + 1 WHERE id = 1 RETURNING last_number',
    );
    const number = `${today.slice(0, 4)}-${String(counter.rows[0].last_number).padStart(5, '0')}`;
    const pdf = await renderDocumentPdf({ ...document, number });
    const encode = (xml: string) => Buffer.from(new TextEncoder().encode(xml));
    const row = await database.query(
      'INSERT INTO bare_invoices (number, pdf, peppol, nlcius) VALUES ($1, $2, $3, $4) RETURNING id',
      [
        number,
        Buffer.from(pdf),
        encode(renderUbl({ ...document, number }, 'peppol')),
        encode(renderUbl({ ...document, number }, 'nlcius')),
      ],
    );
    await database.query('INSERT INTO bare_periods (invoice_id, period_start) VALUES ($1, $2)', [
      row.rows[0].id,
      today,
    ]);
    await database.query('COMMIT');
  }
  const bareSeconds = (performance.now() - started) / 1000;
  await database.end();

  console.log(`\nDaily subscription billing, ${SUBSCRIPTIONS} subscriptions of ${TENANTS} tenants, PostgreSQL`);
  console.log(`app: all runs done after ${runSeconds.toFixed(2)} s = ${(invoices / runSeconds).toFixed(1)} invoices/s`);
  console.log(`     ${mailsSent} of the ${invoices} mails sent by then`);
  console.log(
    `     app process memory: ${mb(rssBefore)} MB before the run, peak ${mb(peakRss)} MB (VmRSS sampled), VmHWM ${mb(hwm)} MB${peakReset ? '' : ' (since start: could not reset)'}`,
  );
  console.log(`     the same day again, every tenant (nothing to do): ${againSeconds.toFixed(2)} s`);
  console.log(
    `bare (counter + PDF + UBL + invoice row + period, a transaction each): ${bareInvoices} in ${bareSeconds.toFixed(2)} s = ${(bareInvoices / bareSeconds).toFixed(1)} invoices/s`,
  );
  console.log(`ratio app/bare: ${(invoices / runSeconds / (bareInvoices / bareSeconds)).toFixed(3)}`);
  console.log(`(setup: ${setupSeconds.toFixed(1)} s)`);
} finally {
  await bench.close();
}

/**
 * `count` subscriptions of one tenant by SQL, as the API would store them: monthly, in advance,
 * invoiced on the first day of each period, started 0–27 days ago (one period due today), the
 * customers taken in turn, one line of 30.00 at 21%, invoiced on their own.
 */
async function insertSubscriptions(
  database: pg.Client,
  tenantId: string,
  customers: { id: string; name: string }[],
  count: number,
  today: string,
) {
  const starts = Array.from({ length: count }, (_, i) => {
    const date = new Date(`${today}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - (i % 28));
    return date.toISOString().slice(0, 10);
  });
  if (starts.some((start) => addMonths(start, 1) <= today)) throw new Error('more than one period due');
  const { rows } = await database.query<{ id: string; start_date: string }>(
    `INSERT INTO subscriptions (tenant_id, organization_id, customer_name, name, interval_months, billing, alignment,
       invoice_date_rule, start_date, payment_method, group_invoices, next_period_start, next_invoice_on)
     SELECT $1, s.customer, s.customer_name, 'Hosting ' || s.n, 1, 'advance', 'start_date', 'first_day',
       s.start_date, 'transfer', false, s.start_date, s.start_date
     FROM unnest($2::uuid[], $3::text[], $4::int[], $5::date[]) AS s(customer, customer_name, n, start_date)
     RETURNING id, start_date::text`,
    [
      tenantId,
      starts.map((_, i) => customers[i % customers.length]!.id),
      starts.map((_, i) => customers[i % customers.length]!.name),
      starts.map((_, i) => i + 1),
      starts,
    ],
  );
  await database.query(
    `INSERT INTO subscription_lines (tenant_id, subscription_id, line_key, position, valid_from, description,
       quantity, unit_price, vat_rate, vat_category)
     SELECT $1, s.id, gen_random_uuid(), 0, s.start_date, 'Hosting', '1', '30.0000', '21', 'S'
     FROM unnest($2::uuid[], $3::date[]) AS s(id, start_date)`,
    [tenantId, rows.map((row) => row.id), rows.map((row) => row.start_date)],
  );
}

async function allFinished(database: pg.Client, ids: string[]) {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const { rows } = await database.query(
      `SELECT count(*) FROM job_runs WHERE id = ANY($1) AND state IN ('completed', 'failed')`,
      [ids],
    );
    if (Number(rows[0].count) === ids.length) return;
    if (Date.now() > deadline) throw new Error(`billing runs not done after ${DEADLINE_MS / 60_000} minutes`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Bytes of a `/proc/<pid>/status` memory line (VmRSS, VmHWM). */
function memoryOf(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${field}:`));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}

/** Writing 5 to clear_refs sets VmHWM back to the current RSS (Linux ≥ 4.0, same user). */
function resetPeakMemory(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

function sampleMemory(pid: number) {
  let peak = memoryOf(pid, 'VmRSS');
  const timer = setInterval(() => (peak = Math.max(peak, memoryOf(pid, 'VmRSS'))), 100);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, memoryOf(pid, 'VmRSS'));
    },
  };
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}
