import { describe, expect, it } from 'vitest';
import type { DocumentSnapshot } from '../document-snapshot.ts';
import { renderUbl, type UblProfile } from '../ubl.ts';
import { BELGIAN_CUSTOMER, goldenCreditNote, goldenInvoice, line } from './document-fixtures.ts';
import { validateUbl } from './ubl-validator.ts';

/**
 * The UBL renderer checked by the official validators (domain rules §3.2): OASIS UBL 2.1 XSD plus
 * the Peppol BIS 3.0 or NLCIUS Schematron, run by Java. Every case must pass both profiles. Each
 * run takes a JVM 2–4 s, so runs go in parallel, as many as there are cores. Missing tools (exit
 * 3) fail the test, in CI and locally alike: a skipped validator proves nothing.
 */
const PROFILES: UblProfile[] = ['peppol', 'nlcius'];
const DIRECT_DEBIT = {
  means: 'direct_debit',
  reference: 'RF462026000123',
  mandate_reference: 'MND-2026-0042',
  debtor_iban: 'NL02ABNA0123456789',
} as const;

interface UblCase {
  name: string;
  document: DocumentSnapshot;
  /** Exact values in the XML, beyond what the validators check. */
  check: (xml: string, profile: UblProfile) => void;
}

const CASES: UblCase[] = [
  {
    name: 'golden invoice 2026-000123 (§2.3), with 4-decimal prices and a fractional quantity',
    document: goldenInvoice(),
    check: (xml, profile) => {
      expect(xml).toContain(
        `#compliant#urn:fdc:${profile === 'peppol' ? 'peppol.eu:2017:poacc:billing:3.0' : 'nen.nl:nlcius:v1.0'}<`,
      );
      expect(xml).toContain('<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>');
      expect(xml).toContain('<cbc:DueDate>2026-03-16</cbc:DueDate>');
      expect(xml).toContain('<cbc:BuyerReference>2026-000123</cbc:BuyerReference>');
      expect(values(xml, 'cbc:PayableAmount')).toEqual(['673.73']);
      expect(values(xml, 'cbc:TaxAmount')).toEqual(['97.96', '80.75', '17.21']);
      expect(values(xml, 'cbc:TaxableAmount')).toEqual(['384.50', '191.27']);
      expect(values(xml, 'cbc:TaxExclusiveAmount')).toEqual(['575.77']);
      expect(values(xml, 'cbc:LineExtensionAmount')).toEqual([
        '575.77',
        '59.97',
        '212.50',
        '112.03',
        '86.42',
        '104.85',
      ]);
      expect(values(xml, 'cbc:PriceAmount')).toEqual(['19.99', '85.00', '112.03', '12.3456', '8.7375']);
      expect(xml).toContain('<cbc:InvoicedQuantity unitCode="HUR">2.5</cbc:InvoicedQuantity>');
      expect(xml).toContain('<cbc:EndpointID schemeID="0106">87654321</cbc:EndpointID>');
      expect(xml).toContain('<cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>');
      expect(xml).toContain('<cbc:PaymentID>RF462026000123</cbc:PaymentID>');
      expect(xml).not.toContain('FinancialInstitutionBranch'); // no BIC for SEPA (BR-NL-31)
      expect(xml).not.toContain('AllowanceTotalAmount');
    },
  },
  {
    name: 'mixed rates with a 5% document discount; headings, text and unticked options are no lines',
    document: goldenInvoice({
      discount_percent: '5',
      lines: [
        line('Software', '0', '0', '21', { kind: 'heading' }),
        ...goldenInvoice().lines,
        line('Prijzen zijn inclusief installatie.', '0', '0', '21', { kind: 'text' }),
        line('Extra training', '1', '450', '21', { is_optional: true, is_excluded: true }),
      ],
    }),
    check: (xml) => {
      expect(count(xml, '<cac:InvoiceLine>')).toBe(5);
      // 5% of 384.50 = 19.23 and of 191.27 = 9.56 (§2.3), each with its group's tax category.
      expect(values(xml, 'cbc:Amount')).toEqual(['19.23', '9.56']);
      expect(values(xml, 'cbc:BaseAmount')).toEqual(['384.50', '191.27']);
      expect(values(xml, 'cbc:AllowanceTotalAmount')).toEqual(['28.79']);
      expect(values(xml, 'cbc:TaxableAmount')).toEqual(['365.27', '181.71']);
      expect(values(xml, 'cbc:TaxAmount')).toEqual(['93.06', '76.71', '16.35']);
      expect(values(xml, 'cbc:PayableAmount')).toEqual(['640.04']);
    },
  },
  {
    name: 'line discounts (percentage and amount), 4-decimal prices, fractional quantities, a deduction',
    document: goldenInvoice({
      lines: [
        line('Advies\nInclusief rapportage', '7.5', '95.1234', '21', { unit_code: 'HUR', discount_percent: '12.5' }),
        line('Licentie "Pro" <jaar> & support\u0007', '1', '1200', '21', {
          discount_amount: '150.00',
          product_code: 'LIC-PRO&1',
        }),
        line('Kabel per meter', '0.333', '2.0001', '9', { unit_code: 'MTR' }),
        line('Inruil oude apparatuur', '1', '-25.50', '21'),
      ],
    }),
    check: (xml) => {
      // 7.5 × 95.1234 = 713.4255; 12.5% = 89.18; net 624.25.
      expect(xml).toContain('<cbc:MultiplierFactorNumeric>12.5</cbc:MultiplierFactorNumeric>');
      expect(values(xml, 'cbc:BaseAmount')).toEqual(['713.43']);
      expect(values(xml, 'cbc:Amount')).toEqual(['89.18', '150.00']);
      expect(values(xml, 'cbc:LineExtensionAmount')).toEqual(['1649.42', '624.25', '1050.00', '0.67', '-25.50']);
      expect(values(xml, 'cbc:PriceAmount')).toEqual(['95.1234', '1200.00', '2.0001', '25.50']);
      expect(xml).toContain('<cbc:InvoicedQuantity unitCode="MTR">0.333</cbc:InvoicedQuantity>');
      // BR-27: a deduction has a positive price and a negative quantity.
      expect(xml).toContain('<cbc:InvoicedQuantity unitCode="C62">-1</cbc:InvoicedQuantity>');
      expect(xml).toContain('<cbc:Name>Advies</cbc:Name>');
      expect(xml).toContain('<cbc:Description>Advies\nInclusief rapportage</cbc:Description>');
      expect(xml).toContain('<cbc:Name>Licentie "Pro" &lt;jaar&gt; &amp; support</cbc:Name>');
      expect(xml).toContain('<cbc:ID>LIC-PRO&amp;1</cbc:ID>');
    },
  },
  {
    name: 'all lines reverse charged (AE)',
    document: goldenInvoice({
      lines: [
        line('Sloopwerkzaamheden', '40', '55.00', '0', { vat_category: 'AE', unit_code: 'HUR' }),
        line('Afvoer puin', '1', '350', '0', { vat_category: 'AE' }),
      ],
    }),
    check: (xml, profile) => {
      expectExemption(xml, profile, 'AE', 'VATEX-EU-AE', 'Btw verlegd');
      expect(values(xml, 'cbc:TaxAmount')).toEqual(['0.00', '0.00']);
      expect(values(xml, 'cbc:PayableAmount')).toEqual(['2550.00']);
    },
  },
  {
    name: 'intra-EU supply (K) to a Belgian customer, with deliver-to country and supply period',
    document: goldenInvoice({
      customer: BELGIAN_CUSTOMER,
      lines: [line('Serverkast 42U', '2', '1450.00', '0', { vat_category: 'K' })],
      period: { start: '2026-02-01', end: '2026-02-28' },
      deliver_to_country: 'BE',
    }),
    check: (xml, profile) => {
      expectExemption(xml, profile, 'K', 'VATEX-EU-IC', 'Intracommunautaire levering');
      // Belgian Peppol participants are registered under their enterprise number (0208).
      expect(xml).toContain('<cbc:EndpointID schemeID="0208">0403170701</cbc:EndpointID>');
      expect(xml).toContain('<cbc:CompanyID>BE0403170701</cbc:CompanyID>');
      expect(xml).toMatch(
        /<cac:InvoicePeriod>\s*<cbc:StartDate>2026-02-01<\/cbc:StartDate>\s*<cbc:EndDate>2026-02-28</,
      );
      expect(xml).toMatch(/<cac:DeliveryLocation>\s*<cac:Address>\s*<cac:Country>\s*<cbc:IdentificationCode>BE</);
    },
  },
  {
    name: 'export outside the EU (G) to a Swiss customer, in English',
    document: goldenInvoice({
      language: 'en',
      customer: {
        name: 'Alpen Handel AG',
        address: { street: 'Bahnhofstrasse 1', postal_code: '8001', city: 'Zürich', country: 'CH' },
        kvk_number: null,
        vat_number: 'CHE-116.281.710 MWST',
        contact_name: 'Urs Müller',
        email: 'kreditoren@alpen.example',
      },
      supply_date: '2026-02-27',
      lines: [line('Industrial sensor', '10', '129.95', '0', { vat_category: 'G' })],
    }),
    check: (xml, profile) => {
      expectExemption(xml, profile, 'G', 'VATEX-EU-G', 'Export outside the EU');
      expect(xml).toContain('<cbc:EndpointID schemeID="9927">CHE116281710MWST</cbc:EndpointID>');
      expect(xml).toContain('<cbc:CityName>Zürich</cbc:CityName>');
      expect(xml).toContain('<cbc:ActualDeliveryDate>2026-02-27</cbc:ActualDeliveryDate>');
      expect(values(xml, 'cbc:Note')).toEqual(['Payment within 14 days, by 16 March 2026, quoting RF46 2026 0001 23.']);
    },
  },
  {
    name: 'exempt from VAT (E)',
    document: goldenInvoice({
      lines: [line('Cursus bedrijfshulpverlening', '3', '245.00', '0', { vat_category: 'E' })],
    }),
    check: (xml, profile) => {
      // E has no VATEX code in our texts: the legal text alone satisfies BR-E-10.
      expectExemption(xml, profile, 'E', null, 'Vrijgesteld van btw (art. 11 Wet OB)');
      expect(values(xml, 'cbc:PayableAmount')).toEqual(['735.00']);
    },
  },
  {
    name: 'credit note correcting invoice 2026-000123',
    document: goldenCreditNote(),
    check: (xml, profile) => {
      expect(xml).toMatch(
        /^<\?xml[^>]*>\n<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/,
      );
      expect(xml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>');
      expect(xml).toMatch(/<cac:InvoiceDocumentReference>\s*<cbc:ID>2026-000123<\/cbc:ID>/);
      // BT-26 only for Peppol: NLCIUS advises against it (BR-NL-24).
      expect(xml.includes('<cbc:IssueDate>2026-03-02</cbc:IssueDate>')).toBe(profile === 'peppol');
      // A CreditNote has no DueDate: the due date goes in the payment means.
      expect(xml).not.toContain('<cbc:DueDate>');
      expect(xml).toMatch(/<cbc:PaymentMeansCode>58<\/cbc:PaymentMeansCode>\s*<cbc:PaymentDueDate>2026-03-24</);
      expect(count(xml, '<cac:CreditNoteLine>')).toBe(2);
      expect(xml).toContain('<cbc:CreditedQuantity unitCode="C62">2</cbc:CreditedQuantity>');
      // Positive amounts: 85.00 + 24.69, VAT 17.85 + 2.22.
      expect(values(xml, 'cbc:PayableAmount')).toEqual(['129.76']);
    },
  },
  {
    name: 'SEPA direct debit (59) with mandate, debited account and creditor id',
    document: goldenInvoice({ payment: DIRECT_DEBIT }),
    check: (xml) => {
      expect(xml).toContain('<cbc:PaymentMeansCode>59</cbc:PaymentMeansCode>');
      expect(xml).toMatch(
        /<cac:PaymentMandate>\s*<cbc:ID>MND-2026-0042<\/cbc:ID>\s*<cac:PayerFinancialAccount>\s*<cbc:ID>NL02ABNA0123456789</,
      );
      expect(xml).toMatch(/<cac:PartyIdentification>\s*<cbc:ID schemeID="SEPA">NL51ZZZ405365330000</);
      expect(xml).not.toContain('PayeeFinancialAccount');
    },
  },
];

describe.concurrent('UBL e-invoice, checked by the official validators', { timeout: 180_000 }, () => {
  for (const ublCase of CASES) {
    for (const profile of PROFILES) {
      it(`${ublCase.name} is valid ${profile}`, async () => {
        const xml = renderUbl(ublCase.document, profile);
        ublCase.check(xml, profile);
        const result = await validateUbl(xml);
        expect(result.output, 'validator output').toMatch(/^\s*$/); // -q prints only failures
        expect(result.status).toBe(0);
      });
    }
  }

  it('Peppol addresses a Dutch customer without KvK number by VAT id (9944)', async () => {
    const customer = { ...goldenInvoice().customer, kvk_number: null };
    const xml = renderUbl(goldenInvoice({ customer }), 'peppol');
    expect(xml).toContain('<cbc:EndpointID schemeID="9944">NL000099998B57</cbc:EndpointID>');
    expect(await validateUbl(xml)).toEqual({ status: 0, output: '', fatal: [] });
  });

  // The validator really runs: a hand-broken document fails with the rule the domain rules name (§3.1).
  it('PayableAmount + 0.01 fails BR-CO-16 (nlcius)', async () => {
    const xml = renderUbl(goldenInvoice(), 'nlcius').replace(
      '<cbc:PayableAmount currencyID="EUR">673.73<',
      '<cbc:PayableAmount currencyID="EUR">673.74<',
    );
    expect(xml).toContain('673.74');
    const result = await validateUbl(xml);
    expect(result.status).toBe(1);
    expect(result.fatal).toEqual(['BR-CO-16']);
  });

  it('direct debit without PaymentMandate fails PEPPOL-EN16931-R061 (peppol)', async () => {
    const xml = renderUbl(goldenInvoice({ payment: DIRECT_DEBIT }), 'peppol').replace(
      /\s*<cac:PaymentMandate>[\s\S]*<\/cac:PaymentMandate>/,
      '',
    );
    expect(xml).not.toContain('PaymentMandate');
    const result = await validateUbl(xml);
    expect(result.status).toBe(1);
    expect(result.fatal).toEqual(['PEPPOL-EN16931-R061']);
  });
});

describe('UBL renderer refuses what the validators would reject', () => {
  const golden = goldenInvoice();
  it.each<[string, DocumentSnapshot, UblProfile, string]>([
    ['a quote', goldenInvoice({ type: 'quote' }), 'peppol', 'ubl_quote_not_supported'],
    [
      'a credit note without billing reference (NL-R-001)',
      goldenCreditNote({ billing_reference: null }),
      'peppol',
      'ubl_billing_reference_missing',
    ],
    [
      'a credit note without billing reference (BR-NL-9)',
      goldenCreditNote({ billing_reference: null }),
      'nlcius',
      'ubl_billing_reference_missing',
    ],
    [
      'a customer with neither KvK number nor VAT id (no Peppol address, R010)',
      goldenInvoice({ customer: { ...golden.customer, kvk_number: null, vat_number: null } }),
      'peppol',
      'ubl_customer_identifier_missing',
    ],
    [
      'a Dutch customer without KvK number under NLCIUS (BR-NL-10)',
      goldenInvoice({ customer: { ...golden.customer, kvk_number: null } }),
      'nlcius',
      'ubl_customer_kvk_missing',
    ],
    [
      'a customer without address (BR-10)',
      goldenInvoice({ customer: { ...golden.customer, address: null } }),
      'peppol',
      'ubl_customer_address_missing',
    ],
    [
      'reverse charge without the customer VAT id (BR-AE-02)',
      goldenInvoice({
        customer: { ...golden.customer, vat_number: null },
        lines: [line('Sloopwerk', '1', '100', '0', { vat_category: 'AE' })],
      }),
      'peppol',
      'ubl_customer_vat_number_missing',
    ],
    [
      'an intra-EU supply without deliver-to country (BR-IC-12)',
      goldenInvoice({
        customer: BELGIAN_CUSTOMER,
        supply_date: '2026-02-27',
        lines: [line('Serverkast', '1', '100', '0', { vat_category: 'K' })],
      }),
      'peppol',
      'ubl_intra_community_delivery_missing',
    ],
    [
      'outside-scope lines mixed with taxed lines (BR-O-11)',
      goldenInvoice({ lines: [line('Rente', '1', '10', null, { vat_category: 'O' }), line('Werk', '1', '10', '21')] }),
      'peppol',
      'ubl_outside_scope_mixed',
    ],
    [
      'direct debit without mandate (PEPPOL-EN16931-R061)',
      goldenInvoice({ payment: { ...DIRECT_DEBIT, mandate_reference: null } }),
      'peppol',
      'ubl_direct_debit_incomplete',
    ],
    [
      'an invoice with an amount due but no payment means (NL-R-007)',
      goldenInvoice({ payment: null }),
      'nlcius',
      'ubl_payment_missing',
    ],
  ])('refuses %s', (_name, document, profile, code) => {
    expect(() => renderUbl(document, profile)).toThrow(expect.objectContaining({ code }));
  });
});

/** The text of every `<name …>value</name>` in document order. */
function values(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`, 'g'))].map((match) => match[1]!);
}

function count(xml: string, text: string): number {
  return xml.split(text).length - 1;
}

function expectExemption(xml: string, profile: UblProfile, category: string, vatex: string | null, text: string) {
  expect(xml).toMatch(new RegExp(`<cac:TaxCategory>\\s*<cbc:ID>${category}</cbc:ID>\\s*<cbc:Percent>0</cbc:Percent>`));
  expect(values(xml, 'cbc:TaxExemptionReason')).toEqual([text]);
  // The VATEX code only in Peppol: NLCIUS advises against it (BR-NL-35).
  expect(values(xml, 'cbc:TaxExemptionReasonCode')).toEqual(profile === 'peppol' && vatex ? [vatex] : []);
}
