import { DEFAULT_PAYMENT_TERM_DAYS, updateCompany } from '@clientbox/contracts';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../kernel/db/database.ts';
import { storedFiles } from '../../kernel/db/schema.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { storedFilePath } from '../../kernel/export/archive-format.ts';
import type { ImportableExporter } from '../../kernel/export/export-registry.ts';
import { toCompanyChanges } from './company.dto.ts';
import {
  type CompanyRow,
  findCompany,
  findOrCreateCompany,
  initialCompanyValues,
  updateCompanyRow,
} from './company.repository.ts';
import { isLogoImage, storeLogoFile } from './use-cases/upload-logo.ts';

/** The profile's own fields, as the API names them; what an import may restore. */
const FIELDS = {
  legal_name: 'legalName',
  trading_name: 'tradingName',
  street: 'street',
  postal_code: 'postalCode',
  city: 'city',
  country: 'country',
  kvk_number: 'kvkNumber',
  vat_number: 'vatNumber',
  iban: 'iban',
  bic: 'bic',
  sepa_creditor_id: 'sepaCreditorId',
  email: 'email',
  phone: 'phone',
  website: 'website',
  default_payment_term_days: 'defaultPaymentTermDays',
} as const satisfies Record<string, keyof CompanyRow>;
type Field = keyof typeof FIELDS;

type CompanyProfileRow = { [field in Field]: CompanyRow[(typeof FIELDS)[field]] } & {
  /** Path of the logo in the archive (`files/company/logo.png`), or null. */
  logo_file: string | null;
  logo_file_name: string | null;
  logo_content_type: string | null;
  updated_at: string;
};

const LOGO_EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };

/** A row from an uploaded archive: the same rules as a PATCH of the profile, so nothing invalid gets in. */
const importedRow = updateCompany.extend({
  legal_name: z.string().trim().min(1, { message: 'required' }).max(200, { message: 'too_long' }),
  logo_file: z.string().nullable(),
  logo_file_name: z.string().nullable(),
  logo_content_type: z.string().nullable(),
  updated_at: z.string().optional(),
});

async function findLogoFile(tx: Tx, row: CompanyRow) {
  if (!row.logoFileId) return null;
  const [file] = await tx
    .select()
    .from(storedFiles)
    .where(and(eq(storedFiles.tenantId, row.tenantId), eq(storedFiles.id, row.logoFileId)));
  return file ?? null;
}

function invalid(detail: string): AppError {
  return new AppError('import_archive_invalid', { detail: `company.profile: ${detail}` });
}

/**
 * The company profile and its logo (terms art. 17), exported and restored. "Empty", for an
 * import, is the profile as the first read creates it: name, address and KvK number from the
 * sign-up, the default payment term of 14 days, every other field blank, and no logo. Anything
 * a user entered counts as data.
 */
export const companyProfileExporter: ImportableExporter<CompanyProfileRow> = {
  entity: 'company.profile',
  csv: true,
  columns: [...(Object.keys(FIELDS) as Field[]), 'logo_file', 'logo_file_name', 'logo_content_type', 'updated_at'],

  async export({ tenantId, tx }) {
    const row = await findCompany(tx, tenantId);
    if (!row) return [];
    const logo = await findLogoFile(tx, row);
    const fields = Object.fromEntries(Object.entries(FIELDS).map(([field, column]) => [field, row[column]]));
    return [
      {
        ...(fields as { [field in Field]: CompanyRow[(typeof FIELDS)[field]] }),
        logo_file: logo ? storedFilePath(`company/logo.${LOGO_EXTENSIONS[logo.contentType] ?? 'bin'}`) : null,
        logo_file_name: logo?.fileName ?? null,
        logo_content_type: logo?.contentType ?? null,
        updated_at: row.updatedAt.toISOString(),
      },
    ];
  },

  async files({ tenantId, tx }) {
    const row = await findCompany(tx, tenantId);
    const logo = row ? await findLogoFile(tx, row) : null;
    if (!logo) return [];
    return [{ path: `company/logo.${LOGO_EXTENSIONS[logo.contentType] ?? 'bin'}`, storageKey: logo.storageKey }];
  },

  async hasData({ tenantId, tx }) {
    const row = await findCompany(tx, tenantId);
    if (!row) return false;
    const initial: Partial<Record<keyof CompanyRow, unknown>> = {
      defaultPaymentTermDays: DEFAULT_PAYMENT_TERM_DAYS,
      ...(await initialCompanyValues(tx, tenantId)),
    };
    const isAsCreated =
      row.logoFileId === null &&
      Object.values(FIELDS).every(
        (column) => row[column] === (initial[column] ?? null) || (column === 'legalName' && row.legalName === ''),
      );
    return !isAsCreated;
  },

  async import(ctx, rows, files) {
    if (rows.length === 0) return;
    if (rows.length > 1) throw invalid('an account has one company profile');
    const parsed = importedRow.safeParse(rows[0]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalid(`${issue.path.join('.')}: ${issue.message}`);
    }
    const {
      logo_file: logoFile,
      logo_file_name: logoFileName,
      logo_content_type: contentType,
      ...fields
    } = parsed.data;
    let logoFileId: string | null = null;
    if (logoFile) {
      const bytes = files.get(logoFile);
      if (!bytes) throw invalid(`${logoFile} is not in the archive`);
      if (!contentType || !isLogoImage(contentType, bytes))
        throw invalid(`${logoFile} is not a PNG, JPEG or WebP image`);
      logoFileId = await storeLogoFile(ctx, ctx.storage, { fileName: logoFileName ?? 'logo', contentType, bytes });
    }
    const current = await findOrCreateCompany(ctx.tx, ctx.tenantId);
    await updateCompanyRow(ctx.tx, ctx.tenantId, { ...toCompanyChanges(fields), logoFileId }, current.version);
  },
};
