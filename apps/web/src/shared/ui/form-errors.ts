import type { z } from 'zod';
import { ApiError } from '../api/api-client.ts';
import { formatDate } from '../i18n/format-date.ts';
import { hasMessage, translate, type Locale } from '../i18n/i18n.tsx';

export type FieldErrors = Record<string, string>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The code's message in `locale`; the values it names (`{date}`) as the reader writes them. */
function message(locale: Locale, code: string, fallback: string, params: Record<string, string> = {}): string {
  const key = `error.${code}`;
  if (!hasMessage(key)) return fallback;
  const shown = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, ISO_DATE.test(value) ? formatDate(value, locale) : value]),
  );
  return translate(locale, key, shown);
}

/** How error paths become form fields; `keepIndexes` for forms that edit rows of a list in place. */
export interface ErrorPathOptions {
  /** Keep the index of a list item ('lines.2.unit_price'), so the error shows on that row. */
  keepIndexes?: boolean;
}

/**
 * The form field of an error path, as the server names it: nested objects joined with dots
 * ('address.street'); an item of a list counts for the list ('modules.2' → 'modules') unless
 * the form shows each item's fields itself.
 */
function fieldOf(path: string, options: ErrorPathOptions = {}): string {
  if (options.keepIndexes) return path;
  return path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');
}

/** Client-side check with the same zod schema the server uses: field → translated message. */
export function validate<T>(
  schema: z.ZodType<T>,
  values: unknown,
  locale: Locale,
  options: ErrorPathOptions = {},
): { data?: T; errors: FieldErrors } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { data: parsed.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path.map(String).join('.'), options);
    const code = /^[a-z_]+$/.test(issue.message)
      ? issue.message
      : issue.code === 'too_small'
        ? 'required'
        : 'invalid_type';
    errors[field] ??= message(locale, code, issue.message);
  }
  return { errors };
}

/** Field errors of a server answer, translated; the general message for everything else. */
export function serverErrors(
  error: unknown,
  locale: Locale,
  options: ErrorPathOptions = {},
): { fields: FieldErrors; general: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, general: translate(locale, 'error.generic') };
  const fields: FieldErrors = {};
  for (const fieldError of error.problem.errors ?? [])
    fields[fieldOf(fieldError.field, options)] = message(
      locale,
      fieldError.code,
      fieldError.message,
      fieldError.params,
    );
  const general = Object.keys(fields).length ? null : message(locale, error.problem.code, error.problem.title);
  return { fields, general };
}
