/** Public surface of the quotes module for modules that declare it in `dependsOn` (assignments, subscriptions). */
export { quotesModule } from './module.ts';
/** The customer's quote page: its tenant context, and its customer once the quote is accepted (receivables offers a mandate there). */
export { withPublicQuote } from './use-cases/public-quote-context.ts';
export { acceptedQuoteCustomer } from './use-cases/accepted-quote-customer.ts';
