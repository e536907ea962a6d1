import type { FileStorage } from '../storage/index.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';

/** What an exporter reads with: the tenant and its transaction (row-level security on). */
export type ExportContext = Pick<TenantContext, 'tenantId' | 'tx'>;

/**
 * What an importer writes with: the tenant transaction of the import request (all importers
 * share it, so an import commits or rolls back as a whole), who imports, and the file storage.
 * Files put here are removed again when the import rolls back.
 */
export type ImportContext = Pick<TenantContext, 'tenantId' | 'tx' | 'actor' | 'meta' | 'role' | 'locale'> & {
  storage: FileStorage;
};

/**
 * A stored file that goes into the archive under `files/<path>`. Rows refer to it by its path in
 * the archive, `storedFilePath(path)` (e.g. `files/company/logo.png`). Its bytes come from the
 * file storage (`storageKey`), or, for documents kept in the database itself (issued invoices'
 * PDF and UBL), are read with the rows (`bytes`).
 */
export type ExportedFile = {
  /** Relative to `files/`, e.g. `company/logo.png`. */
  path: string;
} & ({ storageKey: string } | { bytes: Uint8Array });

/** The archive's stored files by their path in the archive (`files/…`), as the rows refer to them. */
export type ImportedFiles = ReadonlyMap<string, Buffer>;

type JsonRow = Record<string, unknown>;

interface ExporterBase<Row extends JsonRow> {
  /** `<owner>.<things>`, e.g. `company.profile`: names `data/<entity>.json` and `csv/<entity>.csv`. */
  entity: string;
  /** Also write `csv/<entity>.csv` (for spreadsheets); nested values become JSON text. */
  csv?: boolean;
  /** The CSV's columns in order (also its header when there are no rows); by default the rows' keys. */
  columns?: readonly (keyof Row & string)[];
  /** Every row of the tenant, JSON-serializable, without tenant-specific ids where they mean nothing elsewhere. */
  export(ctx: ExportContext): Promise<Row[]>;
  /** The stored files the rows refer to. */
  files?(ctx: ExportContext, rows: Row[]): Promise<ExportedFile[]>;
  /**
   * Entities whose rows these rows refer to, imported first whatever the registration order
   * (deals after the organizations they belong to). Entities this installation lacks are ignored.
   */
  importAfter?: readonly string[];
}

/** Data that another installation cannot take over (people, history): in the archive, never restored. */
export interface ExportOnlyExporter<Row extends JsonRow = JsonRow> extends ExporterBase<Row> {
  import?: undefined;
  hasData?: undefined;
}

/**
 * Data that can be restored into an empty tenant. `hasData` decides what "empty" means for this
 * entity: true when the tenant holds data a user entered (an import would overwrite or mix with it).
 */
export interface ImportableExporter<Row extends JsonRow = JsonRow> extends ExporterBase<Row> {
  hasData(ctx: ExportContext): Promise<boolean>;
  /** Validates `rows` (they come from a file the user uploads) and writes them; throw `import_archive_invalid` on bad rows. */
  import(ctx: ImportContext, rows: unknown[], files: ImportedFiles): Promise<void>;
  /**
   * Runs once every entity of the archive is written (in import order, same transaction), for
   * what may only happen after the rows that refer to these ones: an issued invoice is written
   * as a draft, gets its lines, and only here becomes issued, so the database's immutability
   * trigger stays as strict for an import as for anything else.
   */
  completeImport?(ctx: ImportContext): Promise<void>;
}

export type Exporter<Row extends JsonRow = JsonRow> = ExportOnlyExporter<Row> | ImportableExporter<Row>;

export interface ExportRegistry {
  register<Row extends JsonRow>(exporter: Exporter<Row>): void;
  /** In registration order: the kernel's first, then the modules' in dependency order. */
  list(): readonly Exporter[];
  get(entity: string): Exporter | undefined;
}

const ENTITY = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+$/;

export function isImportable(exporter: Exporter): exporter is ImportableExporter {
  return typeof exporter.import === 'function';
}

/**
 * The order an import writes in: registration order (the kernel's first, then the modules' in
 * dependency order), except that an exporter comes after the entities in its `importAfter`.
 */
export function importOrder<T extends Exporter>(exporters: readonly T[]): T[] {
  const byEntity = new Map(exporters.map((exporter) => [exporter.entity, exporter]));
  const ordered: T[] = [];
  const visiting = new Set<string>();
  const place = (exporter: T) => {
    if (ordered.includes(exporter)) return;
    if (visiting.has(exporter.entity)) throw new Error(`import order: "${exporter.entity}" is in a cycle`);
    visiting.add(exporter.entity);
    for (const entity of exporter.importAfter ?? []) {
      const before = byEntity.get(entity);
      if (before) place(before);
    }
    visiting.delete(exporter.entity);
    ordered.push(exporter);
  };
  for (const exporter of exporters) place(exporter);
  return ordered;
}

/** The exporters of the kernel and the modules; registered at start-up, read by the export job and the import. */
export function createExportRegistry(): ExportRegistry {
  const exporters = new Map<string, Exporter>();
  return {
    register(exporter) {
      if (!ENTITY.test(exporter.entity))
        throw new Error(`export entity "${exporter.entity}" must look like "company.profile"`);
      if (exporters.has(exporter.entity)) throw new Error(`export entity "${exporter.entity}" is registered twice`);
      exporters.set(exporter.entity, exporter as unknown as Exporter);
    },
    list: () => [...exporters.values()],
    get: (entity) => exporters.get(entity),
  };
}
