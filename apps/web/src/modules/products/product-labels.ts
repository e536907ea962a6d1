import { type DatedVatRate, nextVatRate, rateClassesOf, UNITS, unitLabel, vatRateOn } from '@clientbox/contracts';
import type { Locale } from '../../shared/i18n/i18n.tsx';
import { hasMessage, translate } from '../../shared/i18n/i18n.tsx';
import { formatDate } from '../../shared/i18n/format-date.ts';

/**
 * A unit price as people read it: "€ 95,50" in Dutch, "€95.50" in English; the 3rd and 4th
 * decimal only when they are there ("€ 0,125").
 */
export function formatUnitPriceLabel(value: string, locale: Locale): string {
  const negative = value.startsWith('-');
  const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
  const shown = fraction.replace(/0+$/, '').padEnd(2, '0');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, locale === 'nl' ? '.' : ',');
  const number = locale === 'nl' ? `${grouped},${shown}` : `${grouped}.${shown}`;
  return locale === 'nl' ? `€ ${negative ? '-' : ''}${number}` : `${negative ? '-' : ''}€${number}`;
}

/** A price for an input field: "95.5000" → "95,50" in Dutch, "95.50" in English. */
export function priceInputValue(value: string | null, locale: Locale): string {
  if (value === null) return '';
  const [whole = '0', fraction = ''] = value.split('.');
  const shown = fraction.replace(/0+$/, '').padEnd(2, '0');
  return locale === 'nl' ? `${whole},${shown}` : `${whole}.${shown}`;
}

/** What a person typed ("1.234,50", "12,5", "€ 7") as the API's decimal string; "" stays "". */
export function decimalFromInput(text: string): string {
  const cleaned = text.replace(/[€\s\u00a0]/g, '');
  if (!cleaned.includes(',')) return cleaned;
  return cleaned.replace(/\./g, '').replace(',', '.');
}

export function formatPercent(percent: string | null, locale: Locale): string {
  if (percent === null) return '–';
  return `${locale === 'nl' ? percent.replace('.', ',') : percent}%`;
}

export function unitOptions(locale: Locale) {
  return UNITS.map((unit) => ({ value: unit.code, label: `${unitLabel(unit.code, locale)} (${unit.code})` }));
}

/** The name of a rate class: the built-in ones translated, a tenant's own as it was written. */
export function rateClassName(rateClass: string, locale: Locale): string {
  const key = `vat_class.${rateClass}`;
  return hasMessage(key) ? translate(locale, key) : rateClass;
}

/** Rate class options: "Verlaagd tarief – 9%", with an announced change after it. */
export function rateClassOptions(rates: readonly DatedVatRate[], today: string, locale: Locale) {
  return rateClassesOf(rates)
    .filter((rateClass) => vatRateOn(rates, rateClass, today) !== '0')
    .map((rateClass) => {
      const name = rateClassName(rateClass, locale);
      const percent = formatPercent(vatRateOn(rates, rateClass, today), locale);
      const next = nextVatRate(rates, rateClass, today);
      return {
        value: rateClass,
        label: next
          ? translate(locale, 'vat_class.option_next', {
              name,
              percent,
              date: formatDate(next.valid_from, locale),
              next: formatPercent(next.percent, locale),
            })
          : translate(locale, 'vat_class.option', { name, percent }),
      };
    });
}
