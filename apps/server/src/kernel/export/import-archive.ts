import type { ImportResult } from '@clientbox/contracts';
import { recordAuditEvent } from '../audit/audit-log.ts';
import { AppError } from '../errors/app-error.ts';
import type { FileStorage } from '../storage/index.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { type ExportRegistry, importOrder, isImportable } from './export-registry.ts';
import { readExportArchive } from './read-export-archive.ts';

/**
 * Restores an export archive into this tenant (terms art. 17), in the caller's tenant transaction:
 * every importer writes in it, so the import is all or nothing. Only an empty tenant takes an
 * import (each importable entity decides what empty means): mixing an archive into data a user
 * entered would leave neither the old nor the archived state.
 */
export async function importArchive(
  ctx: TenantContext,
  deps: { exports: ExportRegistry; storage: FileStorage },
  bytes: Uint8Array,
): Promise<ImportResult> {
  const archive = readExportArchive(bytes);
  const importers = importOrder(deps.exports.list().filter(isImportable));

  const filled: string[] = [];
  for (const importer of importers) if (await importer.hasData(ctx)) filled.push(importer.entity);
  if (filled.length > 0)
    throw new AppError('import_tenant_not_empty', { detail: `This account already holds ${filled.join(', ')}.` });

  const storage = rememberingStorage(deps.storage);
  const imported: ImportResult['imported'] = [];
  try {
    // Registration order (kernel, then modules in dependency order) adjusted by `importAfter`: what a row refers to exists.
    for (const importer of importers) {
      const rows = archive.rows.get(importer.entity);
      if (!rows) continue;
      await importer.import({ ...ctx, storage }, rows, archive.files);
      imported.push({ entity: importer.entity, count: rows.length });
    }
    for (const importer of importers)
      if (imported.some((done) => done.entity === importer.entity))
        await importer.completeImport?.({ ...ctx, storage });
  } catch (error) {
    // The transaction rolls back; the files written so far would be orphans in the storage.
    await storage.removeWritten();
    throw error;
  }

  const skipped: ImportResult['skipped'] = archive.manifest.entities
    .filter((entity) => !imported.some((done) => done.entity === entity.entity))
    .map((entity) => ({
      entity: entity.entity,
      count: entity.count,
      reason: deps.exports.get(entity.entity) ? ('export_only' as const) : ('unknown_entity' as const),
    }));
  await recordAuditEvent(ctx, {
    action: 'import.completed',
    targetType: 'tenant',
    targetId: ctx.tenantId,
    details: {
      source_tenant: archive.manifest.tenant.name,
      source_created_at: archive.manifest.created_at,
      imported: Object.fromEntries(imported.map((entry) => [entry.entity, entry.count])),
    },
  });
  return {
    object: 'import',
    source: { tenant_name: archive.manifest.tenant.name, created_at: archive.manifest.created_at },
    imported,
    skipped,
  };
}

function rememberingStorage(storage: FileStorage): FileStorage & { removeWritten(): Promise<void> } {
  const written: string[] = [];
  return {
    get: (key) => storage.get(key),
    delete: (key) => storage.delete(key),
    async put(key, bytes, meta) {
      written.push(key);
      await storage.put(key, bytes, meta);
    },
    async removeWritten() {
      await Promise.allSettled(written.map((key) => storage.delete(key)));
    },
  };
}
