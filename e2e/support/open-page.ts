import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Journey } from './journey-setup.ts';
import { DESKTOP } from './viewport.ts';

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** What the page threw: a journey ends by expecting none. */
  errors: string[];
}

/**
 * A page in a browser context of its own (its own cookies, so its own session) on the app, at
 * desktop width in a Dutch browser unless the options say otherwise. Pass one `errors` array to
 * several pages to collect what any of them throws.
 */
export async function openPage(
  journey: Pick<Journey, 'browser' | 'app'>,
  { errors = [], ...options }: Omit<BrowserContextOptions, 'baseURL'> & { errors?: string[] } = {},
): Promise<OpenedPage> {
  const context = await journey.browser.newContext({
    viewport: DESKTOP,
    locale: 'nl-NL',
    ...options,
    baseURL: journey.app.baseUrl,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}
