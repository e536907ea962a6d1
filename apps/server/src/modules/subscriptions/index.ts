/** Public surface of the subscriptions module for modules that declare it in `dependsOn`. */
export { subscriptionsModule } from './module.ts';
