import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleManifest } from '../../kernel/modules/index.ts';
import { registerQuoteExporters } from './archive/quote-exporters.ts';
import { defineNotifyQuoteResponseJob } from './jobs/notify-quote-response.job.ts';
import { defineSendQuoteEmailJob } from './jobs/send-quote-email.job.ts';
import { registerPublicQuoteRoutes } from './public-quotes.routes.ts';
import { registerQuoteActionRoutes } from './quote-actions.routes.ts';
import { QUOTES_ERRORS } from './quotes.errors.ts';
import { registerQuoteRoutes } from './quotes.routes.ts';

/**
 * Quotes (offertes, terms art. 2, an add-on module): drafts, sending with a number from the quote
 * series, a frozen snapshot and the stored PDF, a public page where the customer ticks options
 * and accepts or declines, versions, and conversion of an accepted quote into an invoice draft.
 */
export const quotesModule: ModuleManifest<Kernel> = {
  name: 'quotes',
  description: 'Quotes: drafts, numbered versions, PDF by e-mail, online acceptance, conversion to an invoice',
  dependsOn: ['company', 'crm', 'products', 'invoices'],
  entitlement: 'quotes',
  errors: QUOTES_ERRORS,
  register: (kernel) => {
    registerQuoteRoutes(kernel);
    registerQuoteActionRoutes(kernel);
    registerPublicQuoteRoutes(kernel);
    defineSendQuoteEmailJob(kernel);
    defineNotifyQuoteResponseJob(kernel);
    registerQuoteExporters(kernel);
  },
};
