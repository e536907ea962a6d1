/** Public surface of the products module for modules that declare it in `dependsOn` (quotes, invoices, subscriptions). */
export { productsModule } from './module.ts';
export { getProductForDocument, type ProductForDocument } from './use-cases/get-product-for-document.ts';
