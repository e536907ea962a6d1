import { formatMoney, parseAmount } from '@clientbox/contracts';
import { ApiError } from '../../shared/api/api-client.ts';
import { hasMessage, translate, type Locale } from '../../shared/i18n/i18n.tsx';

/**
 * The one message for a refused import or batch: the translation of the problem's code, also when
 * the server names fields (a form would put those at its inputs, but an upload has no such
 * inputs). A `validation_failed` speaks through its first field's code. The statement's
 * imbalance comes along as `{difference}`.
 */
export function problemMessage(error: unknown, locale: Locale): string {
  if (!(error instanceof ApiError)) return translate(locale, 'error.generic');
  const { problem } = error;
  const first = problem.errors?.[0];
  const code = problem.code === 'validation_failed' && first ? first.code : problem.code;
  const key = `error.${code}`;
  if (!hasMessage(key)) return problem.detail ?? problem.title;
  const difference = code === 'statement_unbalanced' ? imbalance(problem.errors, problem.detail, locale) : '';
  return translate(locale, key, { difference });
}

const AMOUNT = /^-?\d+\.\d{2}$/;

/**
 * The server puts the imbalance in the field error's message, but translates that message by its
 * code when the catalog has one; the detail ends with it too ("… = -12.50.").
 */
function imbalance(errors: { message: string }[] | undefined, detail: string | undefined, locale: Locale): string {
  const candidate = errors?.[0]?.message.trim() ?? '';
  const amount = AMOUNT.test(candidate) ? candidate : /= (-?\d+\.\d{2})\.?$/.exec(detail ?? '')?.[1];
  return amount ? money(amount, locale) : '';
}

function money(amount: string, locale: Locale): string {
  try {
    return formatMoney(parseAmount(amount), locale);
  } catch {
    return amount;
  }
}
