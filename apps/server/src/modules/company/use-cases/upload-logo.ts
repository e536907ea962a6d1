import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../../kernel/audit/audit-log.ts';
import { storedFiles } from '../../../kernel/db/schema.ts';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { FileStorage } from '../../../kernel/storage/index.ts';
import type { TenantContext } from '../../../kernel/tenancy/tenant-context.ts';
import { companyProfiles } from '../company.tables.ts';
import { findOrCreateCompany } from '../company.repository.ts';

/** Raster formats only: an SVG logo could carry script into every page and PDF that shows it. */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

const SIGNATURES: Record<(typeof LOGO_TYPES)[number], (bytes: Buffer) => boolean> = {
  'image/png': (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff,
  'image/webp': (bytes) =>
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP',
};

export function isLogoImage(contentType: string, bytes: Buffer): boolean {
  const type = LOGO_TYPES.find((candidate) => candidate === contentType);
  return type !== undefined && SIGNATURES[type](bytes);
}

export async function uploadLogo(
  ctx: TenantContext,
  storage: FileStorage,
  file: { fileName: string; contentType: string; bytes: Buffer },
): Promise<void> {
  if (!isLogoImage(file.contentType, file.bytes)) {
    throw new AppError('unsupported_media_type', {
      fields: [{ field: 'file', code: 'invalid_image', message: 'PNG, JPEG or WebP image expected' }],
    });
  }
  const company = await findOrCreateCompany(ctx.tx, ctx.tenantId);
  const fileId = await storeLogoFile(ctx, storage, file);
  await ctx.tx
    .update(companyProfiles)
    .set({ logoFileId: fileId, version: company.version + 1, updatedAt: new Date() })
    .where(eq(companyProfiles.tenantId, ctx.tenantId));
  await recordAuditEvent(ctx, {
    action: 'company.logo_uploaded',
    targetType: 'company',
    targetId: company.id,
    details: { file_id: fileId, size: file.bytes.length },
  });
}

/** Keeps the bytes in the file storage with their metadata row; the caller checked them with `isLogoImage`. */
export async function storeLogoFile(
  ctx: Pick<TenantContext, 'tenantId' | 'tx'>,
  storage: FileStorage,
  file: { fileName: string; contentType: string; bytes: Buffer },
): Promise<string> {
  const [stored] = await ctx.tx
    .insert(storedFiles)
    .values({
      tenantId: ctx.tenantId,
      storageKey: '',
      fileName: file.fileName.slice(0, 200),
      contentType: file.contentType,
      sizeBytes: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
    })
    .returning({ id: storedFiles.id });
  const key = `tenants/${ctx.tenantId}/logos/${stored!.id}`;
  await storage.put(key, file.bytes, { contentType: file.contentType });
  await ctx.tx.update(storedFiles).set({ storageKey: key }).where(eq(storedFiles.id, stored!.id));
  return stored!.id;
}

export async function findLogo(ctx: TenantContext): Promise<{ storageKey: string; contentType: string } | null> {
  const company = await findOrCreateCompany(ctx.tx, ctx.tenantId);
  if (!company.logoFileId) return null;
  const [file] = await ctx.tx.select().from(storedFiles).where(eq(storedFiles.id, company.logoFileId));
  return file ? { storageKey: file.storageKey, contentType: file.contentType } : null;
}

/**
 * The logo as a document embeds it (PNG or JPEG only: what a PDF can show without conversion),
 * or null when there is none or it is another type.
 */
export async function getLogoForDocument(
  ctx: TenantContext,
  storage: FileStorage,
): Promise<{ media_type: 'image/png' | 'image/jpeg'; data_base64: string } | null> {
  const logo = await findLogo(ctx);
  if (!logo || (logo.contentType !== 'image/png' && logo.contentType !== 'image/jpeg')) return null;
  const stored = await storage.get(logo.storageKey);
  return stored ? { media_type: logo.contentType, data_base64: Buffer.from(stored.bytes).toString('base64') } : null;
}
