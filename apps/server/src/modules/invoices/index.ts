/** Public surface of the invoices module for modules that declare it in `dependsOn` (quotes, subscriptions). */
export { invoicesModule } from './module.ts';
