import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ReceivedMail, SmtpSink } from '../../apps/server/src/test-support/smtp-sink.ts';
import { PASSWORD, WAIT } from './constants.ts';
import { LABELS } from './labels.ts';
import { linkIn } from './mail-links.ts';
import { fillSignUpForm, type NewOwner } from './sign-up.ts';

/** Sends the filled-in sign-up form and waits for the screen that asks to confirm the address by e-mail. */
export async function submitSignUp(page: Page, locale: keyof typeof LABELS = 'nl'): Promise<void> {
  await page.getByRole('button', { name: LABELS[locale].createAccount }).click();
  await expect.poll(() => page.getByText(LABELS[locale].checkMail).isVisible(), WAIT).toBe(true);
}

/** Opens the link in the verification mail sent to `email`, which logs the new owner in; returns that mail. */
export async function openVerificationLink(page: Page, smtp: SmtpSink, email: string): Promise<ReceivedMail> {
  const mail = await smtp.waitFor((message) => message.to.includes(email));
  await page.goto(linkIn(mail.text));
  return mail;
}

/**
 * A new business signs up in Dutch (with PASSWORD unless another is given) and its owner confirms
 * the e-mail address: logged in, in the 14-day demo that has every module, its banner showing.
 */
export async function signUpOwner(
  page: Page,
  smtp: SmtpSink,
  owner: Omit<NewOwner, 'password'> & { password?: string },
): Promise<void> {
  await page.goto('/signup');
  await fillSignUpForm(page, 'nl', { password: PASSWORD, ...owner });
  await submitSignUp(page);
  await openVerificationLink(page, smtp, owner.email);
  await expect.poll(() => page.getByTestId('demo-banner').isVisible(), WAIT).toBe(true);
}
