import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ReceivedMail } from '../../apps/server/src/test-support/smtp-sink.ts';
import { PASSWORD, WAIT } from './constants.ts';
import { LABELS } from './labels.ts';
import { linkIn } from './mail-links.ts';

/**
 * The invited colleague opens the link in the invitation mail, gives a name and PASSWORD and
 * accepts: logged in, and welcomed by that name.
 */
export async function acceptInvitation(
  page: Page,
  invitation: ReceivedMail,
  name: string,
  locale: keyof typeof LABELS = 'nl',
): Promise<void> {
  const L = LABELS[locale];
  await page.goto(linkIn(invitation.text));
  await page.getByLabel(L.yourName).fill(name);
  await page.getByLabel(L.password).first().fill(PASSWORD);
  await page.getByRole('button', { name: L.accept }).click();
  await expect.poll(() => page.getByRole('heading', { name: `${L.welcome}, ${name}` }).isVisible(), WAIT).toBe(true);
}
