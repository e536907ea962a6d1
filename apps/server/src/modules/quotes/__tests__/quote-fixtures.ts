import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { ProvisionedTenant } from '../../../kernel/accounts/provision-tenant.ts';
import {
  CUSTOMER as GOLDEN_CUSTOMER,
  readyDocumentTenant,
  SUPPLIER as GOLDEN_SUPPLIER,
} from '../../../test-support/document-tenant.ts';
import type { TestApp } from '../../../test-support/test-app.ts';

const SUPPLIER = { ...GOLDEN_SUPPLIER, legal_name: 'Offertebouw B.V.', email: 'verkoop@offertebouw.test' };
export const CUSTOMER_EMAIL = 'inkoop@afnemer.test';
const CUSTOMER = { ...GOLDEN_CUSTOMER, invoice_email: CUSTOMER_EMAIL };

/**
 * A heading, 10 hours of design (850.00), two options — hosting 240.00 at 21% (index 2) and a
 * handbook 2 × 19.95 at 9% (index 3) — and a text line. Without options: 850.00 + 178.50 VAT =
 * 1028.50; with the hosting ticked: 1090.00 + 228.90 = 1318.90.
 */
export const QUOTE_LINES = [
  { kind: 'heading', description: 'Nieuwe website' },
  { description: 'Ontwerp', quantity: '10', unit_code: 'HUR', unit_price: '85.00', vat_rate: '21' },
  { description: 'Hosting per jaar', quantity: '1', unit_price: '240.00', vat_rate: '21', is_optional: true },
  { description: 'Handleiding (boek)', quantity: '2', unit_price: '19.95', vat_rate: '9', is_optional: true },
  { kind: 'text', description: 'Oplevering binnen vier weken na akkoord.' },
];

/** Gives the tenant a complete company profile and a customer with an e-mail address; returns the customer's id. */
export function readyTenant(t: TestApp, tenant: ProvisionedTenant): Promise<string> {
  return readyDocumentTenant(t, tenant, { supplier: SUPPLIER, customer: CUSTOMER });
}

export async function emailOf(t: TestApp, userId: string): Promise<string> {
  const result = await t.kernel.database.owner.execute(sql`SELECT email FROM users WHERE id = ${userId}`);
  return (result as unknown as { rows: { email: string }[] }).rows[0]!.email;
}

/** The customer's link → its token. */
export function tokenOf(publicUrl: string): string {
  return publicUrl.split('/q/')[1]!;
}

/** `pdftotext -layout` (poppler), as a person reading the PDF would see it. */
export function pdfText(bytes: Uint8Array): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'clientbox-quote-pdf-'));
  try {
    const file = path.join(folder, 'quote.pdf');
    writeFileSync(file, bytes);
    const result = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr || result.error?.message}`);
    return result.stdout.replace(/[ \t]+/g, ' ');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
