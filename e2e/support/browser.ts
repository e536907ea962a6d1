import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from '../../scripts/ensure-debian-packages.ts';

/**
 * Debian's Chromium, headless. Without the background-networking flags Chromium floods the
 * closed network with failing connections.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
