export {
  createMailer,
  type MailAttachment,
  type Mailer,
  type MailerConfig,
  type MailLogger,
  type OutboxMessage,
  type OutgoingMail,
} from './create-mailer.ts';
export {
  mailFooter,
  renderMail,
  senderLine,
  type MailSender,
  type MailTemplate,
  type MailTemplateParams,
  type RenderedMail,
} from './render-mail.ts';
export { escapeHtml, mailLayout } from './mail-layout.ts';
