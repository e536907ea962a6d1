import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { goldenInvoice } from '../apps/server/src/modules/invoices/documents/__tests__/document-fixtures.ts';
import { renderDocumentPdf } from '../apps/server/src/modules/invoices/documents/pdf/render-document-pdf.ts';
import { renderUbl } from '../apps/server/src/modules/invoices/documents/ubl.ts';
import {
  BENCH_CUSTOMER,
  BENCH_SUPPLIER,
  benchEnvironment,
  createTenant,
  percentile,
  root,
  send,
  startApp,
} from './bench-environment.ts';

/**
 * Issuing invoices: create a draft of 10 lines and finalize it (number, snapshot, PDF and both
 * UBL profiles rendered and stored) through the API with an API key, 8 at a time, against a bare
 * Fastify + pg server doing the raw SQL of it (counter bump, invoice row, 10 lines in one
 * transaction). Then PDF and UBL renders per second on one core. Prints invoices/s, p50/p99 and the ratio.
 */
const DURATION = Number(process.env.BENCH_SECONDS ?? 20);
const WARM_UP = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const PDF_SECONDS = Number(process.env.BENCH_PDF_SECONDS ?? 10);

/** The golden lines of domain rules §2.3, twice: ten lines at 21% and 9%. */
const LINES = [1, 2].flatMap((round) => [
  { description: `Licentie per gebruiker ${round}`, quantity: '3', unit_price: '19.99', vat_rate: '21' },
  { description: `Ondersteuning ${round}`, quantity: '2.5', unit_price: '85.00', vat_rate: '21', unit_code: 'HUR' },
  { description: `Workshop ${round}`, quantity: '1', unit_price: '112.03', vat_rate: '21' },
  { description: `Handboek ${round}`, quantity: '7', unit_price: '12.3456', vat_rate: '9' },
  { description: `Catering ${round}`, quantity: '12', unit_price: '8.7375', vat_rate: '9' },
]);

const bench = await benchEnvironment('invoices');

try {
  const app = await startApp(bench);
  const [tenant, bareTenant] = [
    await createTenant(bench, 1, 'products,invoices,api'),
    await createTenant(bench, 2, 'products,invoices,api'),
  ];
  const customerIds: string[] = [];
  for (const { api_key } of [tenant!, bareTenant!]) {
    await send(`${app}/api/v1/company`, 'PATCH', api_key, BENCH_SUPPLIER);
    customerIds.push(
      ((await send(`${app}/api/v1/organizations`, 'POST', api_key, BENCH_CUSTOMER)) as { id: string }).id,
    );
  }
  const bare = fork(path.join(root, 'bench/bare-server.ts'), { env: { ...bench.env, PORT: '0' }, stdio: 'inherit' });
  bench.children.push(bare);
  const barePort = await new Promise<number>((resolve) =>
    bare.once('message', (message: { port: number }) => resolve(message.port)),
  );

  const timings = { create: [] as number[], finalize: [] as number[] };
  const issueThroughApi = async () => {
    let started = performance.now();
    const draft = (await send(`${app}/api/v1/invoices`, 'POST', tenant!.api_key, {
      customer_id: customerIds[0],
      lines: LINES,
    })) as { id: string };
    timings.create.push(performance.now() - started);
    started = performance.now();
    await send(`${app}/api/v1/invoices/${draft.id}/finalize`, 'POST', tenant!.api_key);
    timings.finalize.push(performance.now() - started);
  };
  const issueBare = async () => {
    await send(`http://127.0.0.1:${barePort}/bare/invoices/${bareTenant!.tenant_id}`, 'POST', null, {
      customer_id: customerIds[1],
      lines: LINES,
    });
  };

  console.log(`app on ${app}, bare on :${barePort}; warming up…`);
  await closedLoop(issueThroughApi, WARM_UP);
  await closedLoop(issueBare, WARM_UP);
  timings.create.length = 0;
  timings.finalize.length = 0;
  const appResult = await closedLoop(issueThroughApi, DURATION);
  const bareResult = await closedLoop(issueBare, DURATION);

  const pdf = await rendersPerSecond(() => renderDocumentPdf(goldenInvoice()));
  const ubl = await rendersPerSecond(async () => new TextEncoder().encode(renderUbl(goldenInvoice(), 'peppol')));

  console.log(
    `\nCreate (10 lines) + finalize, ${CONCURRENCY} at a time, ${DURATION} s per run, ${os.cpus().length} cores`,
  );
  const row = (name: string, result: LoopResult) =>
    `${name.padEnd(18)} ${result.perSecond.toFixed(1).padStart(7)} invoices/s   p50 ${result.p50.toFixed(0).padStart(5)} ms   p99 ${result.p99.toFixed(0).padStart(5)} ms   (${result.count} invoices)`;
  console.log(row('app (create+final)', appResult));
  console.log(
    `  create            p50 ${percentile(timings.create, 0.5).toFixed(0).padStart(5)} ms   p99 ${percentile(timings.create, 0.99).toFixed(0).padStart(5)} ms`,
  );
  console.log(
    `  finalize          p50 ${percentile(timings.finalize, 0.5).toFixed(0).padStart(5)} ms   p99 ${percentile(timings.finalize, 0.99).toFixed(0).padStart(5)} ms`,
  );
  console.log(row('bare (raw SQL)', bareResult));
  console.log(`ratio app/bare: ${(appResult.perSecond / bareResult.perSecond).toFixed(3)}`);
  console.log(
    `\nPDF of the golden invoice on one core: ${pdf.perSecond.toFixed(1)} renders/s (${pdf.msPerRender.toFixed(1)} ms each, ${pdf.bytes} bytes)`,
  );
  console.log(
    `UBL (Peppol) of the golden invoice on one core: ${ubl.perSecond.toFixed(0)} renders/s (${ubl.msPerRender.toFixed(2)} ms each, ${ubl.bytes} bytes)`,
  );
} finally {
  await bench.close();
}

interface LoopResult {
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/** `CONCURRENCY` workers, each issuing one invoice after the other for `seconds`: a closed loop, like 8 busy users. */
async function closedLoop(issue: () => Promise<void>, seconds: number): Promise<LoopResult> {
  const latencies: number[] = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const at = performance.now();
        await issue();
        latencies.push(performance.now() - at);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    count: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

/** A document rendered again and again in this process: one JavaScript thread, one core. */
async function rendersPerSecond(
  render: () => Promise<Uint8Array>,
): Promise<{ perSecond: number; msPerRender: number; bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < 20; i++) bytes = (await render()).length;
  let renders = 0;
  const started = performance.now();
  while (performance.now() - started < PDF_SECONDS * 1000) {
    await render();
    renders += 1;
  }
  const elapsed = performance.now() - started;
  return { perSecond: renders / (elapsed / 1000), msPerRender: elapsed / renders, bytes };
}
