import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleManifest } from '../../kernel/modules/index.ts';
import { registerDirectDebitMandateLookup } from '../invoices/index.ts';
import {
  bankStatementEntriesExporter,
  bankStatementsExporter,
} from './bank-statements/archive/bank-statements.export.ts';
import { BANK_STATEMENT_ERRORS } from './bank-statements/bank-statements.errors.ts';
import { registerBankStatementRoutes } from './bank-statements/bank-statements.routes.ts';
import {
  directDebitBatchesExporter,
  directDebitBatchItemsExporter,
  refundBatchesExporter,
  refundBatchItemsExporter,
} from './batches/archive/batches.export.ts';
import { BATCHES_ERRORS } from './batches/batches.errors.ts';
import { registerBatchRoutes } from './batches/batches.routes.ts';
import { mandatesExporter } from './mandates/archive/mandates.export.ts';
import { MANDATES_ERRORS } from './mandates/mandates.errors.ts';
import { invoiceMandate } from './mandates/use-cases/invoice-mandate-lookup.ts';
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
  errors: {
    ...MANDATES_ERRORS,
    ...BATCHES_ERRORS,
    ...SEPA_FILE_ERRORS,
    ...STATEMENT_FILE_ERRORS,
    ...BANK_STATEMENT_ERRORS,
  },
  register: (kernel) => {
    registerMandateRoutes(kernel);
    registerPublicMandateRoutes(kernel);
    registerBatchRoutes(kernel);
    kernel.exports.register(mandatesExporter);
    kernel.exports.register(directDebitBatchesExporter);
    kernel.exports.register(directDebitBatchItemsExporter);
    kernel.exports.register(refundBatchesExporter);
    kernel.exports.register(refundBatchItemsExporter);
    registerDirectDebitMandateLookup(invoiceMandate);
    registerBankStatementRoutes(kernel);
    kernel.exports.register(bankStatementsExporter);
    kernel.exports.register(bankStatementEntriesExporter);
  },
};
