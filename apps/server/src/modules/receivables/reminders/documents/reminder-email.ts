import { escapeHtml, mailFooter, mailLayout, type MailSender } from '../../../../kernel/mail/index.ts';
import type { ReminderLetter } from './reminder-letter.ts';
import { letterParagraphs, letterSubject } from './reminder-texts.ts';

export interface RenderedReminderMail {
  subject: string;
  text: string;
  html: string;
}

/** The e-mail a reminder goes out with: the letter's own paragraphs, with the letter as PDF attached. */
export function renderReminderEmail(letter: ReminderLetter, operator: MailSender): RenderedReminderMail {
  const nl = letter.language === 'nl';
  const subject = letterSubject(letter);
  const greeting = nl ? 'Geachte heer/mevrouw,' : 'Dear Sir or Madam,';
  const paragraphs = [
    ...letterParagraphs(letter),
    nl ? 'De brief met de bedragen zit als pdf in de bijlage.' : 'The letter with the amounts is attached as a PDF.',
    ...(letter.creditor.email
      ? [nl ? `Vragen? Mail naar ${letter.creditor.email}.` : `Questions? Write to ${letter.creditor.email}.`]
      : []),
  ];
  const signature = `${nl ? 'Met vriendelijke groet,' : 'Kind regards,'}\n${letter.creditor.name}`;
  const footer = mailFooter(letter.language, operator);
  return {
    subject,
    text: [greeting, ...paragraphs, signature, footer].join('\n\n'),
    html: mailLayout({
      locale: letter.language,
      brand: escapeHtml(letter.creditor.name),
      title: escapeHtml(subject),
      paragraphs: [escapeHtml(greeting), ...paragraphs.map(escapeHtml)],
      signature: escapeHtml(signature),
      footer: escapeHtml(footer),
    }),
  };
}
