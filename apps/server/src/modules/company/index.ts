/** Public surface of the company module for modules that declare it in `dependsOn`. */
export { companyModule } from './module.ts';
export { getCompany } from './use-cases/get-company.ts';
export { getDefaultPaymentTermDays } from './use-cases/get-default-payment-term.ts';
export { getLogoForDocument } from './use-cases/upload-logo.ts';
