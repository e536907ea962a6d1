import { formatMoney, parseAmount, type ReminderKind } from '@clientbox/contracts';
import { hasMessage, type Locale, translate } from '../../../shared/i18n/i18n.tsx';

/** "2e herinnering" or "Aanmaning": how a level of the schedule is named on the screens. */
export function letterLabel(locale: Locale, level: number, kind: ReminderKind): string {
  return translate(locale, `reminders.kind.${kind}`, { level });
}

/** A decimal amount of the API (`"121.00"`) as the screens write money. */
export function money(amount: string, locale: Locale): string {
  try {
    return formatMoney(parseAmount(amount), locale);
  } catch {
    return amount;
  }
}

/** Why a named invoice got no reminder; a code this screen does not know yet is shown as it is. */
export function skipReason(locale: Locale, reason: string): string {
  const key = `reminders.skip.${reason}`;
  return hasMessage(key) ? translate(locale, key) : translate(locale, 'reminders.skip.other', { reason });
}

/** A returned direct debit's SEPA reason code, with its meaning for the common ones. */
export function returnReason(locale: Locale, code: string): string {
  const key = `collections.return_reason.${code}`;
  const coded = translate(locale, 'collections.return_reason', { code });
  return hasMessage(key) ? `${coded}: ${translate(locale, key)}` : coded;
}
