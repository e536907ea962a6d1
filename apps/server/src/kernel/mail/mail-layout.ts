import type { Locale } from '../i18n/index.ts';

/** Every value reaching the HTML goes through this: names, tenant names and URLs are user input. */
export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );
}

/** All fields are HTML already escaped by the caller. */
export interface MailLayoutContent {
  locale: Locale;
  /** The name at the top; Clientbox unless a tenant writes to its own customers. */
  brand?: string | undefined;
  title: string;
  paragraphs: string[];
  action?: { label: string; url: string; hint: string } | undefined;
  signature: string;
  footer: string;
  /** Newsletters only (art. 19): a visible one-click unsubscribe link. */
  unsubscribe?: { label: string; url: string } | undefined;
}

const TEXT = 'margin:0 0 16px;font-size:16px;line-height:1.5';
// #1864ab on white and white on #1864ab both pass WCAG AA contrast (≈ 6.5:1).
const ACCENT = '#1864ab';

/**
 * Inline styles and a single-cell table because many mail clients (Outlook, Gmail) drop <style>
 * blocks and ignore max-width on divs. role="presentation" keeps screen readers from announcing
 * the layout table.
 */
export function mailLayout(content: MailLayoutContent): string {
  const paragraphs = content.paragraphs.map((paragraph) => `<p style="${TEXT}">${paragraph}</p>`).join('\n');
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${content.action.url}" style="background:${ACCENT};color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block;font-weight:bold;font-size:16px">${content.action.label}</a></p>
<p style="margin:0 0 16px;font-size:14px;line-height:1.5;color:#495057">${content.action.hint}<br><a href="${content.action.url}" style="color:${ACCENT};word-break:break-all">${content.action.url}</a></p>`
    : '';
  return `<!doctype html>
<html lang="${content.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="color-scheme" content="light"><title>${content.title}</title></head>
<body style="margin:0;padding:0;background:#f1f3f5;font-family:Arial,Helvetica,sans-serif;color:#212529">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1f3f5"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px"><tr><td style="padding:24px">
<p style="margin:0 0 24px;font-size:20px;font-weight:bold;color:${ACCENT}">${content.brand ?? 'Clientbox'}</p>
${paragraphs}
${action}
<p style="${TEXT};margin-top:24px;white-space:pre-line">${content.signature}</p>
</td></tr></table>
<p style="margin:16px 0 0;font-size:12px;color:#6c757d;white-space:pre-line">${content.footer}</p>
${content.unsubscribe ? `<p style="margin:8px 0 0;font-size:12px;color:#6c757d">${content.unsubscribe.label} <a href="${content.unsubscribe.url}" style="color:${ACCENT}">${content.unsubscribe.url}</a></p>` : ''}
</td></tr></table>
</body>
</html>`;
}
