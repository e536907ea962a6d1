import {
  acceptQuote as acceptSchema,
  declineQuote as declineSchema,
  publicQuote,
  publicQuoteParams,
} from '@clientbox/contracts';
import { sendStoredFile } from '../../kernel/http/stored-file-reply.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { quoteServicesOf } from './quote-services.ts';
import { findQuoteByToken } from './quotes.repository.ts';
import { quoteNotFound } from './quotes.errors.ts';
import { storedPdfOf } from './use-cases/get-quote-pdf.ts';
import { withPublicQuote } from './use-cases/public-quote-context.ts';
import { acceptQuote, declineQuote } from './use-cases/respond-to-quote.ts';
import { viewPublicQuote } from './use-cases/view-public-quote.ts';

/**
 * The customer's page behind `${PUBLIC_BASE_URL}/q/{token}`: no login, the token is the key. An
 * unknown (or mistyped) token is 404; a quote that can no longer be answered is 409 with the
 * reason (quote_expired, quote_superseded, quote_already_accepted, quote_already_declined).
 */
export function registerPublicQuoteRoutes(kernel: Kernel): void {
  const services = quoteServicesOf(kernel);

  kernel.route({
    access: 'public',
    tags: ['Public quotes'],
    method: 'GET',
    url: '/api/v1/public/quotes/:token',
    summary: 'The quote as its customer sees it (first view marks it viewed); no login, the link’s token is the key',
    params: publicQuoteParams,
    response: { status: 200, schema: publicQuote },
    handler: ({ params, request, reply }) => {
      reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
      return withPublicQuote(kernel, params.token, request, (ctx) => viewPublicQuote(ctx, params.token));
    },
  });

  kernel.route({
    access: 'public',
    tags: ['Public quotes'],
    method: 'GET',
    url: '/api/v1/public/quotes/:token/pdf',
    summary: 'The PDF of the quote, exactly as sent',
    params: publicQuoteParams,
    response: { status: 200, contentType: 'application/pdf' },
    handler: async ({ params, request, reply }) => {
      const file = await withPublicQuote(kernel, params.token, request, async (ctx) => {
        const row = await findQuoteByToken(ctx.tx, ctx.tenantId, params.token);
        if (!row) throw quoteNotFound();
        return storedPdfOf(ctx, row);
      });
      return sendStoredFile(reply.header('cache-control', 'no-store'), file, 'application/pdf', 'inline');
    },
  });

  kernel.route({
    access: 'public',
    tags: ['Public quotes'],
    method: 'POST',
    url: '/api/v1/public/quotes/:token/accept',
    summary:
      'Accept the quote: name, the checkbox and the ticked optional lines; time, IP address and browser are recorded and the supplier is told',
    params: publicQuoteParams,
    body: acceptSchema,
    response: { status: 200, schema: publicQuote },
    errors: [404, 409],
    handler: ({ params, body, request }) =>
      withPublicQuote(kernel, params.token, request, (ctx) => acceptQuote(ctx, params.token, body, services)),
  });

  kernel.route({
    access: 'public',
    tags: ['Public quotes'],
    method: 'POST',
    url: '/api/v1/public/quotes/:token/decline',
    summary: 'Decline the quote with a reason; the supplier is told',
    params: publicQuoteParams,
    body: declineSchema,
    response: { status: 200, schema: publicQuote },
    errors: [404, 409],
    handler: ({ params, body, request }) =>
      withPublicQuote(kernel, params.token, request, (ctx) => declineQuote(ctx, params.token, body, services)),
  });
}
