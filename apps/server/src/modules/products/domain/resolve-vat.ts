import {
  type DatedVatRate,
  type FieldError,
  fixedVatRate,
  isSamePercent,
  rateClassFor,
  type VatCategory,
  vatChoiceIssues,
  vatRateOn,
} from '@clientbox/contracts';

export interface VatChoice {
  vatCategory: VatCategory;
  /** Category S only: the class whose dated percentage applies. */
  vatRateClass: string | null;
}

const fieldError = (field: string, code: string): FieldError => ({ field, code, message: code });

/**
 * What a product stores for its VAT: a category, and for S a rate class rather than a
 * percentage, so a dated change of the class (accommodation 9% → 21% on 2026-01-01) needs no
 * product edit. `vat_rate_class` wins; `vat_rate` alone picks the class that has that
 * percentage today (9 → reduced, the built-in classes first). Sending both is allowed when the
 * class has (or had) that percentage, e.g. 9 with `accommodation`. Without either, S keeps the
 * class it had, or becomes `standard`.
 */
export function resolveVatChoice(
  input: {
    category: VatCategory;
    rate?: string | null | undefined;
    rateClass?: string | null | undefined;
    currentClass?: string | null | undefined;
  },
  rates: readonly DatedVatRate[],
  today: string,
): { choice: VatChoice | null; errors: FieldError[] } {
  const issues = vatChoiceIssues({
    vat_category: input.category,
    vat_rate: input.rate,
    vat_rate_class: input.rateClass,
  });
  if (issues.length > 0) return { choice: null, errors: issues.map((issue) => fieldError(issue.field, issue.code)) };
  if (input.category !== 'S') return { choice: { vatCategory: input.category, vatRateClass: null }, errors: [] };

  const rate = input.rate ?? null;
  let rateClass: string;
  if (input.rateClass) {
    const ofClass = rates.filter((row) => row.rate_class === input.rateClass);
    if (ofClass.length === 0) return { choice: null, errors: [fieldError('vat_rate_class', 'unknown_vat_rate_class')] };
    if (rate !== null && !ofClass.some((row) => isSamePercent(row.percent, rate)))
      return { choice: null, errors: [fieldError('vat_rate', 'vat_rate_class_mismatch')] };
    rateClass = input.rateClass;
  } else if (rate !== null) {
    const found = rateClassFor(rates, rate, today);
    if (!found) return { choice: null, errors: [fieldError('vat_rate', 'unknown_vat_rate')] };
    rateClass = found;
  } else {
    rateClass = input.currentClass ?? 'standard';
  }
  // EN 16931 BR-S-05: a standard-rated line has a rate above zero; 0% is category Z.
  const rateToday = vatRateOn(rates, rateClass, today);
  if (rateToday !== null && isSamePercent(rateToday, '0'))
    return {
      choice: null,
      errors: [fieldError(input.rateClass ? 'vat_rate_class' : 'vat_rate', 'zero_rate_needs_category_z')],
    };
  return { choice: { vatCategory: 'S', vatRateClass: rateClass }, errors: [] };
}

/** The percentage of a product on a date of supply: its class's dated rate for S, else the category's fixed rate. */
export function productVatRate(
  product: { vatCategory: string; vatRateClass: string | null },
  rates: readonly DatedVatRate[],
  date: string,
): string | null {
  if (product.vatCategory !== 'S') return fixedVatRate(product.vatCategory as Exclude<VatCategory, 'S'>);
  return product.vatRateClass ? vatRateOn(rates, product.vatRateClass, date) : null;
}
