import { publicQuoteParams, quoteMandateOffer } from '@clientbox/contracts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { withPublicQuote } from '../../quotes/index.ts';
import { quoteMandateOffer as offerOf, requestMandateFromQuote } from './use-cases/quote-mandate-offer.ts';

/**
 * The quote page (`/q/{token}`, no login) offers the customer who accepted to pay by direct
 * debit: the mandate request is made there and signed on its own page (`/m/{token}`). The quote's
 * link is the key, as for the quote itself; an unknown link is 404 `quote_not_found`.
 */
export function registerQuoteMandateRoutes(kernel: Kernel): void {
  const baseUrl = kernel.config.publicBaseUrl;

  kernel.route({
    access: 'public',
    tags: ['Public quotes'],
    method: 'GET',
    url: '/api/v1/public/quotes/:token/mandate',
    summary: 'After acceptance: whether the customer may sign a direct-debit mandate here, and the one they have',
    params: publicQuoteParams,
    response: { status: 200, schema: quoteMandateOffer },
    handler: ({ params, request, reply }) => {
      reply.header('cache-control', 'no-store');
      return withPublicQuote(kernel, params.token, request, (ctx) => offerOf(ctx, params.token, baseUrl));
    },
  });

  kernel.route({
    access: 'public',
    tags: ['Public quotes'],
    method: 'POST',
    url: '/api/v1/public/quotes/:token/mandate',
    summary: 'The customer asks to pay by direct debit: a mandate request to sign (the same one when asked again)',
    params: publicQuoteParams,
    response: { status: 200, schema: quoteMandateOffer },
    errors: [404, 409],
    handler: ({ params, request }) =>
      withPublicQuote(kernel, params.token, request, (ctx) =>
        requestMandateFromQuote(ctx, params.token, baseUrl, kernel.jobs),
      ),
  });
}
