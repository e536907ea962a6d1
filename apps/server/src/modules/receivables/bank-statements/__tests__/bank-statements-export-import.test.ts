import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvisionedTenant } from '../../../../kernel/accounts/provision-tenant.ts';
import { archiveJson as json, exportArchiveOf, importArchiveInto } from '../../../../test-support/export-archive.ts';
import { createTestApp, type TestApp } from '../../../../test-support/test-app.ts';
import { buildCamt053 } from '../../statements/__tests__/build-camt053.ts';
import { apiOf } from '../../../../test-support/api-requests.ts';
import {
  CUSTOMER_IBAN,
  entry,
  issuedInvoice,
  readyPayee,
  statementOf,
  transaction,
  uploadStatement,
} from './bank-statement-fixtures.ts';

describe('terms art. 17: bank statements and how their entries were matched survive export → import', () => {
  let t: TestApp;
  let source: ProvisionedTenant;
  let camt: string;
  let zip: Uint8Array;
  let statementId: string;

  const get = async (tenant: ProvisionedTenant, url: string) => {
    const response = await apiOf(t)(tenant.api_key, 'GET', url);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.kernel.jobs.start();
    source = await t.createTenant();
    const customerId = await readyPayee(t, source);
    const invoice = await issuedInvoice(t, source, customerId);
    camt = buildCamt053(
      statementOf('STMT-EXPORT-1', [
        entry(
          20000n,
          'CRDT',
          [
            transaction({
              counterparty: { name: 'Afnemer B.V.', iban: CUSTOMER_IBAN },
              remittance: { unstructured: `Factuur ${invoice.number}`, structured: null },
            }),
          ],
          { bankReference: 'EXP-0001' },
        ),
        entry(1234n, 'CRDT', [transaction({ remittance: { unstructured: 'Onbekend', structured: null } })]),
        entry(500n, 'DBIT', [transaction({ counterparty: { name: 'Bank', iban: null } })], {
          bankReference: 'EXP-0003',
        }),
      ]),
    );
    const imported = await uploadStatement(t, source, 'statement.xml', camt);
    expect(imported.statusCode, imported.body).toBe(201);
    statementId = imported.json().statements[0].id;
    zip = await exportArchiveOf(t, source.api_key);
  });
  afterAll(() => t?.close());

  it('holds the statements and every entry with its match', () => {
    const entries = unzipSync(zip);
    const statements = json(entries, 'data/receivables.bank_statements.json') as Record<string, unknown>[];
    expect(statements).toEqual([expect.objectContaining({ id: statementId, statement_id: 'STMT-EXPORT-1' })]);
    const rows = json(entries, 'data/receivables.bank_statement_entries.json') as Record<string, unknown>[];
    expect(rows.map((row) => [row.status, row.amount, row.booked_amount])).toEqual([
      ['booked', '200.00', '200.00'],
      ['unmatched', '12.34', '0.00'],
      ['ignored', '5.00', '0.00'],
    ]);
  });

  it('restores them into an empty tenant as they were; the same file imported there is known', async () => {
    const target = await t.createTenant();
    const imported = await importArchiveInto(t, target.api_key, zip);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().imported).toContainEqual({ entity: 'receivables.bank_statement_entries', count: 3 });
    expect(await get(target, `/api/v1/bank_statements/${statementId}`)).toEqual(
      await get(source, `/api/v1/bank_statements/${statementId}`),
    );
    expect(await get(target, '/api/v1/bank_statements')).toEqual(await get(source, '/api/v1/bank_statements'));
    const again = await uploadStatement(t, target, 'statement.xml', camt);
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ new_entries: 0, duplicate_entries: 3 });
  });
});
