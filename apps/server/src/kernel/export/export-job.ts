import type { Kernel } from '../kernel.ts';
import { buildExportArchive, sha256 } from './build-export-archive.ts';

export const EXPORT_JOB = 'tenant.export';

/** What a completed export run keeps as its result. */
export interface ExportJobResult {
  size: number;
  sha256: string;
  entities: Record<string, number>;
}

export function exportArchiveKey(tenantId: string, jobRunId: string): string {
  return `tenants/${tenantId}/exports/${jobRunId}.zip`;
}

/** The export job (terms art. 17): builds the archive and keeps it in the file storage for download. */
export function defineExportJob(kernel: Pick<Kernel, 'jobs' | 'storage' | 'exports'>): void {
  kernel.jobs.define<Record<string, never>, ExportJobResult>(
    EXPORT_JOB,
    async (job) => {
      const { bytes, manifest } = await buildExportArchive(job, {
        exporters: kernel.exports.list(),
        storage: kernel.storage,
      });
      await kernel.storage.put(exportArchiveKey(job.tenantId, job.jobRunId), bytes, {
        contentType: 'application/zip',
      });
      return {
        size: bytes.length,
        sha256: sha256(bytes),
        entities: Object.fromEntries(manifest.entities.map((entity) => [entity.entity, entity.count])),
      };
    },
    { transaction: 'steps', timeoutSeconds: 1800 },
  );
}
