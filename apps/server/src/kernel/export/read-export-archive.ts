import { strFromU8, unzipSync } from 'fflate';
import { AppError } from '../errors/app-error.ts';
import { sha256 } from './build-export-archive.ts';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  dataPath,
  MANIFEST_PATH,
  type Manifest,
  manifestSchema,
} from './archive-format.ts';

export interface ExportArchive {
  manifest: Manifest;
  /** Rows per entity, as the archive's data/<entity>.json holds them (not yet validated per entity). */
  rows: Map<string, unknown[]>;
  /** Stored files by their path in the archive (`files/…`), as the rows refer to them. */
  files: Map<string, Buffer>;
}

/** Unpacked, an archive may be at most this large: a small zip could otherwise unpack to gigabytes. */
const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

function invalid(detail: string): AppError {
  return new AppError('import_archive_invalid', { detail });
}

/**
 * Reads an uploaded export archive and checks it against its manifest: format and version known,
 * every listed file present with its size and sha256, nothing unlisted, and every entity's row
 * count. Anything wrong is `import_archive_invalid` with what was wrong, never a crash.
 */
export function readExportArchive(bytes: Uint8Array): ExportArchive {
  const entries = unzip(bytes);
  const manifest = parseManifest(entries.get(MANIFEST_PATH));

  const listed = new Set<string>();
  for (const file of manifest.files) {
    if (listed.has(file.path)) throw invalid(`${file.path} is listed twice in the manifest`);
    listed.add(file.path);
    const content = entries.get(file.path);
    if (!content) throw invalid(`${file.path} is missing from the archive`);
    if (content.length !== file.size || sha256(content) !== file.sha256)
      throw invalid(`the checksum of ${file.path} does not match the manifest`);
  }
  for (const path of entries.keys()) {
    if (path !== MANIFEST_PATH && !listed.has(path)) throw invalid(`${path} is not listed in the manifest`);
  }

  const rows = new Map<string, unknown[]>();
  for (const entity of manifest.entities) {
    if (rows.has(entity.entity)) throw invalid(`${entity.entity} is listed twice in the manifest`);
    if (entity.file !== dataPath(entity.entity) || !listed.has(entity.file))
      throw invalid(`the data file of ${entity.entity} is missing`);
    const data = parseJson(entries.get(entity.file)!, entity.file);
    if (!Array.isArray(data)) throw invalid(`${entity.file} is not a list of rows`);
    if (data.length !== entity.count)
      throw invalid(`${entity.file} holds ${data.length} rows, the manifest says ${entity.count}`);
    rows.set(entity.entity, data);
  }

  const files = new Map<string, Buffer>();
  for (const [path, content] of entries) {
    if (path.startsWith('files/')) files.set(path, Buffer.from(content.buffer, content.byteOffset, content.byteLength));
  }
  return { manifest, rows, files };
}

function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  let unpacked = 0;
  let unzipped: Record<string, Uint8Array>;
  try {
    unzipped = unzipSync(bytes, {
      filter: (file) => {
        unpacked += file.originalSize;
        if (unpacked > MAX_UNPACKED_BYTES) throw invalid('the archive unpacks to more than 1 GB');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid('the file is not a readable zip archive');
  }
  // Folder entries (names ending in /) carry no data; some zip tools add them when repacking.
  return new Map(Object.entries(unzipped).filter(([name]) => !name.endsWith('/')));
}

function parseManifest(content: Uint8Array | undefined): Manifest {
  if (!content) throw invalid(`${MANIFEST_PATH} is missing: this is not a Clientbox export`);
  const json = parseJson(content, MANIFEST_PATH) as { format?: unknown; format_version?: unknown } | null;
  if (json?.format !== ARCHIVE_FORMAT) throw invalid('this is not a Clientbox export');
  if (json.format_version !== ARCHIVE_FORMAT_VERSION)
    throw invalid(`format version ${String(json.format_version)} is not known to this Clientbox`);
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(`${MANIFEST_PATH}: ${issue.path.join('.') || '(root)'} ${issue.message}`);
  }
  return parsed.data;
}

function parseJson(content: Uint8Array, path: string): unknown {
  try {
    return JSON.parse(strFromU8(content));
  } catch {
    throw invalid(`${path} is not valid JSON`);
  }
}
