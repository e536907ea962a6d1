import {
  computeDocumentTotals,
  type Cents,
  sum,
  type TotalsLineInput,
  VAT_RETURN_BOXES,
  type VatCategory,
  type VatReturnBox,
} from '@clientbox/contracts';

/** The member states besides the Netherlands (ISO 3166-1 alpha-2; Greece is EL in VAT ids, GR here). */
const OTHER_EU_COUNTRIES = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
]);

/**
 * The box of the Dutch VAT return (btw-aangifte) a sale is declared in (verify with the
 * Belastingdienst's explanation of the return before production):
 * - S at 21% → 1a (high rate), at 9% → 1b (low rate), at another rate → 1c;
 * - Z (0%) → 1e; AE (reverse charge) → 3b when the customer is in another EU member state (a
 *   service to an EU business), else 1e (domestic reverse charge, or not taxed in NL);
 * - K (intra-EU supply of goods) → 3b; G (export outside the EU) → 3a;
 * - E (exempt) and O (outside the scope) are not declared: null.
 */
export function vatReturnBox(
  category: VatCategory,
  rate: string | null,
  customerCountry: string | null,
): VatReturnBox | null {
  switch (category) {
    case 'S':
      if (rate === '21') return '1a';
      if (rate === '9') return '1b';
      return rate === '0' ? '1e' : '1c';
    case 'Z':
      return '1e';
    case 'AE':
      return customerCountry && OTHER_EU_COUNTRIES.has(customerCountry) ? '3b' : '1e';
    case 'K':
      return '3b';
    case 'G':
      return '3a';
    case 'E':
    case 'O':
      return null;
  }
}

/** What the report needs of one issued document: its type and its frozen snapshot's amounts' inputs. */
export interface VatReturnDocument {
  type: 'invoice' | 'credit_note';
  lines: readonly TotalsLineInput[];
  discount_percent: string | null;
  customerCountry: string | null;
}

export interface VatReturnGroup {
  category: VatCategory;
  rate: string | null;
  box: VatReturnBox | null;
  base: Cents;
  vat: Cents;
  invoices: number;
  creditNotes: number;
}

export interface VatReturnSummary {
  groups: VatReturnGroup[];
  boxes: { box: VatReturnBox; base: Cents; vat: Cents }[];
  base: Cents;
  vat: Cents;
  invoices: number;
  creditNotes: number;
}

/**
 * Sums the VAT breakdown of every document (`computeDocumentTotals`, the one totals function, on
 * the lines as issued) per category, rate and return box. A credit note counts negative: its
 * lines are stored positive and the correction falls in the credit note's own period (§1.3).
 * Groups keep the breakdown's order (category, then rate descending).
 */
export function summarizeVatReturn(documents: readonly VatReturnDocument[]): VatReturnSummary {
  const groups = new Map<string, VatReturnGroup>();
  const order = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'];
  let invoices = 0;
  let creditNotes = 0;
  for (const document of documents) {
    const sign = document.type === 'credit_note' ? -1n : 1n;
    if (document.type === 'credit_note') creditNotes += 1;
    else invoices += 1;
    const totals = computeDocumentTotals(document);
    for (const entry of totals.vat_breakdown) {
      const box = vatReturnBox(entry.category, entry.rate, document.customerCountry);
      const key = `${entry.category}|${entry.rate ?? ''}|${box ?? ''}`;
      const group = groups.get(key) ?? {
        category: entry.category,
        rate: entry.rate,
        box,
        base: 0n,
        vat: 0n,
        invoices: 0,
        creditNotes: 0,
      };
      group.base += sign * entry.base;
      group.vat += sign * entry.vat;
      if (document.type === 'credit_note') group.creditNotes += 1;
      else group.invoices += 1;
      groups.set(key, group);
    }
  }
  const sorted = [...groups.values()].sort(
    (a, b) =>
      order.indexOf(a.category) - order.indexOf(b.category) ||
      Number(b.rate ?? -1) - Number(a.rate ?? -1) ||
      (a.box ?? '').localeCompare(b.box ?? ''),
  );
  const boxes = VAT_RETURN_BOXES.flatMap((box) => {
    const inBox = sorted.filter((group) => group.box === box);
    if (inBox.length === 0) return [];
    return [{ box, base: sum(inBox.map((group) => group.base)), vat: sum(inBox.map((group) => group.vat)) }];
  });
  return {
    groups: sorted,
    boxes,
    base: sum(sorted.map((group) => group.base)),
    vat: sum(sorted.map((group) => group.vat)),
    invoices,
    creditNotes,
  };
}
