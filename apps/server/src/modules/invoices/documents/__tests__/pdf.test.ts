import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { epcQrPayload } from '../pdf/epc-qr.ts';
import { renderDocumentPdf } from '../pdf/render-document-pdf.ts';
import { goldenInvoice, line } from './document-fixtures.ts';
import {
  pdfFonts,
  pdfPages,
  pdfText,
  pixelShare,
  rasterizeFirstPage,
  solidPngBase64,
  squeeze,
} from './pdf-test-tools.ts';

// jsqr is CommonJS with its types written as an ES default export; its function carries itself
// as `default`, which is what the types describe.
const jsQrDecode = jsQR.default;

/** The QR code in the right column of page 1, read from a raster as a phone camera would see it. */
function readQrCode(pdf: Uint8Array): string | null {
  const page = rasterizeFirstPage(pdf, 100, { x: 380, y: 0, width: 215, height: 842 });
  const code = jsQrDecode(new Uint8ClampedArray(page.data), page.width, page.height, {
    inversionAttempts: 'dontInvert',
  });
  return code?.data ?? null;
}

describe('renderDocumentPdf', () => {
  it('prints the mandatory content of the golden invoice (domain rules §1.1, §2.3)', async () => {
    const text = squeeze(pdfText(await renderDocumentPdf(goldenInvoice())));
    for (const expected of [
      'Factuur',
      'Factuurnummer 2026-000123',
      'Factuurdatum 2 maart 2026',
      'Vervaldatum 16 maart 2026',
      'Clientbox Demo B.V.',
      'Keizersgracht 1',
      '1015 CJ Amsterdam',
      'Afnemer B.V.',
      't.a.v. Karin Jansen',
      'Stationsplein 10',
      '3511 ED Utrecht',
      'KvK 12345678',
      'Btw-id NL004495445B01',
      'Btw-id NL000099998B57',
      'IBAN NL91 ABNA 0417 1643 00',
      'BIC ABNANL2A',
      'Betalingstermijn 14 dagen',
      'Betalingskenmerk RF46 2026 0001 23',
    ])
      expect(text).toContain(expected);
    // Lines: quantity, unit label, unit price with up to 4 decimals, VAT rate, line net.
    expect(text).toMatch(/Ondersteuning 2,5 uur € 85,00 21% € 212,50/);
    expect(text).toMatch(/Handboek 7 stuk € 12,3456 9% € 86,42/);
    // The VAT breakdown: per rate the taxable amount and the VAT, rounded per rate on the base.
    expect(text).toMatch(/^21% € 384,50 € 80,75\b/m);
    expect(text).toMatch(/^9% € 191,27 € 17,21\b/m);
    expect(text).toMatch(/Totaal excl\. btw € 575,77/);
    expect(text).toMatch(/Totaal btw € 97,96/);
    expect(text).toMatch(/Totaal incl\. btw € 673,73/);
  });

  it('draws a page that is not blank, with an EPC QR code a banking app can read', async () => {
    const pdf = await renderDocumentPdf(goldenInvoice());
    const thumbnail = rasterizeFirstPage(pdf, 50);
    const inked = pixelShare(thumbnail, (r, g, b) => r + g + b < 600);
    expect(inked).toBeGreaterThan(0.01);
    expect(inked).toBeLessThan(0.5);

    const qr = readQrCode(pdf);
    expect(qr).toBe(epcQrPayload(goldenInvoice()));
    expect(qr?.split('\n')).toContain('EUR673.73');
  });

  it('gives the same bytes for the same snapshot, so a stored PDF can be compared', async () => {
    const first = await renderDocumentPdf(goldenInvoice());
    // The fonts are parsed once per process and shared: another document in between changes nothing.
    await renderDocumentPdf(goldenInvoice({ customer: { ...goldenInvoice().customer, name: 'Żółć Şişli Ελλάς' } }));
    const second = await renderDocumentPdf(goldenInvoice());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(first).toString('latin1')).toContain('(D:20260302000000Z)');
  });

  it('speaks English to an English customer', async () => {
    const text = squeeze(pdfText(await renderDocumentPdf(goldenInvoice({ language: 'en' }))));
    for (const expected of [
      'Invoice number 2026-000123',
      'Invoice date 2 March 2026',
      'Due date 16 March 2026',
      'Chamber of Commerce (KvK) 12345678',
      'VAT number NL004495445B01',
      'Attn. Karin Jansen',
      'Payment term 14 days',
      'Payment reference RF46 2026 0001 23',
      'Page 1 of 1',
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/Ondersteuning 2\.5 hour €85\.00 21% €212\.50/);
    expect(text).toMatch(/^21% €384\.50 €80\.75\b/m);
    expect(text).toMatch(/Total incl\. VAT €673\.73/);
    expect(text).not.toMatch(/Factuur|Vervaldatum|Totaal/);
  });

  it('shows a credit note with negative amounts and the invoice it corrects (§1.3)', async () => {
    const creditNote = goldenInvoice({
      type: 'credit_note',
      number: '2026-000124',
      issue_date: '2026-03-10',
      due_date: null,
      payment: null,
      billing_reference: { number: '2026-000123', issue_date: '2026-03-02' },
    });
    const text = squeeze(pdfText(await renderDocumentPdf(creditNote)));
    expect(text).toContain('Creditnota');
    expect(text).toContain('Creditnotanummer 2026-000124');
    expect(text).toContain('Creditnota voor factuur 2026-000123 van 2 maart 2026');
    expect(text).toMatch(/Licentie per gebruiker -3 stuk € 19,99 21% € -59,97/);
    expect(text).toMatch(/^21% € -384,50 € -80,75\b/m);
    expect(text).toMatch(/Totaal incl\. btw € -673,73/);
    expect(text).not.toContain('Betalingskenmerk');
    expect(epcQrPayload(creditNote)).toBeNull();
  });

  it('prints "Btw verlegd" with the customer\'s VAT id on a reverse-charge invoice (BR-AE-02)', async () => {
    const reverseCharge = goldenInvoice({
      lines: [line('Advies', '10', '100.00', '0', { vat_category: 'AE', unit_code: 'HUR' })],
    });
    const text = squeeze(pdfText(await renderDocumentPdf(reverseCharge)));
    expect(text).toContain('Btw verlegd – btw-id afnemer: NL000099998B57');
    expect(text).toMatch(/Advies 10 uur € 100,00 verlegd € 1\.000,00/);
    expect(text).toMatch(/^0% Btw verlegd € 1\.000,00 € 0,00\b/m);
    expect(text).toMatch(/Totaal incl\. btw € 1\.000,00/);
  });

  it('marks an unticked optional quote line and leaves it out of the total', async () => {
    const quote = goldenInvoice({
      type: 'quote',
      number: 'O-2026-0007',
      due_date: null,
      valid_until: '2026-04-01',
      payment: null,
      lines: [
        ...goldenInvoice().lines,
        line('Installatie', '1', '150.00', '21', { is_optional: true }),
        line('Extra training', '1', '450.00', '21', { is_optional: true, is_excluded: true }),
      ],
    });
    const text = squeeze(pdfText(await renderDocumentPdf(quote)));
    expect(text).toContain('Offertenummer O-2026-0007');
    expect(text).toContain('Geldig tot 1 april 2026');
    expect(text).toMatch(/Extra training 1 stuk € 450,00 21% n\.v\.t\./);
    expect(text).toContain('Optioneel, niet inbegrepen in het totaal');
    expect(text).toMatch(/Installatie 1 stuk € 150,00 21% € 150,00/);
    // 21%: 534.50 → 112.245 → 112.25; 9%: 17.21; 725.77 + 129.46.
    expect(text).toMatch(/^21% € 534,50 € 112,25\b/m);
    expect(text).toMatch(/Totaal incl\. btw € 855,23/);
    expect(text).not.toMatch(/Vervaldatum|Betalingskenmerk/);
  });

  it('announces a direct debit with the mandate instead of a QR code', async () => {
    const directDebit = goldenInvoice({
      payment: {
        means: 'direct_debit',
        reference: 'RF462026000123',
        mandate_reference: 'MNDT-2026-001',
        debtor_iban: 'NL20INGB0001234567',
      },
    });
    const pdf = await renderDocumentPdf(directDebit);
    const text = squeeze(pdfText(pdf).replace(/\s+/g, ' '));
    expect(text).toContain('wordt automatisch afgeschreven van uw rekening eindigend op 4567');
    expect(text).toContain('op grond van machtiging MNDT-2026-001 (incassant-id NL51ZZZ405365330000)');
    expect(text).not.toContain('Scan met uw bank-app');
    expect(epcQrPayload(directDebit)).toBeNull();
    expect(readQrCode(pdf)).toBeNull();
  });

  it('flows a long invoice onto the next page, repeating the table header, with the totals after the lines', async () => {
    const lines = Array.from({ length: 60 }, (_, index) =>
      line(`Regel ${String(index + 1).padStart(2, '0')}`, '1', '10.00', '21'),
    );
    const pages = pdfPages(await renderDocumentPdf(goldenInvoice({ lines }))).map(squeeze);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[0]).toContain('Regel 01');
    expect(pages[0]).not.toContain('Regel 60');
    expect(pages[0]).not.toContain('Totaal incl. btw');
    expect(pages[1]).toMatch(/^Omschrijving Aantal Eenheid/m);
    const lastLinePage = pages.find((page) => page.includes('Regel 60'))!;
    expect(lastLinePage.indexOf('Totaal incl. btw')).toBeGreaterThan(lastLinePage.indexOf('Regel 60'));
    expect(lastLinePage).toMatch(/Totaal incl\. btw € 726,00/);
    pages.forEach((page, index) => expect(page).toContain(`Pagina ${index + 1} van ${pages.length}`));
  });

  it('prints names and texts beyond WinAnsi as written, in regular, bold and italic', async () => {
    const golden = goldenInvoice();
    const document = goldenInvoice({
      supplier: { ...golden.supplier, name: 'Dvořák s.r.o.' },
      customer: { ...golden.customer, name: 'Łódź Sp. z o.o.', contact_name: 'Ağa Şişli' },
      lines: [
        line('Werkzaamheden – fase 1', '0', '0', null, { kind: 'heading' }),
        line('Montage – Đorđević, Kraków', '1', '100.00', '21', { product_code: 'ŽÓŁW-€5' }),
        line('Korting € 5 – ő/ű', '1', '95.00', '21'),
      ],
    });
    const pdf = await renderDocumentPdf(document);
    const text = squeeze(pdfText(pdf));
    // The names are printed in bold (first line of each party), the contact in regular.
    for (const expected of [
      'Dvořák s.r.o.',
      'Łódź Sp. z o.o.',
      't.a.v. Ağa Şişli',
      'Werkzaamheden – fase 1',
      'Montage – Đorđević, Kraków',
      'ŽÓŁW-€5',
      'Korting € 5 – ő/ű',
    ])
      expect(text).toContain(expected);
    expect(text).toMatch(/Totaal incl\. btw € 235,95/);
    // Every font travels with the document (as a subset of the glyphs used), so any reader prints it alike.
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const font of fonts) expect(font).toMatchObject({ isEmbedded: true, isSubset: true });
  });

  it('shows the supplier logo', async () => {
    const withLogo = goldenInvoice();
    withLogo.supplier = {
      ...withLogo.supplier,
      logo: { media_type: 'image/png', data_base64: solidPngBase64(60, 20, [200, 20, 30]) },
    };
    const pdf = await renderDocumentPdf(withLogo);
    expect(Buffer.from(pdf).toString('latin1')).toContain('/Subtype /Image');
    const page = rasterizeFirstPage(pdf, 50);
    expect(pixelShare(page, (r, g, b) => r > 150 && g < 80 && b < 80)).toBeGreaterThan(0.001);
    expect(Buffer.from(await renderDocumentPdf(withLogo)).equals(Buffer.from(pdf))).toBe(true);
  });
});
