import { isMessageKey, type Locale, type MessageKey, translate } from '../i18n/index.ts';
import { escapeHtml, mailLayout } from './mail-layout.ts';

/** The parameters each template needs; a caller that forgets one does not compile. */
export interface MailTemplateParams {
  verify_email: { name: string; url: string };
  reset_password: { name: string; url: string };
  /** `role` is a membership role code (owner, admin, member); it is shown translated. */
  invitation: { inviter_name: string; tenant_name: string; url: string; role: string };
  password_changed: { name: string };
  two_factor_changed: { name: string; enabled: boolean };
  order_received: { name: string; tenant_name: string };
  order_accepted: { name: string; tenant_name: string; summary: string; url: string };
  order_refused: { name: string; tenant_name: string; reason: string; url: string };
  price_change: { name: string; tenant_name: string; changes: string; applies_from: string; url: string };
  deactivation_notice: { name: string; tenant_name: string; reason: string; date: string; url: string };
  misuse_report: { tenant_name: string; tenant_id: string; reporter: string; description: string };
  terms_update: { name: string; tenant_name: string; version: string; effective_from: string; url: string };
}

/** Who sends: the operator's identity from configuration, on every mail's footer. */
export interface MailSender {
  name: string;
  address: string;
  support_email: string;
  phone: string;
}

export function senderLine(sender: MailSender | undefined): string {
  return sender ? `${sender.name} · ${sender.address} · ${sender.support_email} · ${sender.phone}` : '';
}

/** The footer of every mail: that it is automatic, and who the operator is (name, address, contact). */
export function mailFooter(locale: Locale, sender: MailSender | undefined): string {
  return [translate(locale, 'mail.footer'), senderLine(sender)].filter(Boolean).join('\n');
}

export type MailTemplate = keyof MailTemplateParams;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * One layout for every transactional mail: greeting, a paragraph, for mails with a link a button
 * plus the same link written out (some clients strip buttons or block images), and a signature.
 * The text version carries the link on a line of its own and is the only URL in it, so a reader
 * (or a test) can take the first URL as the action link.
 */
export function renderMail<T extends MailTemplate>(
  locale: Locale,
  template: T,
  params: MailTemplateParams[T],
  sender?: MailSender,
): RenderedMail {
  const values = stringValues(locale, params);
  const t = (key: MessageKey) => translate(locale, key, values);
  const subject = t(`mail.${template}.subject`);
  const greeting = values.name ? t('mail.greeting') : t('mail.greeting_without_name');
  const body = t(bodyKeyOf(template, params));
  const url = values.url;
  const buttonKey = `mail.${template}.button`;
  const button = url && isMessageKey(buttonKey) ? t(buttonKey) : undefined;
  const signature = t('mail.signature');
  const footer = mailFooter(locale, sender);

  const text = [greeting, body, url ? `${button}:\n${url}` : '', signature, footer].filter(Boolean).join('\n\n');
  const html = mailLayout({
    locale,
    title: escapeHtml(subject),
    paragraphs: [escapeHtml(greeting), escapeHtml(body)],
    action:
      url && button
        ? { label: escapeHtml(button), url: escapeHtml(url), hint: escapeHtml(t('mail.link_hint')) }
        : undefined,
    signature: escapeHtml(signature),
    footer: escapeHtml(footer),
  });
  return { subject, text, html };
}

function bodyKeyOf(template: MailTemplate, params: MailTemplateParams[MailTemplate]): MessageKey {
  if (template === 'two_factor_changed')
    return 'enabled' in params && params.enabled ? 'mail.two_factor_on.body' : 'mail.two_factor_off.body';
  return `mail.${template}.body` as MessageKey;
}

/** Placeholder values as text; a role code becomes the role's name in the reader's language. */
function stringValues(locale: Locale, params: object): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) values[key] = String(value);
  const roleKey = `role.${values.role}`;
  if (values.role && isMessageKey(roleKey)) values.role = translate(locale, roleKey);
  return values;
}
