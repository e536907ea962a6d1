import type { FieldError, Problem } from '@clientbox/contracts';
import type { z } from 'zod';
import { translate, type Locale } from '../i18n/index.ts';
import { AppError } from './app-error.ts';
import { statusOf } from './error-status.ts';

/** Turns an AppError into an RFC 9457 body; the title is the code's message in the reader's language. */
export function toProblem(error: AppError, locale: Locale, requestId: string): Problem {
  const status = statusOf(error.code);
  const title = translateOr(locale, `error.${error.code}`, error.code, error.params);
  return {
    type: `https://clientbox.dev/problems/${error.code.replace(/_/g, '-')}`,
    title,
    status,
    code: error.code,
    ...(error.detail ? { detail: error.detail } : {}),
    request_id: requestId,
    ...(error.fields
      ? {
          errors: error.fields.map((field) => ({
            ...field,
            message: translateOr(locale, `error.${field.code}`, field.message, field.params),
          })),
        }
      : {}),
  };
}

function translateOr(locale: Locale, key: string, fallback: string, params?: Record<string, string>): string {
  const text = translate(locale, key as never, params);
  return text === key ? fallback : text;
}

/** zod issues → field errors; a refinement's message is already a snake_case code. */
export function fieldErrorsFromZod(error: z.ZodError, prefix: string[] = []): FieldError[] {
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        fields.push({ field: [...path, key].join('.'), code: 'unknown_field', message: `unknown field "${key}"` });
      continue;
    }
    fields.push({ field: path.join('.') || '(body)', code: codeOf(issue), message: issue.message });
  }
  return fields;
}

function codeOf(issue: z.core.$ZodIssue): string {
  if (/^[a-z][a-z0-9_]*$/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? 'required' : 'invalid_type';
    case 'too_big':
      return 'too_long';
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'required' : 'too_short';
    case 'invalid_format':
      return 'invalid_format';
    case 'invalid_value':
      return 'invalid_value';
    default:
      return 'invalid';
  }
}

export function validationError(error: z.ZodError, prefix: string[] = []): AppError {
  return new AppError('validation_failed', { fields: fieldErrorsFromZod(error, prefix) });
}
