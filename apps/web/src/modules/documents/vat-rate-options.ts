import { type DatedVatRate, rateClassesOf, vatRateOn } from '@clientbox/contracts';
import type { Locale } from '../../shared/i18n/i18n.tsx';
import { formatPercent, rateClassName } from '../products/product-labels.ts';

export interface RateOption {
  value: string;
  /** "21%": what the field shows. */
  label: string;
  /** The rate classes with this percentage: what the option adds below it. */
  description: string;
}

/**
 * The percentages of category S on `date`, each with the names of its rate classes
 * ("Algemeen tarief"); a line's own percentage stays offered when no class has it today.
 */
export function vatRateOptions(rates: readonly DatedVatRate[], date: string, locale: Locale): RateOption[] {
  const names = new Map<string, string[]>();
  for (const rateClass of rateClassesOf(rates)) {
    const percent = vatRateOn(rates, rateClass, date);
    if (percent === null || percent === '0') continue;
    names.set(percent, [...(names.get(percent) ?? []), rateClassName(rateClass, locale)]);
  }
  return [...names].map(([percent, classes]) => ({
    value: percent,
    label: formatPercent(percent, locale),
    description: classes.join(', '),
  }));
}
