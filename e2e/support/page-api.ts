import type { Page } from 'playwright-core';

/**
 * A call to the API from the page, with its session, as any script in the browser would make it
 * (a JSON body when one is given); the answer's text. Throws unless the answer is 2xx.
 */
export async function callApiText(page: Page, method: string, path: string, body?: unknown): Promise<string> {
  const result = await page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.text() };
    },
    { method, path, body },
  );
  if (result.status >= 300) throw new Error(`${method} ${path}: ${result.status} ${result.body}`);
  return result.body;
}

/** As `callApiText`, the answer read as JSON (by default a resource with its id). */
export async function callApi<T = { id: string }>(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  return JSON.parse(await callApiText(page, method, path, body)) as T;
}
