import { useState } from 'react';
import type { z } from 'zod';
import { useI18n } from '../i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from './form-errors.ts';

/**
 * The submit of a small form, such as a dialog's: checked with the contract's zod schema before
 * `send` runs; what the check or the server refuses stands at its field, anything else above the
 * buttons (`general`). `describeFailure` words a failure the server's problem does not cover.
 */
export function useCheckedSubmit<Body>(
  schema: z.ZodType<Body>,
  send: (body: Body) => Promise<void>,
  describeFailure?: (error: unknown) => string | null,
) {
  const { locale } = useI18n();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  const submit = async (values: unknown) => {
    const checked = validate(schema, values, locale);
    setErrors(checked.errors);
    setGeneral(null);
    if (!checked.data) return;
    try {
      await send(checked.data);
    } catch (error) {
      const described = describeFailure?.(error);
      const problem = described ? { fields: {}, general: described } : serverErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(problem.general);
    }
  };

  /** Forgets what was refused, for a dialog that is closed and opened again. */
  const reset = () => {
    setErrors({});
    setGeneral(null);
  };

  return { errors, general, submit, reset };
}
