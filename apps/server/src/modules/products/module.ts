import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleManifest } from '../../kernel/modules/index.ts';
import { registerProductTransferRoutes } from './product-transfer.routes.ts';
import { productsExporter, vatRatesExporter } from './products.export.ts';
import { PRODUCTS_ERRORS } from './products.errors.ts';
import { registerProductRoutes } from './products.routes.ts';
import { registerVatRateRoutes } from './vat-rates.routes.ts';

/**
 * The product catalogue (terms art. 2, an add-on module): what quotes, invoices and
 * subscriptions put on their lines — code, name, unit, price, and VAT as a category plus a
 * dated rate class — with search, archive, spreadsheet import/export and the tenant's VAT rates.
 */
export const productsModule: ModuleManifest<Kernel> = {
  name: 'products',
  description: 'Products and services: units, prices, margin, dated VAT rates, search, CSV/XLSX import and export',
  dependsOn: [],
  entitlement: 'products',
  errors: PRODUCTS_ERRORS,
  register: (kernel) => {
    registerProductTransferRoutes(kernel);
    registerProductRoutes(kernel);
    registerVatRateRoutes(kernel);
    // Rates before products, so an import restores the rate classes the products name.
    kernel.exports.register(vatRatesExporter);
    kernel.exports.register(productsExporter);
  },
};
