import type { PublicQuote } from '@clientbox/contracts';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/api-client.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { publicQuoteMessage } from './public-quote-format.ts';

type FieldErrors = Record<string, string>;
type Translate = ReturnType<typeof useI18n>['t'];

/** The problems of a form, by top-level field, as codes (the same zod schema the server checks). */
function issuesOf(schema: z.ZodType, values: unknown): Record<string, string> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return {};
  const codes: Record<string, string> = {};
  for (const issue of parsed.error.issues) codes[String(issue.path[0] ?? '')] ??= issue.message;
  return codes;
}

/**
 * A failed answer in the page's words: field errors of a 400 at their field (a ticked line the
 * server refuses has no field of its own: it is a general message), everything else general.
 */
function answerErrors(error: unknown, t: Translate, supplier: string): { fields: FieldErrors; general: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, general: t('public_quote.error.generic') };
  const fields: FieldErrors = {};
  let general: string | null = null;
  for (const fieldError of error.problem.errors ?? []) {
    const field = fieldError.field.split('.')[0]!;
    if (field === 'selected_optional_lines') general = publicQuoteMessage(t, fieldError.code, supplier);
    else fields[field] ??= publicQuoteMessage(t, fieldError.code, supplier);
  }
  if (!Object.keys(fields).length && !general) general = publicQuoteMessage(t, error.problem.code, supplier);
  return { fields, general };
}

function translateCodes(codes: Record<string, string>, t: Translate, supplier: string): FieldErrors {
  return Object.fromEntries(
    Object.entries(codes).map(([field, code]) => [field, publicQuoteMessage(t, code, supplier)]),
  );
}

/**
 * One answer of the customer (accept or decline): checked with the contract's schema, then sent.
 * Its field errors stay with its form; a refusal of the server goes to `onRefusal`, which the
 * page shows once above both forms (and clears on the next try).
 */
export function usePublicAnswerForm<Body>(
  schema: z.ZodType<Body>,
  mutation: UseMutationResult<PublicQuote, Error, Body>,
  supplier: string,
  onRefusal: (message: string | null) => void,
) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (values: unknown) => {
    onRefusal(null);
    const found = translateCodes(issuesOf(schema, values), t, supplier);
    setErrors(found);
    if (Object.keys(found).length) return;
    mutation.mutate(schema.parse(values), {
      onError: (error) => {
        const { fields, general } = answerErrors(error, t, supplier);
        setErrors(fields);
        onRefusal(general);
      },
    });
  };

  return { errors, submit };
}
