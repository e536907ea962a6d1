import { describe, expect, it } from 'vitest';
import { epcQrPayload, qrModules } from '../pdf/epc-qr.ts';
import { goldenInvoice } from './document-fixtures.ts';

describe('epcQrPayload (EPC069-12, SEPA credit transfer)', () => {
  it('carries the golden invoice: BIC, name, IBAN, total incl. VAT and the RF reference as structured reference', () => {
    expect(epcQrPayload(goldenInvoice())?.split('\n')).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'ABNANL2A',
      'Clientbox Demo B.V.',
      'NL91ABNA0417164300',
      'EUR673.73',
      '',
      'RF462026000123',
    ]);
  });

  it('leaves the BIC empty when there is none (optional in version 002) and normalizes IBAN and reference', () => {
    const invoice = goldenInvoice({
      payment: { means: 'credit_transfer', reference: 'rf46 2026 0001 23', mandate_reference: null, debtor_iban: null },
    });
    invoice.supplier = { ...invoice.supplier, bic: null, iban: 'nl91 abna 0417 1643 00' };
    expect(epcQrPayload(invoice)).toBe(
      'BCD\n002\n1\nSCT\n\nClientbox Demo B.V.\nNL91ABNA0417164300\nEUR673.73\n\nRF462026000123',
    );
  });

  it('cuts the beneficiary name at 70 characters', () => {
    const invoice = goldenInvoice();
    invoice.supplier = { ...invoice.supplier, name: 'Ü'.repeat(80) };
    expect(epcQrPayload(invoice)?.split('\n')[5]).toBe('Ü'.repeat(70));
  });

  it('is null when there is nothing to transfer', () => {
    const directDebit = {
      means: 'direct_debit' as const,
      reference: 'RF462026000123',
      mandate_reference: 'MNDT-1',
      debtor_iban: 'NL20INGB0001234567',
    };
    expect(epcQrPayload(goldenInvoice({ payment: directDebit }))).toBeNull();
    expect(epcQrPayload(goldenInvoice({ payment: null }))).toBeNull();
    expect(epcQrPayload(goldenInvoice({ type: 'credit_note' }))).toBeNull();
    expect(epcQrPayload(goldenInvoice({ type: 'quote' }))).toBeNull();
    expect(epcQrPayload(goldenInvoice({ lines: [] }))).toBeNull();
  });

  it('encodes the payload as a square QR symbol', () => {
    const modules = qrModules(epcQrPayload(goldenInvoice())!);
    expect((modules.length - 17) % 4).toBe(0);
    expect(modules.every((row) => row.length === modules.length)).toBe(true);
    // The top-left finder pattern: a dark 7 × 7 ring.
    expect(modules[0]!.slice(0, 7)).toEqual(Array(7).fill(true));
  });
});
