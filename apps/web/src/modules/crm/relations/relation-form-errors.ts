import type { z } from 'zod';
import { ApiError } from '../../../shared/api/api-client.ts';
import { hasMessage, type Locale, translate } from '../../../shared/i18n/i18n.tsx';

/** Errors by their full path (`phones.1.number`): repeated rows show their error on the right row. */
export type PathErrors = Record<string, string>;

function message(locale: Locale, code: string, fallback: string): string {
  const key = `error.${code}`;
  return hasMessage(key) ? translate(locale, key) : fallback;
}

export function validateWithPaths<T>(schema: z.ZodType<T>, values: unknown, locale: Locale) {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { data: parsed.data, errors: {} as PathErrors };
  const errors: PathErrors = {};
  for (const issue of parsed.error.issues) {
    const code = /^[a-z_]+$/.test(issue.message)
      ? issue.message
      : issue.code === 'too_small'
        ? 'required'
        : 'invalid_type';
    errors[issue.path.map(String).join('.')] ??= message(locale, code, issue.message);
  }
  return { data: undefined, errors };
}

/** A server answer: field errors by path, or one general message (412: someone else changed it). */
export function serverPathErrors(error: unknown, locale: Locale): { fields: PathErrors; general: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, general: translate(locale, 'error.generic') };
  const fields: PathErrors = {};
  for (const fieldError of error.problem.errors ?? [])
    fields[fieldError.field] = message(locale, fieldError.code, fieldError.message);
  const general = Object.keys(fields).length ? null : message(locale, error.problem.code, error.problem.title);
  return { fields, general };
}
