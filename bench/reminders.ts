import pg from 'pg';
import { amsterdamDate } from '@clientbox/contracts';
import type { ReminderLetter } from '../apps/server/src/modules/receivables/reminders/documents/reminder-letter.ts';
import { renderReminderPdf } from '../apps/server/src/modules/receivables/reminders/documents/render-reminder-pdf.ts';
import { BENCH_CUSTOMER, BENCH_SUPPLIER, benchEnvironment, createTenant, send, startApp } from './bench-environment.ts';

/**
 * The daily reminder run: N overdue invoices of one tenant, the automatic schedule; the clock is
 * moved one day (`CLOCK_ADJUSTABLE=true`), which runs the daily task for that day inside the
 * request: it finds what is due, reckons the amounts, renders each letter's PDF, stores the
 * letters, audits them and queues their mails — in one tenant transaction. Measured: the run's
 * wall time (letters/s), the time until every mail is sent (to the development outbox), and the
 * same day again (nothing to do). Bare baseline in the same run: the same number of letter PDFs
 * rendered and inserted as rows by plain SQL in one transaction, in this process.
 */
const INVOICES = Number(process.env.BENCH_INVOICES ?? 500);
const SUPPLIER = { ...BENCH_SUPPLIER, email: 'debiteuren@bench.test' };
const CUSTOMER = { ...BENCH_CUSTOMER, invoice_email: 'crediteuren@afnemer.test' };
const LINES = [
  { description: 'Ondersteuning', quantity: '2.5', unit_price: '85.00', vat_rate: '21', unit_code: 'HUR' },
];

const bench = await benchEnvironment('reminders', { CLOCK_ADJUSTABLE: 'true' });
try {
  const app = await startApp(bench);
  const tenant = await createTenant(bench, 1, 'invoices,api');
  await send(`${app}/api/v1/company`, 'PATCH', tenant.api_key, SUPPLIER);
  const customer = (await send(`${app}/api/v1/organizations`, 'POST', tenant.api_key, CUSTOMER)) as { id: string };
  const today = amsterdamDate();
  const issued = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  console.log(`issuing ${INVOICES} invoices dated ${issued} (due 14 days later, so overdue today)…`);
  for (let start = 0; start < INVOICES; start += 8) {
    await Promise.all(
      Array.from({ length: Math.min(8, INVOICES - start) }, async () => {
        const draft = (await send(`${app}/api/v1/invoices`, 'POST', tenant.api_key, {
          customer_id: customer.id,
          issue_date: issued,
          payment_term_days: 14,
          lines: LINES,
        })) as { id: string };
        await send(`${app}/api/v1/invoices/${draft.id}/finalize`, 'POST', tenant.api_key);
      }),
    );
  }
  await send(`${app}/api/v1/reminder_settings`, 'PATCH', tenant.api_key, { mode: 'automatic' });

  const database = new pg.Client({ connectionString: bench.databaseUrl });
  await database.connect();
  const count = async (status: string) =>
    Number((await database.query('SELECT count(*) FROM reminders WHERE status = $1', [status])).rows[0].count);

  let started = performance.now();
  await send(`${app}/api/v1/dev/clock`, 'PUT', null, { offset_days: 1 });
  const runSeconds = (performance.now() - started) / 1000;
  const written = (await count('queued')) + (await count('sent'));
  const deadline = Date.now() + 300_000;
  while ((await count('sent')) < written) {
    if (Date.now() > deadline) throw new Error(`not all ${written} mails were sent within 5 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const sentSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  await send(`${app}/api/v1/dev/clock`, 'PUT', null, { offset_days: 1 });
  const againSeconds = (performance.now() - started) / 1000;
  if ((await count('queued')) + (await count('sent')) !== written) throw new Error('the same day sent again');

  // Bare: the letters' PDFs and a plain insert each, one transaction, no tenancy, rules or queue.
  await database.query('CREATE TABLE bare_letters (id serial PRIMARY KEY, invoice_number text, pdf bytea)');
  started = performance.now();
  await database.query('BEGIN');
  for (let i = 0; i < written; i++) {
    const pdf = await renderReminderPdf(bareLetter(i, today));
    await database.query('INSERT INTO bare_letters (invoice_number, pdf) VALUES ($1, $2)', [
      `2026-${String(i).padStart(5, '0')}`,
      Buffer.from(pdf),
    ]);
  }
  await database.query('COMMIT');
  const bareSeconds = (performance.now() - started) / 1000;
  await database.end();

  console.log(`\nDaily reminder run, ${written} letters of one tenant (PDF each), PostgreSQL`);
  console.log(`app: run ${runSeconds.toFixed(2)} s = ${(written / runSeconds).toFixed(1)} letters/s`);
  console.log(
    `     all mails sent after ${sentSeconds.toFixed(2)} s = ${(written / sentSeconds).toFixed(1)} letters/s`,
  );
  console.log(`     the same day again (nothing to do): ${(againSeconds * 1000).toFixed(0)} ms`);
  console.log(`bare (render + insert): ${bareSeconds.toFixed(2)} s = ${(written / bareSeconds).toFixed(1)} letters/s`);
  console.log(`ratio app/bare (run): ${(bareSeconds / runSeconds).toFixed(3)}`);
} finally {
  await bench.close();
}

function bareLetter(i: number, date: string): ReminderLetter {
  return {
    language: 'nl',
    kind: 'reminder',
    level: 1,
    date,
    creditor: {
      name: SUPPLIER.legal_name,
      addressLines: ['Keizersgracht 1', '1015 CJ  Amsterdam'],
      iban: SUPPLIER.iban,
      email: SUPPLIER.email,
      phone: null,
      kvkNumber: SUPPLIER.kvk_number,
    },
    debtor: { name: CUSTOMER.name, addressLines: ['Stationsplein 10', '3511 ED  Utrecht'] },
    invoice: { number: `2026-${String(i).padStart(5, '0')}`, issueDate: date, dueDate: date, paymentReference: null },
    amounts: { principal: '257.13', interest: '0.00', costs: '0.00', total: '257.13' },
    hasCharges: false,
    fourteenDayLetter: null,
  };
}
