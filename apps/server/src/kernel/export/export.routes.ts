import { type DataExport, dataExport, importResult, type Job, listOf, listQuery } from '@clientbox/contracts';
import { z } from 'zod';
import { recordAuditEvent } from '../audit/audit-log.ts';
import { AppError } from '../errors/app-error.ts';
import { listJobRuns } from '../jobs/job-runs.repository.ts';
import type { Kernel } from '../kernel.ts';
import { EXPORT_JOB, exportArchiveKey, type ExportJobResult } from './export-job.ts';
import { importArchive } from './import-archive.ts';

/** An archive of a small business is megabytes; this leaves room for years of PDFs. */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

const idParams = z.strictObject({ id: z.uuid({ message: 'invalid_id' }) });

function toDataExport(run: Job): DataExport {
  const result = run.state === 'completed' ? (run.result as ExportJobResult | null) : null;
  return {
    object: 'export',
    id: run.id,
    state: run.state,
    progress: run.progress,
    error: run.error,
    archive: result
      ? { size: result.size, sha256: result.sha256, download_url: `/api/v1/exports/${run.id}/archive` }
      : null,
    created_at: run.created_at,
    updated_at: run.updated_at,
  };
}

/**
 * Self-service export and import (terms art. 17). Export stays available to expired, suspended
 * and deactivated tenants: leaving with one's data must not depend on paying.
 */
export function registerExportRoutes(kernel: Kernel): void {
  kernel.route({
    method: 'POST',
    url: '/api/v1/exports',
    access: 'tenant',
    minimumRole: 'admin',
    availableWhenLocked: 'export',
    tags: ['Export'],
    summary:
      'Start an export of all data as one zip archive; follow it at GET /api/v1/jobs/{id}. An export still running is returned instead of a second one.',
    response: { status: 202, schema: dataExport },
    handler: async ({ ctx, reply }) => {
      const [latest] = (await listJobRuns(ctx.tx, ctx.tenantId, { name: EXPORT_JOB, limit: 1 })).data;
      let run = latest && (latest.state === 'queued' || latest.state === 'running') ? latest : null;
      if (!run) {
        const id = await kernel.jobs.enqueue(ctx, EXPORT_JOB, {});
        await recordAuditEvent(ctx, { action: 'export.requested', targetType: 'export', targetId: id });
        run = await kernel.jobs.getJobRun(ctx.tx, ctx.tenantId, id);
      }
      reply.header('location', `/api/v1/jobs/${run!.id}`);
      return toDataExport(run!);
    },
  });

  kernel.route({
    method: 'GET',
    url: '/api/v1/exports',
    access: 'tenant',
    minimumRole: 'admin',
    availableWhenLocked: 'export',
    tags: ['Export'],
    summary: 'The exports of this account, newest first',
    query: listQuery.extend({ starting_after: z.uuid({ message: 'invalid_id' }).optional() }),
    response: { status: 200, schema: listOf(dataExport) },
    handler: async ({ ctx, query }) => {
      const page = await listJobRuns(ctx.tx, ctx.tenantId, {
        name: EXPORT_JOB,
        limit: query.limit,
        startingAfter: query.starting_after,
      });
      return { object: 'list' as const, data: page.data.map(toDataExport), has_more: page.hasMore };
    },
  });

  kernel.route({
    method: 'GET',
    url: '/api/v1/exports/:id/archive',
    access: 'tenant',
    minimumRole: 'admin',
    availableWhenLocked: 'export',
    tags: ['Export'],
    summary: 'Download a finished export archive (zip)',
    params: idParams,
    response: { status: 200, contentType: 'application/zip' },
    handler: async ({ ctx, params, reply }) => {
      // Another tenant's run is hidden by row-level security: "not found", like an unfinished one.
      const run = await kernel.jobs.getJobRun(ctx.tx, ctx.tenantId, params.id);
      if (!run || run.name !== EXPORT_JOB || run.state !== 'completed') throw new AppError('not_found');
      const stored = await kernel.storage.get(exportArchiveKey(ctx.tenantId, run.id));
      if (!stored) throw new AppError('not_found');
      await recordAuditEvent(ctx, {
        action: 'export.downloaded',
        targetType: 'export',
        targetId: run.id,
        details: { size: stored.size },
      });
      const fileName = `clientbox-export-${run.created_at.slice(0, 10)}-${run.id.slice(0, 8)}.zip`;
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(stored.bytes);
    },
  });

  kernel.route({
    method: 'POST',
    url: '/api/v1/imports',
    access: 'tenant',
    minimumRole: 'admin',
    tags: ['Export'],
    summary:
      'Restore an export archive (multipart field "file") into this account, which must be empty; all or nothing',
    rawBody: { contentType: 'multipart/form-data', description: 'field "file": the zip from an export' },
    bodyLimit: IMPORT_MAX_BYTES + 64 * 1024,
    response: { status: 200, schema: importResult },
    errors: [409, 413, 415, 422],
    handler: async ({ ctx, request }) => {
      if (!request.isMultipart())
        throw new AppError('unsupported_media_type', { detail: 'Send multipart/form-data with a "file" field.' });
      const file = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1 } });
      if (!file)
        throw new AppError('validation_failed', { fields: [{ field: 'file', code: 'required', message: 'required' }] });
      const bytes = await file.toBuffer();
      return importArchive(ctx, { exports: kernel.exports, storage: kernel.storage }, bytes);
    },
  });
}
