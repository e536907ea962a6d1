import type { FieldError } from '@clientbox/contracts';

/**
 * Every expected failure is an AppError with a stable snake_case code. The code is the API's
 * `code`, the translation key of the message, and (through error-status.ts) the HTTP status.
 */
export class AppError extends Error {
  readonly code: string;
  readonly detail: string | undefined;
  readonly fields: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  /** Values the code's message names (`{date}`), for the problem's title. */
  readonly params: Record<string, string> | undefined;

  constructor(
    code: string,
    options: {
      detail?: string;
      fields?: FieldError[];
      headers?: Record<string, string>;
      params?: Record<string, string>;
    } = {},
  ) {
    super(options.detail ?? code);
    this.code = code;
    this.detail = options.detail;
    this.fields = options.fields;
    this.headers = options.headers;
    this.params = options.params;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
