/**
 * The words of the quotes module in Dutch and English: the e-mail a quote goes out with (in the
 * customer's language), the mails that tell the tenant about the answer (in the reader's), the
 * timeline items and the note on an invoice made from a quote. Kept beside the module, like the
 * invoice e-mail's texts, because they read a document's own data rather than a UI catalog.
 */
export type QuoteLanguage = 'nl' | 'en';

interface QuoteTexts {
  subject: (number: string, revision: number, company: string) => string;
  greeting: (contact: string | null) => string;
  offered: (number: string, date: string, amount: string, validUntil: string) => string;
  replaces: string;
  options: string;
  respond: string;
  attached: string;
  button: string;
  questions: (email: string) => string;
  signature: (company: string) => string;
  acceptedSubject: (number: string, customer: string) => string;
  acceptedBody: (name: string, number: string, amount: string, date: string) => string;
  declinedSubject: (number: string, customer: string) => string;
  declinedBody: (number: string, reason: string) => string;
  openButton: string;
  tenantGreeting: (name: string) => string;
  tenantSignature: string;
  timelineSent: (number: string, revision: number, amount: string) => string;
  timelineViewed: (number: string) => string;
  timelineAccepted: (number: string, name: string, amount: string) => string;
  timelineDeclined: (number: string, reason: string) => string;
  invoiceNote: (number: string) => string;
}

const version = (revision: number, word: string) => (revision > 1 ? ` (${word} ${revision})` : '');

export const QUOTE_TEXTS: Record<QuoteLanguage, QuoteTexts> = {
  nl: {
    subject: (number, revision, company) => `Offerte ${number}${version(revision, 'versie')} van ${company}`,
    greeting: (contact) => (contact ? `Beste ${contact},` : 'Geachte heer, mevrouw,'),
    offered: (number, date, amount, validUntil) =>
      `Hierbij ontvangt u offerte ${number} van ${date}, voor een bedrag van ${amount} inclusief btw. De offerte is geldig tot en met ${validUntil}.`,
    replaces: 'Deze versie vervangt de eerdere versie van deze offerte.',
    options: 'De offerte bevat optionele onderdelen; die kunt u online aanvinken.',
    respond: 'Via de knop hieronder bekijkt u de offerte online en accepteert of weigert u haar direct.',
    attached: 'De offerte zit ook als pdf in de bijlage.',
    button: 'Offerte bekijken',
    questions: (email) => `Heeft u vragen? Beantwoord dan deze e-mail of mail naar ${email}.`,
    signature: (company) => `Met vriendelijke groet,\n${company}`,
    acceptedSubject: (number, customer) => `Offerte ${number} is geaccepteerd door ${customer}`,
    acceptedBody: (name, number, amount, date) =>
      `${name} heeft offerte ${number} op ${date} geaccepteerd, voor ${amount} inclusief btw. Je kunt er nu een factuur van maken.`,
    declinedSubject: (number, customer) => `Offerte ${number} is geweigerd door ${customer}`,
    declinedBody: (number, reason) => `Offerte ${number} is geweigerd. De reden: ${reason}`,
    openButton: 'Offerte openen',
    tenantGreeting: (name) => `Hallo ${name},`,
    tenantSignature: 'Groet,\nClientbox',
    timelineSent: (number, revision, amount) => `Offerte ${number}${version(revision, 'versie')} verstuurd (${amount})`,
    timelineViewed: (number) => `Offerte ${number} bekeken door de klant`,
    timelineAccepted: (number, name, amount) => `Offerte ${number} geaccepteerd door ${name} (${amount})`,
    timelineDeclined: (number, reason) => `Offerte ${number} geweigerd: ${reason}`,
    invoiceNote: (number) => `Volgens offerte ${number}`,
  },
  en: {
    subject: (number, revision, company) => `Quote ${number}${version(revision, 'version')} from ${company}`,
    greeting: (contact) => (contact ? `Dear ${contact},` : 'Dear Sir or Madam,'),
    offered: (number, date, amount, validUntil) =>
      `Please find quote ${number} of ${date}, for an amount of ${amount} including VAT. The quote is valid until ${validUntil} inclusive.`,
    replaces: 'This version replaces the earlier version of this quote.',
    options: 'The quote has optional items, which you can tick online.',
    respond: 'With the button below you can view the quote online and accept or decline it at once.',
    attached: 'The quote is also attached as a PDF.',
    button: 'View the quote',
    questions: (email) => `Any questions? Reply to this e-mail or write to ${email}.`,
    signature: (company) => `Kind regards,\n${company}`,
    acceptedSubject: (number, customer) => `Quote ${number} was accepted by ${customer}`,
    acceptedBody: (name, number, amount, date) =>
      `${name} accepted quote ${number} on ${date}, for ${amount} including VAT. You can now turn it into an invoice.`,
    declinedSubject: (number, customer) => `Quote ${number} was declined by ${customer}`,
    declinedBody: (number, reason) => `Quote ${number} was declined. The reason: ${reason}`,
    openButton: 'Open the quote',
    tenantGreeting: (name) => `Hello ${name},`,
    tenantSignature: 'Regards,\nClientbox',
    timelineSent: (number, revision, amount) => `Quote ${number}${version(revision, 'version')} sent (${amount})`,
    timelineViewed: (number) => `Quote ${number} viewed by the customer`,
    timelineAccepted: (number, name, amount) => `Quote ${number} accepted by ${name} (${amount})`,
    timelineDeclined: (number, reason) => `Quote ${number} declined: ${reason}`,
    invoiceNote: (number) => `As per quote ${number}`,
  },
};

/** A legal date as people write it: `1 december 2026`, `1 December 2026`. */
export function formatDate(isoDate: string, language: QuoteLanguage): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A moment in Amsterdam time, as the tenant reads it in a mail. */
export function formatMoment(at: Date, language: QuoteLanguage): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Amsterdam',
  }).format(at);
}
