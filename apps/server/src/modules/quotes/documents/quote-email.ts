import { amsterdamDate, computeDocumentTotals, formatMoney } from '@clientbox/contracts';
import { translate } from '../../../kernel/i18n/index.ts';
import { escapeHtml, mailFooter, mailLayout, type MailSender } from '../../../kernel/mail/index.ts';
import type { DocumentSnapshot } from '../../invoices/index.ts';
import { formatDate, QUOTE_TEXTS } from './quote-texts.ts';

interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The mail a quote goes out with, in the customer's language (the snapshot's): number, date,
 * amount and validity, the link to the customer's page (a button, and the link written out as the
 * only URL of the text version), the PDF attached, the supplier's signature and the operator's
 * footer that every Clientbox mail has. Everything comes from the snapshot, like the PDF.
 */
export function renderQuoteEmail(input: {
  snapshot: DocumentSnapshot;
  revision: number;
  url: string;
  operator: MailSender;
}): RenderedMail {
  const { snapshot } = input;
  const language = snapshot.language;
  const texts = QUOTE_TEXTS[language];
  const company = snapshot.supplier.name;
  const total = computeDocumentTotals(snapshot).total_incl_vat;
  const paragraphs = [
    texts.offered(
      snapshot.number,
      formatDate(snapshot.issue_date, language),
      formatMoney(total, language),
      formatDate(snapshot.valid_until!, language),
    ),
    ...(input.revision > 1 ? [texts.replaces] : []),
    ...(snapshot.lines.some((line) => line.is_optional) ? [texts.options] : []),
    texts.respond,
    texts.attached,
    ...(snapshot.supplier.email ? [texts.questions(snapshot.supplier.email)] : []),
  ];
  const subject = texts.subject(snapshot.number, input.revision, company);
  const greeting = texts.greeting(snapshot.customer.contact_name);
  const signature = texts.signature(company);
  const footer = mailFooter(language, input.operator);
  const text = [greeting, ...paragraphs, `${texts.button}:\n${input.url}`, signature, footer].join('\n\n');
  const html = mailLayout({
    locale: language,
    brand: escapeHtml(company),
    title: escapeHtml(subject),
    paragraphs: [escapeHtml(greeting), ...paragraphs.map(escapeHtml)],
    action: {
      label: escapeHtml(texts.button),
      url: escapeHtml(input.url),
      hint: escapeHtml(translate(language, 'mail.link_hint')),
    },
    signature: escapeHtml(signature),
    footer: escapeHtml(footer),
  });
  return { subject, text, html };
}

/** The mail that tells a member of the tenant that a customer accepted or declined a quote. */
export function renderResponseEmail(input: {
  language: 'nl' | 'en';
  recipientName: string;
  response:
    { kind: 'accepted'; name: string; acceptedAt: Date; totalInclVat: bigint } | { kind: 'declined'; reason: string };
  number: string;
  customerName: string;
  url: string;
  operator: MailSender;
}): RenderedMail {
  const { language, response } = input;
  const texts = QUOTE_TEXTS[language];
  const subject =
    response.kind === 'accepted'
      ? texts.acceptedSubject(input.number, input.customerName)
      : texts.declinedSubject(input.number, input.customerName);
  const body =
    response.kind === 'accepted'
      ? texts.acceptedBody(
          response.name,
          input.number,
          formatMoney(response.totalInclVat, language),
          formatDate(amsterdamDate(response.acceptedAt), language),
        )
      : texts.declinedBody(input.number, response.reason);
  const greeting = texts.tenantGreeting(input.recipientName);
  const footer = mailFooter(language, input.operator);
  const text = [greeting, body, `${texts.openButton}:\n${input.url}`, texts.tenantSignature, footer].join('\n\n');
  const html = mailLayout({
    locale: language,
    title: escapeHtml(subject),
    paragraphs: [escapeHtml(greeting), escapeHtml(body)],
    action: {
      label: escapeHtml(texts.openButton),
      url: escapeHtml(input.url),
      hint: escapeHtml(translate(language, 'mail.link_hint')),
    },
    signature: escapeHtml(texts.tenantSignature),
    footer: escapeHtml(footer),
  });
  return { subject, text, html };
}
