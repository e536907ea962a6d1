import { invoice, quote, sendQuote as sendQuoteSchema } from '@clientbox/contracts';
import { sendStoredFile } from '../../kernel/http/stored-file-reply.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { quoteServicesOf } from './quote-services.ts';
import { idParams } from './quotes.routes.ts';
import { convertQuote } from './use-cases/convert-quote.ts';
import { getQuotePdf } from './use-cases/get-quote-pdf.ts';
import { reviseQuote } from './use-cases/revise-quote.ts';
import { sendQuote } from './use-cases/send-quote.ts';

/** What happens to a quote after drafting: send, revise, turn into an invoice, the stored PDF. */
export function registerQuoteActionRoutes(kernel: Kernel): void {
  const services = quoteServicesOf(kernel);

  kernel.route({
    access: 'tenant',
    entitlement: 'quotes',
    tags: ['Quotes'],
    method: 'POST',
    url: '/api/v1/quotes/:id/send',
    summary:
      'Send a draft: number (first version), frozen content, stored PDF, e-mail to the customer with the PDF and the link to accept (422 quote_incomplete lists what is missing)',
    params: idParams,
    body: sendQuoteSchema.default({}),
    response: { status: 200, schema: quote },
    errors: [409, 422],
    handler: async ({ ctx, params, body, reply }) => {
      const sent = await sendQuote(ctx, params.id, body, services);
      reply.header('etag', `"${sent.version}"`);
      return sent;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'quotes',
    tags: ['Quotes'],
    method: 'POST',
    url: '/api/v1/quotes/:id/revise',
    summary:
      'A new version (draft, same number, next revision) of a sent, viewed, expired or declined quote; the old version is superseded',
    params: idParams,
    response: { status: 201, schema: quote },
    errors: [409],
    handler: async ({ ctx, params, reply }) => {
      const revision = await reviseQuote(ctx, params.id, services.publicBaseUrl);
      reply.header('etag', `"${revision.version}"`).header('location', `/api/v1/quotes/${revision.id}`);
      return revision;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'quotes',
    tags: ['Quotes'],
    method: 'POST',
    url: '/api/v1/quotes/:id/convert',
    summary:
      'Turn an accepted quote into an invoice draft with the accepted lines (ticked options only); 409 when not accepted or already converted',
    params: idParams,
    response: { status: 201, schema: invoice },
    errors: [409],
    handler: async ({ ctx, params, reply }) => {
      const created = await convertQuote(ctx, params.id);
      reply.header('location', `/api/v1/invoices/${created.id}`);
      return created;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'quotes',
    tags: ['Quotes'],
    method: 'GET',
    url: '/api/v1/quotes/:id/pdf',
    summary: 'The PDF of a sent quote version, exactly as sent (409 quote_not_sent for a draft)',
    params: idParams,
    response: { status: 200, contentType: 'application/pdf' },
    errors: [409],
    handler: async ({ ctx, params, reply }) => {
      const file = await getQuotePdf(ctx, params.id);
      return sendStoredFile(reply, file, 'application/pdf', 'inline');
    },
  });
}
