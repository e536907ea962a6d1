import { eq, sql } from 'drizzle-orm';
import { announcements } from '../db/schema.ts';
import { translate } from '../i18n/index.ts';
import type { Kernel } from '../kernel.ts';
import { escapeHtml, mailLayout, senderLine } from '../mail/index.ts';
import type { NewsletterLinks } from './newsletter-links.ts';
import type { OperatorPrincipal } from './operator-sessions.ts';

interface Recipient {
  email: string;
  name: string;
  locale: string;
}

/**
 * Art. 19: a service message reaches every user of every tenant that is not deactivated; a
 * newsletter skips whoever unsubscribed and carries a one-click unsubscribe (link and
 * List-Unsubscribe headers). The operator writes one text; greeting and footer follow the
 * reader's language.
 */
export async function sendAnnouncement(
  kernel: Pick<Kernel, 'database' | 'mailer' | 'config'>,
  links: NewsletterLinks,
  input: { kind: 'service' | 'newsletter'; subject: string; body: string },
  operator: OperatorPrincipal,
) {
  const db = kernel.database.owner;
  const optOut =
    input.kind === 'newsletter' ? sql`AND u.email NOT IN (SELECT email FROM newsletter_unsubscribes)` : sql``;
  const recipients = (
    (await db.execute(sql`
      SELECT DISTINCT u.email, u.name, u.locale
        FROM users u
        JOIN memberships m ON m.user_id = u.id
        JOIN tenants t ON t.id = m.tenant_id
       WHERE u.email_verified AND t.state <> 'deactivated' ${optOut}
       ORDER BY u.email`)) as unknown as { rows: Recipient[] }
  ).rows;
  const [row] = await db
    .insert(announcements)
    .values({ kind: input.kind, subject: input.subject, body: input.body, sentBy: operator.id })
    .returning();
  let sent = 0;
  for (const recipient of recipients) {
    const locale = recipient.locale === 'en' ? 'en' : 'nl';
    const isNewsletter = input.kind === 'newsletter';
    const greeting = translate(locale, 'mail.greeting', { name: recipient.name });
    const footer = [translate(locale, 'mail.footer'), senderLine(kernel.config.operator)].join('\n');
    const unsubscribe = isNewsletter ? links.pageUrl(recipient.email) : null;
    const text = [greeting, input.body, translate(locale, 'mail.signature'), footer]
      .concat(unsubscribe ? [`${translate(locale, 'mail.unsubscribe')}\n${unsubscribe}`] : [])
      .join('\n\n');
    const html = mailLayout({
      locale,
      title: escapeHtml(input.subject),
      paragraphs: [escapeHtml(greeting), ...input.body.split(/\n{2,}/).map(escapeHtml)],
      signature: escapeHtml(translate(locale, 'mail.signature')),
      footer: escapeHtml(footer),
      unsubscribe: unsubscribe
        ? { label: escapeHtml(translate(locale, 'mail.unsubscribe')), url: escapeHtml(unsubscribe) }
        : undefined,
    });
    await kernel.mailer.send({
      to: recipient.email,
      subject: input.subject,
      text,
      html,
      ...(isNewsletter && {
        headers: {
          'List-Unsubscribe': `<${links.oneClickUrl(recipient.email)}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      }),
    });
    sent += 1;
  }
  await db.update(announcements).set({ recipientCount: sent }).where(eq(announcements.id, row!.id));
  return {
    id: row!.id,
    kind: row!.kind,
    subject: row!.subject,
    recipient_count: sent,
    created_at: row!.createdAt.toISOString(),
  };
}
