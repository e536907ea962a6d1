import {
  createQuote as createQuoteSchema,
  listOf,
  quote,
  quoteListQuery,
  updateQuote as updateQuoteSchema,
} from '@clientbox/contracts';
import { z } from 'zod';
import { expectedVersion } from '../../kernel/http/if-match.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { createQuote } from './use-cases/create-quote.ts';
import { listQuoteRevisions, listQuotes } from './use-cases/list-quotes.ts';
import { getQuote } from './use-cases/present-quote.ts';
import { deleteQuote, updateQuote } from './use-cases/update-quote.ts';

export const idParams = z.strictObject({ id: z.uuid({ message: 'invalid_id' }) });

/** Quotes: drafts are edited freely; sending numbers and freezes them. Needs the Quotes module. */
export function registerQuoteRoutes(kernel: Kernel): void {
  const baseUrl = kernel.config.publicBaseUrl;

  kernel.route({
    access: 'tenant',
    entitlement: 'quotes',
    tags: ['Quotes'],
    method: 'GET',
    url: '/api/v1/quotes',
    summary: 'Quotes, newest first, cursor-paged; filters status and customer (superseded versions only on request)',
    query: quoteListQuery,
    response: { status: 200, schema: listOf(quote) },
    handler: ({ ctx, query }) => listQuotes(ctx, query, baseUrl),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'quotes',
    tags: ['Quotes'],
    method: 'POST',
    url: '/api/v1/quotes',
    summary:
      'Create a draft quote for a customer (organization or person); lines from products or free, optional lines',
    body: createQuoteSchema,
    response: { status: 201, schema: quote },
    handler: async ({ ctx, body, reply }) => {
      const created = await createQuote(ctx, body, baseUrl);
      reply.header('etag', `"${created.version}"`).header('location', `/api/v1/quotes/${created.id}`);
      return created;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'quotes',
    tags: ['Quotes'],
    method: 'GET',
    url: '/api/v1/quotes/:id',
    summary: 'One quote (any version) with lines, totals, status, the customer’s link and answer',
    params: idParams,
    response: { status: 200, schema: quote },
    handler: async ({ ctx, params, reply }) => {
      const found = await getQuote(ctx, params.id, baseUrl);
      reply.header('etag', `"${found.version}"`);
      return found;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'quotes',
    tags: ['Quotes'],
    method: 'GET',
    url: '/api/v1/quotes/:id/revisions',
    summary: 'Every version of this quote, oldest first (the history stays readable after a revision)',
    params: idParams,
    response: { status: 200, schema: listOf(quote) },
    handler: ({ ctx, params }) => listQuoteRevisions(ctx, params.id, baseUrl),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'quotes',
    tags: ['Quotes'],
    method: 'PATCH',
    url: '/api/v1/quotes/:id',
    summary: 'Change a draft (lines replace all lines); a sent quote answers 409 quote_not_draft',
    params: idParams,
    body: updateQuoteSchema,
    response: { status: 200, schema: quote },
    errors: [409, 412],
    handler: async ({ ctx, params, body, request, reply }) => {
      const version = expectedVersion(request.headers['if-match']) ?? undefined;
      const updated = await updateQuote(ctx, params.id, body, baseUrl, version);
      reply.header('etag', `"${updated.version}"`);
      return updated;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'quotes',
    tags: ['Quotes'],
    method: 'DELETE',
    url: '/api/v1/quotes/:id',
    summary: 'Delete a draft (a new version’s draft puts the previous version back); a sent quote answers 409',
    params: idParams,
    response: { status: 204 },
    errors: [409, 412],
    handler: ({ ctx, params, request }) =>
      deleteQuote(ctx, params.id, expectedVersion(request.headers['if-match']) ?? undefined),
  });
}
