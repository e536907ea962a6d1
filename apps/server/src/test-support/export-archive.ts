import { createHash } from 'node:crypto';
import { strFromU8, strToU8, zipSync } from 'fflate';
import type { LightMyRequestResponse } from 'fastify';
import { multipart } from './multipart.ts';
import type { TestApp } from './test-app.ts';

/** An unpacked export archive: its files by path (`manifest.json`, `data/…`, `files/…`). */
export type ArchiveEntries = Record<string, Uint8Array>;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A JSON file of the archive, parsed. */
export const archiveJson = (entries: ArchiveEntries, path: string) => JSON.parse(strFromU8(entries[path]!));

/** The archive with `change` applied and its manifest made to fit again (checksums, counts). */
export function repackArchive(entries: ArchiveEntries, change: (copy: ArchiveEntries) => void): Uint8Array {
  const copy: ArchiveEntries = { ...entries };
  change(copy);
  const manifest = archiveJson(copy, 'manifest.json');
  manifest.files = Object.entries(copy)
    .filter(([path]) => path !== 'manifest.json')
    .map(([path, bytes]) => ({ path, size: bytes.length, sha256: sha256(bytes) }));
  for (const entity of manifest.entities) entity.count = archiveJson(copy, entity.file).length;
  copy['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(copy);
}

/** Replaces the rows of one entity in the archive (the manifest made to fit again). */
export function withRows(
  entries: ArchiveEntries,
  entity: string,
  change: (rows: Record<string, unknown>[]) => unknown[],
): Uint8Array {
  return repackArchive(entries, (copy) => {
    const path = `data/${entity}.json`;
    copy[path] = strToU8(JSON.stringify(change(archiveJson(copy, path))));
  });
}

/**
 * Exports the tenant of `key` the way its admin does (`POST /api/v1/exports`, the job, the
 * download) and returns the zip. The test app's job runner must have been started.
 */
export async function exportArchiveOf(t: TestApp, key: string, timeoutMs = 60_000): Promise<Uint8Array> {
  const started = await t.api(key, { method: 'POST', url: '/api/v1/exports' });
  if (started.statusCode !== 202) throw new Error(`export refused: ${started.body}`);
  const id = started.json().id as string;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await t.api(key, { method: 'GET', url: `/api/v1/jobs/${id}` })).json();
    if (job.state === 'completed') break;
    if (job.state === 'failed' || Date.now() > deadline) throw new Error(`export ${id}: ${JSON.stringify(job)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return (await t.api(key, { method: 'GET', url: `/api/v1/exports/${id}/archive` })).rawPayload;
}

/** `POST /api/v1/imports` with the archive as the upload. */
export function importArchiveInto(t: TestApp, key: string, zip: Uint8Array): Promise<LightMyRequestResponse> {
  return t.api(key, {
    method: 'POST',
    url: '/api/v1/imports',
    ...multipart('file', 'export.zip', 'application/zip', zip),
  });
}
