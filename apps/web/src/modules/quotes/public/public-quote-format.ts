import type { VatCategory } from '@clientbox/contracts';
import type { Locale } from '../../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/nl.ts';
import { formatPercent } from '../../products/product-labels.ts';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const intlLocale = (locale: Locale) => (locale === 'nl' ? 'nl-NL' : 'en-GB');

/** A legal date (YYYY-MM-DD) as the PDF writes it: "1 december 2026", "1 December 2026". */
export function formatLegalDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A moment (the acceptance, the refusal) as the supplier's office sees it: Europe/Amsterdam. */
export function formatMoment(timestamp: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(new Date(timestamp));
}

const KNOWN_CODES = [
  'quote_expired',
  'quote_superseded',
  'quote_already_accepted',
  'quote_already_declined',
  'acceptance_required',
  'required',
  'too_long',
] as const;

/**
 * An error code of the public quote API in the page's words (the customer's, not the app's):
 * the refusals name the supplier to contact; a ticked line the server does not recognise means
 * the page is out of date.
 */
export function publicQuoteMessage(t: Translate, code: string, supplier: string): string {
  if ((KNOWN_CODES as readonly string[]).includes(code))
    return t(`public_quote.error.${code as (typeof KNOWN_CODES)[number]}`, { supplier });
  if (['unknown_line', 'not_an_optional_line', 'duplicate_line'].includes(code))
    return t('public_quote.error.options_changed');
  return t('public_quote.error.generic');
}

/** A quantity as people read it: "2,5" in Dutch, "2.5" in English, no trailing zeros. */
export function formatQuantity(quantity: string, locale: Locale): string {
  const trimmed = quantity.includes('.') ? quantity.replace(/\.?0+$/, '') : quantity;
  return locale === 'nl' ? trimmed.replace('.', ',') : trimmed;
}

/** The VAT of a line or group: the rate for standard-rated VAT, else what the category means ("btw verlegd"). */
export function vatLabel(t: Translate, category: VatCategory, rate: string | null, locale: Locale): string {
  return category === 'S' ? formatPercent(rate, locale) : t(`public_quote.vat.${category}`);
}
