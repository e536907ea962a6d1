import { translate } from '../../../kernel/i18n/index.ts';
import { escapeHtml, mailFooter, mailLayout, type MailSender } from '../../../kernel/mail/index.ts';

const TEXTS = {
  nl: {
    subject: (company: string) => `Machtiging voor automatische incasso – ${company}`,
    greeting: (name: string | null) => (name ? `Beste ${name},` : 'Geachte heer, mevrouw,'),
    asks: (company: string, mandateId: string) =>
      `${company} vraagt u om een machtiging voor SEPA-incasso (machtigingskenmerk ${mandateId}). Daarmee schrijft ${company} de bedragen van uw facturen automatisch af; u krijgt van elke incasso vooraf bericht.`,
    how: 'Met de knop hieronder leest u de voorwaarden en ondertekent u online met uw naam en IBAN.',
    core: 'U kunt een incasso binnen 8 weken na de afschrijving laten terugboeken.',
    b2b: 'Dit is een zakelijke incasso (B2B): meld de machtiging ook bij uw bank. Een zakelijke incasso kunt u niet laten terugboeken.',
    questions: (email: string) => `Heeft u vragen? Beantwoord dan deze e-mail of mail naar ${email}.`,
    button: 'Machtiging ondertekenen',
    signature: (company: string) => `Met vriendelijke groet,\n${company}`,
  },
  en: {
    subject: (company: string) => `Direct debit mandate – ${company}`,
    greeting: (name: string | null) => (name ? `Dear ${name},` : 'Dear Sir or Madam,'),
    asks: (company: string, mandateId: string) =>
      `${company} asks you for a SEPA direct debit mandate (mandate reference ${mandateId}). With it, ${company} collects the amounts of your invoices automatically; you are notified before each collection.`,
    how: 'The button below shows the terms; you sign online with your name and IBAN.',
    core: 'You can have a collection refunded within 8 weeks of the debit.',
    b2b: 'This is a business direct debit (B2B): please also register the mandate with your bank. A business direct debit cannot be refunded.',
    questions: (email: string) => `Any questions? Reply to this e-mail or write to ${email}.`,
    button: 'Sign the mandate',
    signature: (company: string) => `Kind regards,\n${company}`,
  },
} as const;

export interface MandateRequestEmailInput {
  language: 'nl' | 'en';
  company: string;
  companyEmail: string | null;
  debtorName: string | null;
  mandateId: string;
  scheme: 'CORE' | 'B2B';
  url: string;
  operator: MailSender;
}

/**
 * The mail that asks a debtor to sign a mandate online, in the customer's language: who asks and
 * why, the mandate reference, the refund right of the scheme, the signing link (a button, and the
 * link written out as the only URL of the text version) and the operator's footer.
 */
export function renderMandateRequestEmail(input: MandateRequestEmailInput) {
  const texts = TEXTS[input.language];
  const subject = texts.subject(input.company);
  const greeting = texts.greeting(input.debtorName);
  const paragraphs = [
    texts.asks(input.company, input.mandateId),
    texts.how,
    input.scheme === 'B2B' ? texts.b2b : texts.core,
    ...(input.companyEmail ? [texts.questions(input.companyEmail)] : []),
  ];
  const signature = texts.signature(input.company);
  const footer = mailFooter(input.language, input.operator);
  const text = [greeting, ...paragraphs, `${texts.button}:\n${input.url}`, signature, footer].join('\n\n');
  const html = mailLayout({
    locale: input.language,
    brand: escapeHtml(input.company),
    title: escapeHtml(subject),
    paragraphs: [escapeHtml(greeting), ...paragraphs.map(escapeHtml)],
    action: {
      label: escapeHtml(texts.button),
      url: escapeHtml(input.url),
      hint: escapeHtml(translate(input.language, 'mail.link_hint')),
    },
    signature: escapeHtml(signature),
    footer: escapeHtml(footer),
  });
  return { subject, text, html };
}
