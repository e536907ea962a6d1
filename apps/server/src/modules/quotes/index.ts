/** Public surface of the quotes module for modules that declare it in `dependsOn` (assignments, subscriptions). */
export { quotesModule } from './module.ts';
