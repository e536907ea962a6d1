import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { strToU8, zipSync } from 'fflate';
import { tenants } from '../db/schema.ts';
import type { SteppedJobContext } from '../jobs/job-runner.ts';
import type { FileStorage } from '../storage/index.ts';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ARCHIVE_PATH,
  CLIENTBOX_VERSION,
  csvPath,
  dataPath,
  MANIFEST_PATH,
  type Manifest,
  storedFilePath,
} from './archive-format.ts';
import { type Exporter, type ExportedFile, isImportable } from './export-registry.ts';
import { toCsv } from './to-csv.ts';

type ExportJob = Pick<SteppedJobContext<unknown>, 'tenantId' | 'step' | 'progress' | 'signal'>;

const FILES_PER_PROGRESS_REPORT = 25;

/**
 * Builds the tenant's export archive (layout in archive-format.ts). All rows are read in one
 * tenant transaction, so the entities agree with each other; the stored files are read and the
 * archive is packed after it has committed, so a large export does not hold the database.
 * Progress: one unit per entity type, per stored file and for packing.
 */
export async function buildExportArchive(
  job: ExportJob,
  deps: { exporters: readonly Exporter[]; storage: FileStorage },
  now = new Date(),
): Promise<{ bytes: Buffer; manifest: Manifest }> {
  const { tenantId } = job;
  const { exporters, storage } = deps;
  const collected = await job.step(async (tx) => {
    const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
    const entities: { exporter: Exporter; rows: Record<string, unknown>[]; files: ExportedFile[] }[] = [];
    for (const exporter of exporters) {
      const rows = await exporter.export({ tenantId, tx });
      const files = exporter.files ? await exporter.files({ tenantId, tx }, rows) : [];
      entities.push({ exporter, rows, files });
      await job.progress(entities.length, exporters.length + 1);
    }
    return { tenantName: tenant?.name ?? '', entities };
  });

  const contents = new Map<string, Uint8Array>();
  for (const { exporter, rows } of collected.entities) {
    contents.set(dataPath(exporter.entity), strToU8(JSON.stringify(rows, null, 2)));
    if (exporter.csv) contents.set(csvPath(exporter.entity), strToU8(toCsv(rows, exporter.columns)));
  }
  const files = collected.entities.flatMap((entity) => entity.files);
  const total = exporters.length + files.length + 1;
  let done = exporters.length;
  for (const file of files) {
    job.signal.throwIfAborted();
    const path = storedFilePath(file.path);
    if (!ARCHIVE_PATH.test(file.path) || contents.has(path)) throw new Error(`export file path "${path}" is invalid`);
    if ('bytes' in file) contents.set(path, file.bytes);
    else {
      const stored = await storage.get(file.storageKey);
      // A file the database refers to but the storage lost is an operator's problem to fix; an
      // archive silently missing it would look complete to the tenant.
      if (!stored) throw new Error(`stored file for ${path} is missing from the file storage`);
      contents.set(path, stored.bytes);
    }
    done += 1;
    if (done % FILES_PER_PROGRESS_REPORT === 0) await job.progress(done, total);
  }
  await job.progress(done, total);

  const manifest: Manifest = {
    format: ARCHIVE_FORMAT,
    format_version: ARCHIVE_FORMAT_VERSION,
    tenant: { id: tenantId, name: collected.tenantName },
    created_at: now.toISOString(),
    clientbox_version: CLIENTBOX_VERSION,
    entities: collected.entities.map(({ exporter, rows }) => ({
      entity: exporter.entity,
      file: dataPath(exporter.entity),
      csv_file: exporter.csv ? csvPath(exporter.entity) : null,
      count: rows.length,
      importable: isImportable(exporter),
    })),
    files: [...contents].map(([path, bytes]) => ({ path, size: bytes.length, sha256: sha256(bytes) })),
  };
  const zipped = zipSync(
    { [MANIFEST_PATH]: strToU8(JSON.stringify(manifest, null, 2)), ...Object.fromEntries(contents) },
    { level: 6, mtime: now },
  );
  return { bytes: Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength), manifest };
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
