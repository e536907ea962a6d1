import type { Kernel } from '../../kernel/kernel.ts';
import type { ModuleManifest } from '../../kernel/modules/index.ts';
import { companyProfileExporter } from './company.export.ts';
import { registerCompanyRoutes } from './company.routes.ts';

/** The tenant's own legal and contact details; part of the base package, so no entitlement. */
export const companyModule: ModuleManifest<Kernel> = {
  name: 'company',
  description: 'Company profile: legal name, address, KvK, VAT, IBAN/BIC, contact details and logo',
  dependsOn: [],
  register: (kernel) => {
    registerCompanyRoutes(kernel);
    kernel.exports.register(companyProfileExporter);
  },
};
