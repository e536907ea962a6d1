/** Public surface of the CRM module for modules that declare it in `dependsOn`. */
export { crmModule } from './module.ts';
