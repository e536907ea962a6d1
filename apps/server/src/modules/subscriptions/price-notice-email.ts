import { escapeHtml, mailFooter, mailLayout, type MailSender } from '../../kernel/mail/index.ts';
import { formatDay } from './domain/invoice-lines.ts';

const TEXTS = {
  nl: {
    subject: (company: string) => `Aankondiging prijswijziging – ${company}`,
    greeting: (name: string | null) => (name ? `Beste ${name},` : 'Geachte heer, mevrouw,'),
    intro: (subscription: string, from: string) =>
      `Hierbij kondigen wij aan dat de prijs van uw abonnement "${subscription}" wijzigt met ingang van ${from}:`,
    line: (description: string, before: string, after: string) =>
      `${description}: van € ${before} naar € ${after} (excl. btw)`,
    reason: (reason: string) => `Reden: ${reason}`,
    leave: 'Gaat u niet akkoord, dan kunt u uw abonnement opzeggen voordat de nieuwe prijs ingaat.',
    signature: (company: string) => `Met vriendelijke groet,\n${company}`,
  },
  en: {
    subject: (company: string) => `Price change notice – ${company}`,
    greeting: (name: string | null) => (name ? `Dear ${name},` : 'Dear Sir or Madam,'),
    intro: (subscription: string, from: string) =>
      `We hereby announce that the price of your subscription "${subscription}" changes as of ${from}:`,
    line: (description: string, before: string, after: string) =>
      `${description}: from € ${before} to € ${after} (excl. VAT)`,
    reason: (reason: string) => `Reason: ${reason}`,
    leave: 'If you do not agree, you can cancel your subscription before the new price applies.',
    signature: (company: string) => `Kind regards,\n${company}`,
  },
} as const;

export interface PriceNoticeEmailInput {
  language: 'nl' | 'en';
  company: string;
  customerName: string | null;
  subscriptionName: string;
  appliesFrom: string;
  lines: { description: string; before: string; after: string }[];
  reason: string | null;
  operator: MailSender;
}

/** The notice of a coming price change (art. 11 for the operator's tenants): what, from when, old and new price. */
export function renderPriceNoticeEmail(input: PriceNoticeEmailInput) {
  const texts = TEXTS[input.language];
  const subject = texts.subject(input.company);
  const greeting = texts.greeting(input.customerName);
  const paragraphs = [
    texts.intro(input.subscriptionName, formatDay(input.appliesFrom, input.language)),
    input.lines.map((line) => texts.line(line.description, line.before, line.after)).join('\n'),
    ...(input.reason ? [texts.reason(input.reason)] : []),
    texts.leave,
  ];
  const signature = texts.signature(input.company);
  const footer = mailFooter(input.language, input.operator);
  const text = [greeting, ...paragraphs, signature, footer].join('\n\n');
  const html = mailLayout({
    locale: input.language,
    brand: escapeHtml(input.company),
    title: escapeHtml(subject),
    paragraphs: [escapeHtml(greeting), ...paragraphs.map(escapeHtml)],
    signature: escapeHtml(signature),
    footer: escapeHtml(footer),
  });
  return { subject, text, html };
}
