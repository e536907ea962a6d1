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
import { defineSendMandateRequestJob } from './mandates/jobs/send-mandate-request.job.ts';
import { MANDATES_ERRORS } from './mandates/mandates.errors.ts';
import { invoiceMandate } from './mandates/use-cases/invoice-mandate-lookup.ts';
import { registerMandateRoutes } from './mandates/mandates.routes.ts';
import { registerPublicMandateRoutes } from './mandates/public-mandates.routes.ts';
import { registerQuoteMandateRoutes } from './mandates/quote-mandate.routes.ts';
import { SEPA_FILE_ERRORS } from './sepa/sepa-errors.ts';
import { collectionPausesExporter } from './reminders/archive/collection-pauses.export.ts';
import { reminderDailyRunsExporter } from './reminders/archive/reminder-daily-runs.export.ts';
import { reminderSettingsExporter } from './reminders/archive/reminder-settings.export.ts';
import { remindersExporter } from './reminders/archive/reminders.export.ts';
import { defineSendReminderEmailJob } from './reminders/jobs/send-reminder-email.job.ts';
import { REMINDERS_ERRORS } from './reminders/reminders.errors.ts';
import { registerReminderRoutes } from './reminders/reminders.routes.ts';
import { runDailyReminders } from './reminders/use-cases/run-daily-reminders.ts';
import { STATEMENT_FILE_ERRORS } from './statements/statement-errors.ts';

/**
 * Receivables (getting paid, part of the invoicing add-on): SEPA direct-debit mandates signed on
 * paper or online; reminders, late-payment charges, collection batches and bank statements build
 * on them (domain rules §4 and §5).
 */
export const receivablesModule: ModuleManifest<Kernel> = {
  name: 'receivables',
  description: 'Getting paid: reminders and late-payment charges, SEPA mandates, direct-debit batches, bank statements',
  dependsOn: ['company', 'crm', 'invoices', 'quotes'],
  entitlement: 'invoices',
  errors: {
    ...MANDATES_ERRORS,
    ...BATCHES_ERRORS,
    ...SEPA_FILE_ERRORS,
    ...STATEMENT_FILE_ERRORS,
    ...BANK_STATEMENT_ERRORS,
    ...REMINDERS_ERRORS,
  },
  register: (kernel) => {
    registerReminderRoutes(kernel);
    defineSendReminderEmailJob(kernel);
    kernel.daily.register({
      name: 'receivables.reminders',
      entitlement: 'invoices',
      run: (ctx, today) => runDailyReminders(ctx, today, { storage: kernel.storage, jobs: kernel.jobs }),
    });
    registerMandateRoutes(kernel);
    registerPublicMandateRoutes(kernel);
    registerQuoteMandateRoutes(kernel);
    defineSendMandateRequestJob(kernel);
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
    kernel.exports.register(reminderSettingsExporter);
    kernel.exports.register(remindersExporter);
    kernel.exports.register(collectionPausesExporter);
    kernel.exports.register(reminderDailyRunsExporter);
  },
};
