import type { ReminderLetter } from './reminder-letter.ts';

const LONG_DATE: Record<'nl' | 'en', Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

export const longDate = (language: 'nl' | 'en', date: string) =>
  LONG_DATE[language].format(new Date(`${date}T00:00:00Z`));

/** "€ 1.210,00" / "€1,210.00" from a decimal string. */
export function euro(language: 'nl' | 'en', amount: string): string {
  return new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(
    Number(amount),
  );
}

/** The letter's title: a friendly first reminder, a second reminder, or the final notice (aanmaning). */
export function letterTitle(letter: Pick<ReminderLetter, 'language' | 'kind' | 'level'>): string {
  if (letter.kind === 'final_notice') return letter.language === 'nl' ? 'Aanmaning' : 'Final notice';
  if (letter.level === 1) return letter.language === 'nl' ? 'Betalingsherinnering' : 'Payment reminder';
  return letter.language === 'nl' ? 'Tweede betalingsherinnering' : 'Second payment reminder';
}

export function letterSubject(letter: ReminderLetter): string {
  const on = letter.language === 'nl' ? 'factuur' : 'invoice';
  return `${letterTitle(letter)}: ${on} ${letter.invoice.number} (${letter.creditor.name})`;
}

/** The paragraphs of the letter, the same in the PDF and the e-mail. */
export function letterParagraphs(letter: ReminderLetter): string[] {
  const { language: lang, invoice } = letter;
  const d = (date: string) => longDate(lang, date);
  const total = euro(lang, letter.amounts.total);
  const paragraphs: string[] = [];
  if (lang === 'nl') {
    paragraphs.push(
      letter.kind === 'final_notice'
        ? `Ondanks onze eerdere herinneringen hebben wij de betaling van factuur ${invoice.number} van ${d(invoice.issueDate)}, vervallen op ${d(invoice.dueDate)}, nog niet ontvangen.`
        : `Volgens onze administratie staat factuur ${invoice.number} van ${d(invoice.issueDate)} nog open. De betaaltermijn is verstreken op ${d(invoice.dueDate)}. Wellicht is de betaling aan uw aandacht ontsnapt.`,
    );
    if (letter.hasCharges)
      paragraphs.push(
        `Omdat de factuur niet op tijd is betaald, zijn wij de hieronder vermelde rente en incassokosten verschuldigd geworden, berekend tot ${d(letter.date)}. De rente loopt door tot de dag van betaling.`,
      );
    paragraphs.push(
      letter.kind === 'final_notice'
        ? `Wij sommeren u het totaalbedrag van ${total} binnen 7 dagen over te maken. Blijft betaling uit, dan dragen wij de vordering zonder nadere aankondiging over voor incasso.`
        : `Wij verzoeken u het openstaande bedrag van ${total} zo spoedig mogelijk over te maken.`,
    );
    if (letter.fourteenDayLetter)
      paragraphs.push(
        `Betaal het bedrag van ${euro(lang, letter.amounts.principal)} uiterlijk op ${d(letter.fourteenDayLetter.expiresOn)} (binnen 14 dagen na ontvangst van deze brief). Betaalt u niet binnen deze termijn, dan bent u incassokosten verschuldigd van ${euro(lang, letter.fourteenDayLetter.costs)}, naast de wettelijke rente.`,
      );
    paragraphs.push('Heeft u inmiddels betaald, dan kunt u deze brief als niet verzonden beschouwen.');
  } else {
    paragraphs.push(
      letter.kind === 'final_notice'
        ? `Despite our earlier reminders we have not yet received payment of invoice ${invoice.number} of ${d(invoice.issueDate)}, due on ${d(invoice.dueDate)}.`
        : `According to our records invoice ${invoice.number} of ${d(invoice.issueDate)} is still open. The payment term ended on ${d(invoice.dueDate)}. Perhaps the payment escaped your attention.`,
    );
    if (letter.hasCharges)
      paragraphs.push(
        `As the invoice was not paid on time, the interest and collection costs below have become due, reckoned to ${d(letter.date)}. Interest continues to run until the day of payment.`,
      );
    paragraphs.push(
      letter.kind === 'final_notice'
        ? `We demand that you pay the total of ${total} within 7 days. Without payment we will hand the claim over for collection without further notice.`
        : `Please pay the amount of ${total} as soon as possible.`,
    );
    if (letter.fourteenDayLetter)
      paragraphs.push(
        `Please pay ${euro(lang, letter.amounts.principal)} no later than ${d(letter.fourteenDayLetter.expiresOn)} (within 14 days of receiving this letter). If you do not pay within this term, collection costs of ${euro(lang, letter.fourteenDayLetter.costs)} will be due in addition to the statutory interest.`,
      );
    paragraphs.push('If you have paid in the meantime, please disregard this letter.');
  }
  return paragraphs;
}

export function amountLabels(language: 'nl' | 'en') {
  return language === 'nl'
    ? {
        invoice: 'Factuur',
        issued: 'Factuurdatum',
        due: 'Vervaldatum',
        principal: 'Openstaand bedrag',
        interest: 'Rente',
        costs: 'Incassokosten',
        total: 'Totaal te betalen',
        payTo: 'Over te maken naar',
        reference: 'Onder vermelding van',
        date: 'Datum',
        regards: 'Met vriendelijke groet,',
      }
    : {
        invoice: 'Invoice',
        issued: 'Invoice date',
        due: 'Due date',
        principal: 'Amount outstanding',
        interest: 'Interest',
        costs: 'Collection costs',
        total: 'Total to pay',
        payTo: 'Pay to',
        reference: 'Quoting',
        date: 'Date',
        regards: 'Kind regards,',
      };
}
