import { formatMoney } from '@clientbox/contracts';
import { escapeHtml, mailFooter, mailLayout, type MailSender } from '../../../kernel/mail/index.ts';
import type { DocumentLanguage } from './pdf/labels.ts';
import { labelsFor } from './pdf/labels.ts';
import { formatLegalDate, groupsOfFour } from './pdf/format.ts';
import type { DocumentSnapshot } from './document-snapshot.ts';

type IssuedType = 'invoice' | 'credit_note';

/**
 * What a direct-debit invoice announces. The date is the due date: a collection batch takes the
 * invoices due by its collection date, the first TARGET day at least 14 days after this notice.
 */
interface DirectDebitNotice {
  amount: string;
  date: string;
  mandate: string;
  creditorId: string;
  ibanLast4: string;
}

interface EmailTexts {
  subject: Record<IssuedType, (number: string, company: string) => string>;
  greeting: (contact: string | null) => string;
  issued: Record<IssuedType, (number: string, date: string, amount: string) => string>;
  corrects: (number: string) => string;
  transfer: (dueDate: string, iban: string, company: string, reference: string) => string;
  /** The pre-notification (domain rules §5.1): amount, date, mandate, creditor id, account's last 4. */
  directDebit: (notice: DirectDebitNotice) => string;
  attached: Record<IssuedType, (hasUbl: boolean) => string>;
  questions: (email: string) => string;
  signature: (company: string) => string;
}

/** The e-mail an issued invoice goes out with, in the customer's language (the snapshot's). */
const TEXTS: Record<DocumentLanguage, EmailTexts> = {
  nl: {
    subject: {
      invoice: (number, company) => `Factuur ${number} van ${company}`,
      credit_note: (number, company) => `Creditnota ${number} van ${company}`,
    },
    greeting: (contact) => (contact ? `Beste ${contact},` : 'Geachte heer, mevrouw,'),
    issued: {
      invoice: (number, date, amount) =>
        `Hierbij ontvangt u factuur ${number} van ${date}, voor een bedrag van ${amount}.`,
      credit_note: (number, date, amount) =>
        `Hierbij ontvangt u creditnota ${number} van ${date}, voor een bedrag van ${amount}.`,
    },
    corrects: (number) => `Deze creditnota corrigeert factuur ${number}.`,
    transfer: (dueDate, iban, company, reference) =>
      `Wij verzoeken u het bedrag uiterlijk ${dueDate} over te maken op ${iban} ten name van ${company}, onder vermelding van betalingskenmerk ${reference}.`,
    directDebit: ({ amount, date, mandate, creditorId, ibanLast4 }) =>
      `Wij schrijven ${amount} op of kort na ${date} automatisch af van uw rekening eindigend op ${ibanLast4} (machtiging ${mandate}, incassant-ID ${creditorId}).`,
    attached: {
      invoice: (hasUbl) =>
        hasUbl
          ? 'De factuur zit als pdf in de bijlage, en als e-factuur (UBL) voor uw boekhoudpakket.'
          : 'De factuur zit als pdf in de bijlage.',
      credit_note: (hasUbl) =>
        hasUbl
          ? 'De creditnota zit als pdf in de bijlage, en als e-factuur (UBL) voor uw boekhoudpakket.'
          : 'De creditnota zit als pdf in de bijlage.',
    },
    questions: (email) => `Heeft u vragen? Beantwoord dan deze e-mail of mail naar ${email}.`,
    signature: (company) => `Met vriendelijke groet,\n${company}`,
  },
  en: {
    subject: {
      invoice: (number, company) => `Invoice ${number} from ${company}`,
      credit_note: (number, company) => `Credit note ${number} from ${company}`,
    },
    greeting: (contact) => (contact ? `Dear ${contact},` : 'Dear Sir or Madam,'),
    issued: {
      invoice: (number, date, amount) =>
        `Please find attached invoice ${number} of ${date}, for an amount of ${amount}.`,
      credit_note: (number, date, amount) =>
        `Please find attached credit note ${number} of ${date}, for an amount of ${amount}.`,
    },
    corrects: (number) => `This credit note corrects invoice ${number}.`,
    transfer: (dueDate, iban, company, reference) =>
      `Please transfer the amount by ${dueDate} to ${iban} in the name of ${company}, quoting payment reference ${reference}.`,
    directDebit: ({ amount, date, mandate, creditorId, ibanLast4 }) =>
      `We will debit ${amount} from your account ending in ${ibanLast4} on or shortly after ${date} (mandate ${mandate}, creditor id ${creditorId}).`,
    attached: {
      invoice: (hasUbl) =>
        hasUbl
          ? 'The invoice is attached as a PDF, and as an e-invoice (UBL) for your accounting software.'
          : 'The invoice is attached as a PDF.',
      credit_note: (hasUbl) =>
        hasUbl
          ? 'The credit note is attached as a PDF, and as an e-invoice (UBL) for your accounting software.'
          : 'The credit note is attached as a PDF.',
    },
    questions: (email) => `Any questions? Reply to this e-mail or write to ${email}.`,
    signature: (company) => `Kind regards,\n${company}`,
  },
};

