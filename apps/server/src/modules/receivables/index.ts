/** Public surface of the receivables module for modules that declare it in `dependsOn`. */
export { receivablesModule } from './module.ts';
