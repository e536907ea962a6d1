export { createMailer, type Mailer, type OutboxMessage, type OutgoingMail } from './create-mailer.ts';
export { renderMail, type MailTemplate, type RenderedMail } from './render-mail.ts';
