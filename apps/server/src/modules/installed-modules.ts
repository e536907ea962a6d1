import type { Kernel } from '../kernel/kernel.ts';
import type { ModuleManifest } from '../kernel/modules/index.ts';
import { companyModule } from './company/index.ts';
import { crmModule } from './crm/index.ts';
import { invoicesModule } from './invoices/index.ts';
import { productsModule } from './products/index.ts';
import { quotesModule } from './quotes/index.ts';
import { operatorBillingModule } from './operator-billing/index.ts';
import { receivablesModule } from './receivables/index.ts';
import { subscriptionsModule } from './subscriptions/index.ts';

/** Every business module of this installation; the registry starts them in dependency order. */
export const installedModules: ModuleManifest<Kernel>[] = [
  companyModule,
  crmModule,
  productsModule,
  invoicesModule,
  quotesModule,
  receivablesModule,
  subscriptionsModule,
  operatorBillingModule,
];