export interface InvoiceEmailInput {
  snapshot: DocumentSnapshot;
  /** The invoice's total incl. VAT in cents, as frozen at finalization. */
  totalInclVat: bigint;
  /** The sender's own words, above the standard text. */
  message: string | null;
  hasUbl: boolean;
  /** The operator, named in the footer of every mail. */
  operator: MailSender;
}

/**
 * Subject, text and HTML of the mail that carries an issued invoice: number, date and amount, how
 * to pay (IBAN and payment reference, or the direct debit), the attachments, the supplier's
 * signature, and the operator's footer that every Clientbox mail has. Everything is taken from the
 * snapshot, so the mail says what the attached PDF says.
 */
export function renderInvoiceEmail(input: InvoiceEmailInput): { subject: string; text: string; html: string } {
  const { snapshot } = input;
  const language = snapshot.language;
  const texts = TEXTS[language];
  const labels = labelsFor(language);
  const type: IssuedType = snapshot.type === 'credit_note' ? 'credit_note' : 'invoice';
  const company = snapshot.supplier.name;
  const date = (isoDate: string) => formatLegalDate(isoDate, labels);

  const paragraphs = [
    texts.issued[type](snapshot.number, date(snapshot.issue_date), formatMoney(input.totalInclVat, language)),
  ];
  if (type === 'credit_note' && snapshot.billing_reference)
    paragraphs.push(texts.corrects(snapshot.billing_reference.number));
  if (type === 'invoice' && snapshot.payment && snapshot.due_date) {
    const payment = snapshot.payment;
    paragraphs.push(
      payment.means === 'direct_debit'
        ? texts.directDebit({
            amount: formatMoney(input.totalInclVat, language),
            date: date(snapshot.due_date),
            mandate: payment.mandate_reference ?? '',
            creditorId: snapshot.supplier.creditor_id ?? '',
            ibanLast4: (payment.debtor_iban ?? '').replaceAll(' ', '').slice(-4),
          })
        : texts.transfer(
            date(snapshot.due_date),
            groupsOfFour(snapshot.supplier.iban),
            company,
            groupsOfFour(payment.reference),
          ),
    );
  }
  paragraphs.push(texts.attached[type](input.hasUbl));
  if (snapshot.supplier.email) paragraphs.push(texts.questions(snapshot.supplier.email));

  const subject = texts.subject[type](snapshot.number, company);
  const greeting = texts.greeting(snapshot.customer.contact_name);
  const personal = input.message?.trim() ? input.message.trim() : null;
  const signature = texts.signature(company);
  const footer = mailFooter(language, input.operator);
  const text = [greeting, personal, ...paragraphs, signature, footer].filter(Boolean).join('\n\n');
  const html = mailLayout({
    locale: language,
    brand: escapeHtml(company),
    title: escapeHtml(subject),
    paragraphs: [
      escapeHtml(greeting),
      ...(personal ? personal.split(/\n{2,}/).map((part) => escapeHtml(part).replace(/\n/g, '<br>')) : []),
      ...paragraphs.map(escapeHtml),
    ],
    signature: escapeHtml(signature),
    footer: escapeHtml(footer),
  });
  return { subject, text, html };
}
