import { type Company, formatAmount, type ReminderKind } from '@clientbox/contracts';
import type { NewReminderRow } from '../reminders.repository.ts';

/** Everything a reminder letter (PDF) and its e-mail show; amounts are formatted already. */
export interface ReminderLetter {
  language: 'nl' | 'en';
  kind: ReminderKind;
  level: number;
  /** The letter's date (the day its amounts are reckoned to). */
  date: string;
  creditor: {
    name: string;
    addressLines: string[];
    iban: string | null;
    email: string | null;
    phone: string | null;
    kvkNumber: string | null;
  };
  debtor: { name: string; addressLines: string[] };
  invoice: { number: string; issueDate: string; dueDate: string; paymentReference: string | null };
  amounts: { principal: string; interest: string; costs: string; total: string };
  /** Cents > 0: the letter states charges. */
  hasCharges: boolean;
  /** The consumer's 14-day letter: pay by `expiresOn` or owe `costs` (art. 6:96 lid 6 BW). */
  fourteenDayLetter: { expiresOn: string; costs: string } | null;
}

export const addressLines = (
  address: { street: string | null; postal_code: string | null; city: string | null } | null,
): string[] =>
  address
    ? [address.street, [address.postal_code, address.city].filter(Boolean).join('  ')].filter((line): line is string =>
        Boolean(line),
      )
    : [];

/** The letter a reminder row states: the PDF (with the debtor's address) and the e-mail are made from it. */
export function letterOf(
  company: Company,
  row: Pick<
    NewReminderRow,
    | 'language'
    | 'kind'
    | 'level'
    | 'reckonedOn'
    | 'customerName'
    | 'invoiceNumber'
    | 'invoiceIssueDate'
    | 'dueDate'
    | 'paymentReference'
    | 'principalDue'
    | 'interest'
    | 'costs'
    | 'fourteenDayLetterExpiresOn'
    | 'fourteenDayLetterCosts'
  >,
  debtorAddressLines: string[] = [],
): ReminderLetter {
  return {
    language: row.language,
    kind: row.kind,
    level: row.level,
    date: row.reckonedOn,
    creditor: {
      name: company.legal_name,
      addressLines: addressLines(company),
      iban: company.iban,
      email: company.email,
      phone: company.phone,
      kvkNumber: company.kvk_number,
    },
    debtor: { name: row.customerName, addressLines: debtorAddressLines },
    invoice: {
      number: row.invoiceNumber,
      issueDate: row.invoiceIssueDate,
      dueDate: row.dueDate,
      paymentReference: row.paymentReference ?? null,
    },
    amounts: {
      principal: formatAmount(row.principalDue),
      interest: formatAmount(row.interest),
      costs: formatAmount(row.costs),
      total: formatAmount(row.principalDue + row.interest + row.costs),
    },
    hasCharges: row.interest + row.costs > 0n,
    fourteenDayLetter:
      row.fourteenDayLetterExpiresOn && row.fourteenDayLetterCosts != null
        ? { expiresOn: row.fourteenDayLetterExpiresOn, costs: formatAmount(row.fourteenDayLetterCosts) }
        : null,
  };
}
