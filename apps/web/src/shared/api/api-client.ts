import type { Problem } from '@clientbox/contracts';
import { getLocale } from '../i18n/i18n.tsx';

/** A failed API call: the problem+json body plus the headers that matter (Retry-After). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  readonly retryAfterSeconds: number | null;
  constructor(status: number, problem: Problem, retryAfter: string | null) {
    super(problem.title);
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfter ? Number(retryAfter) : null;
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export async function api<T>(
  method: Method,
  path: string,
  options: {
    body?: unknown;
    headers?: Record<string, string>;
    form?: FormData;
    /** Operator staff acting inside this tenant through its support grant (terms art. 16). */
    supportTenantId?: string;
  } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': getLocale(),
    ...options.headers,
    ...(options.supportTenantId ? { 'x-support-tenant': options.supportTenantId } : {}),
  };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(path, { method, headers, body, credentials: 'include' });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(
      response.status,
      problem ?? { type: 'about:blank', title: response.statusText, status: response.status, code: 'internal_error' },
      response.headers.get('retry-after'),
    );
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export interface List<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
}
