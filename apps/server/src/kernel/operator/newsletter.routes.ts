import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { email } from '@clientbox/contracts';
import { AppError } from '../errors/app-error.ts';
import type { Kernel } from '../kernel.ts';
import type { NewsletterLinks } from './newsletter-links.ts';

const unsubscribeQuery = z.strictObject({ email, token: z.string().min(10).max(100) });

/**
 * Art. 19: one-click unsubscribe from newsletters, without a login. Mail clients POST here
 * (RFC 8058, body `List-Unsubscribe=One-Click`); the link in the mail opens a page whose button
 * POSTs too, so link scanners that only GET never unsubscribe anyone.
 */
export function registerNewsletterRoutes(kernel: Kernel, links: NewsletterLinks): void {
  void kernel.app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
    scope.post('/api/v1/public/newsletter/unsubscribe', async (request, reply) => {
      const parsed = unsubscribeQuery.safeParse(request.query);
      if (!parsed.success || !links.isValid(parsed.data.email, parsed.data.token))
        throw new AppError('not_found', { detail: 'This unsubscribe link is not valid.' });
      await kernel.database.owner.execute(
        sql`INSERT INTO newsletter_unsubscribes (email) VALUES (${parsed.data.email}) ON CONFLICT DO NOTHING`,
      );
      return reply.code(200).send({ unsubscribed: true, email: parsed.data.email });
    });
  });
}
