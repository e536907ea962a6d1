import { type Locale, translate } from '../i18n/index.ts';

export type MailTemplate = 'verify_email' | 'reset_password' | 'invitation' | 'password_changed' | 'two_factor_changed';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/**
 * One layout for every transactional mail: greeting, a paragraph, optionally a button with the
 * same link printed in full (some mail clients strip buttons), and a signature. Every parameter is
 * escaped in the HTML version.
 */
export function renderMail(locale: Locale, template: MailTemplate, params: Record<string, string | boolean>): RenderedMail {
  const values: Record<string, string> = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)]));
  if (values.role) values.role = translate(locale, `role.${values.role}`);
  const t = (key: string) => translate(locale, key, values);
  const bodyKey = template === 'two_factor_changed' ? (params.enabled ? 'mail.two_factor_on.body' : 'mail.two_factor_off.body') : `mail.${template}.body`;
  const url = values.url;
  const greeting = values.name ? t('mail.greeting') : '';
  const subject = t(`mail.${template}.subject`);
  const body = t(bodyKey);
  const button = url ? t(`mail.${template}.button`) : '';

  const text = [greeting, body, url ? `${button}: ${url}` : '', t('mail.signature')].filter(Boolean).join('\n\n');

  const escaped = (key: string) => escapeHtml(translate(locale, key, values));
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1a1b1e">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
${greeting ? `<p style="margin:0 0 16px">${escaped('mail.greeting')}</p>` : ''}
<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(body)}</p>
${url ? `<p style="margin:24px 0"><a href="${escapeHtml(url)}" style="background:#1c7ed6;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(button)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#555">${escapeHtml(t('mail.link_hint'))}<br><a href="${escapeHtml(url)}" style="color:#1c7ed6;word-break:break-all">${escapeHtml(url)}</a></p>` : ''}
<p style="margin:24px 0 0;white-space:pre-line">${escapeHtml(t('mail.signature'))}</p>
</div></body></html>`;
  return { subject, text, html };
}
