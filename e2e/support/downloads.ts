import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';

/** Clicks what starts a download and returns the downloaded file's bytes, as the browser saved them. */
export async function downloadBytes(page: Page, trigger: Locator): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  return fs.readFileSync((await download.path())!);
}
