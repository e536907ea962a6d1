import { z } from 'zod';
import { timestamp } from '../common/fields.ts';

/**
 * Self-service export (terms art. 17): one zip archive of the tenant's data, built by a
 * background job. `id` is the job run id, so `GET /api/v1/jobs/{id}` shows its progress.
 */
export const dataExport = z.object({
  object: z.literal('export'),
  id: z.uuid(),
  state: z.enum(['queued', 'running', 'completed', 'failed']),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  error: z.string().nullable(),
  /** Present once the archive is ready. */
  archive: z
    .object({
      size: z.number().int(),
      sha256: z.string(),
      download_url: z.string(),
    })
    .nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type DataExport = z.infer<typeof dataExport>;

/** What an import restored, and what the archive held that cannot be restored. */
export const importResult = z.object({
  object: z.literal('import'),
  source: z.object({ tenant_name: z.string(), created_at: timestamp }),
  imported: z.array(z.object({ entity: z.string(), count: z.number().int() })),
  skipped: z.array(
    z.object({
      entity: z.string(),
      count: z.number().int(),
      reason: z.enum(['export_only', 'unknown_entity']),
    }),
  ),
});
export type ImportResult = z.infer<typeof importResult>;
