import { membersExporter } from '../accounts/members.export.ts';
import { auditLogExporter } from '../audit/audit-log.export.ts';
import { termsAcceptancesExporter } from '../terms/terms-acceptances.export.ts';
import type { ExportRegistry } from './export-registry.ts';

/** The kernel's own tenant data in the export; modules register theirs in `register(kernel)`. */
export function registerKernelExporters(registry: ExportRegistry): void {
  registry.register(membersExporter);
  registry.register(termsAcceptancesExporter);
  registry.register(auditLogExporter);
}
