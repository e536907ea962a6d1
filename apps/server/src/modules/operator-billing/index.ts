/** Public surface of the operator's billing (nothing depends on it). */
export { operatorBillingModule } from './module.ts';
