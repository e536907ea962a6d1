import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleManifest } from '../../kernel/modules/index.ts';
import { mandatesExporter } from './mandates/archive/mandates.export.ts';
import { MANDATES_ERRORS } from './mandates/mandates.errors.ts';
import { registerMandateRoutes } from './mandates/mandates.routes.ts';
import { registerPublicMandateRoutes } from './mandates/public-mandates.routes.ts';
import { SEPA_FILE_ERRORS } from './sepa/sepa-errors.ts';
import { STATEMENT_FILE_ERRORS } from './statements/statement-errors.ts';

/**
 * Receivables (getting paid, part of the invoicing add-on): SEPA direct-debit mandates signed on
 * paper or online; reminders, late-payment charges, collection batches and bank statements build
 * on them (domain rules §4 and §5).
 */
export const receivablesModule: ModuleManifest<Kernel> = {
  name: 'receivables',
  description: 'Getting paid: SEPA direct-debit mandates, online signing, 36-month expiry',
  dependsOn: ['company', 'crm', 'invoices'],
  entitlement: 'invoices',
  errors: { ...MANDATES_ERRORS, ...SEPA_FILE_ERRORS, ...STATEMENT_FILE_ERRORS },
  register: (kernel) => {
    registerMandateRoutes(kernel);
    registerPublicMandateRoutes(kernel);
    kernel.exports.register(mandatesExporter);
  },
};
