import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';

/** The requests the API tests of every module send, and what they check of a problem response. */

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** `app.inject` with the API key; a payload is sent as JSON. */
export function apiOf(t: TestApp) {
  return (key: string, method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.api(key, {
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
}

/** No login: what the browser of a customer or debtor sends (a public link). */
export function publicOf(t: TestApp) {
  return (method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
    });
}

export function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json()).toMatchObject({ status, code });
}

/** `errors[]` of a problem as { field: code }. */
export function fieldErrors(response: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries(
    (response.json().errors as { field: string; code: string }[]).map((error) => [error.field, error.code]),
  );
}

/** Like `apiOf`, for the steps a test takes on the way: the request must succeed (2xx); returns the body. */
export function okOf(t: TestApp) {
  const api = apiOf(t);
  return async (tenant: { api_key: string }, method: Method, url: string, payload?: unknown) => {
    const response = await api(tenant.api_key, method, url, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };
}
