import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../apps/server/src/test-support/smtp-sink.ts';
import { type AppProcess, startApp } from './app-process.ts';
import { launchBrowser } from './browser.ts';

export interface Journey {
  smtp: SmtpSink;
  app: AppProcess;
  browser: Browser;
}

/**
 * What the journeys of one file share: a real SMTP server, the app on a fresh database sending
 * its mail there, and one Chromium. Started before the first journey, stopped after the last;
 * the fields are set once `beforeAll` has run. `extraEnv` goes to the app's process (e.g.
 * `CLOCK_ADJUSTABLE=true` for a journey that moves the scheduled work's day).
 */
export function setUpJourney(extraEnv: Record<string, string> = {}): Journey {
  const journey = {} as Journey;
  beforeAll(async () => {
    journey.smtp = await startSmtpSink();
    journey.app = await startApp({ ...extraEnv, SMTP_URL: journey.smtp.url });
    journey.browser = await launchBrowser();
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.app?.dispose();
    await journey.smtp?.close();
  });
  return journey;
}
