import { formatDecimal, parseDecimal } from '../money/decimal.ts';
import { PERCENT_SCALE } from '../money/money.ts';

/**
 * UBL VAT category codes (UNCL5305), domain rules §2.1: S standard or reduced rate, Z zero
 * rated, E exempt (also KOR), AE reverse charge, K intra-EU supply, G export outside the EU,
 * O outside the scope of VAT.
 */
export const VAT_CATEGORIES = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'] as const;
export type VatCategory = (typeof VAT_CATEGORIES)[number];

/** The fixed percentage of a category without rate classes: 0, or none at all for O (BR-O-05). */
export function fixedVatRate(category: Exclude<VatCategory, 'S'>): string | null {
  return category === 'O' ? null : '0';
}

export interface DatedVatRate {
  rate_class: string;
  /** Percentage as a decimal string, e.g. "21" or "9". */
  percent: string;
  /** YYYY-MM-DD: the first date of supply the rate applies to. */
  valid_from: string;
}

/** Rate classes are lower-case names, e.g. `standard`, `reduced`, `accommodation`. */
export const RATE_CLASS = /^[a-z][a-z0-9_]{0,39}$/;

/** The classes every tenant starts with; a class chosen by percentage prefers this order (9 → reduced). */
export const BUILT_IN_RATE_CLASSES = ['standard', 'reduced', 'zero', 'accommodation'] as const;

/**
 * The Dutch rates a tenant starts with (Wet OB 1968; domain rules §2.2). Short-stay
 * accommodation (logies) moves from the reduced rate to 21% on 2026-01-01.
 */
export const NL_DEFAULT_VAT_RATES: readonly DatedVatRate[] = [
  { rate_class: 'standard', percent: '21', valid_from: '2001-01-01' },
  { rate_class: 'reduced', percent: '9', valid_from: '2019-01-01' },
  { rate_class: 'zero', percent: '0', valid_from: '2001-01-01' },
  { rate_class: 'accommodation', percent: '9', valid_from: '2019-01-01' },
  { rate_class: 'accommodation', percent: '21', valid_from: '2026-01-01' },
];

/**
 * The percentage of `rateClass` on `date` (the date of supply, not the invoice date): the rate
 * with the latest `valid_from` on or before that date, or null when the class has none yet.
 */
export function vatRateOn(rates: readonly DatedVatRate[], rateClass: string, date: string): string | null {
  let found: DatedVatRate | null = null;
  for (const rate of rates) {
    if (rate.rate_class !== rateClass || rate.valid_from > date) continue;
    if (!found || rate.valid_from > found.valid_from) found = rate;
  }
  return found ? normalizePercent(found.percent) : null;
}

/** The next change of a class after `date`, if one is announced. */
export function nextVatRate(rates: readonly DatedVatRate[], rateClass: string, date: string): DatedVatRate | null {
  let found: DatedVatRate | null = null;
  for (const rate of rates) {
    if (rate.rate_class !== rateClass || rate.valid_from <= date) continue;
    if (!found || rate.valid_from < found.valid_from) found = rate;
  }
  return found;
}

/** "9.00" → "9", "21.5" → "21.5": one spelling per percentage, so equal rates compare equal. */
export function normalizePercent(percent: string): string {
  const text = formatDecimal(parseDecimal(percent, PERCENT_SCALE), PERCENT_SCALE);
  return text.replace(/\.?0+$/, '') || '0';
}

export function isSamePercent(a: string, b: string): boolean {
  return parseDecimal(a, PERCENT_SCALE) === parseDecimal(b, PERCENT_SCALE);
}

/** The rate classes a tenant has, the built-in ones first, then its own alphabetically. */
export function rateClassesOf(rates: readonly DatedVatRate[]): string[] {
  const classes = [...new Set(rates.map((rate) => rate.rate_class))];
  const rank = (name: string) => {
    const index = (BUILT_IN_RATE_CLASSES as readonly string[]).indexOf(name);
    return index === -1 ? BUILT_IN_RATE_CLASSES.length : index;
  };
  return classes.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The class whose percentage on `date` is `percent`, in preference order (9 → reduced before accommodation). */
export function rateClassFor(rates: readonly DatedVatRate[], percent: string, date: string): string | null {
  return (
    rateClassesOf(rates).find((rateClass) => {
      const rate = vatRateOn(rates, rateClass, date);
      return rate !== null && isSamePercent(rate, percent);
    }) ?? null
  );
}

/** Today as the Dutch office sees it (Europe/Amsterdam), YYYY-MM-DD. */
export function amsterdamDate(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
