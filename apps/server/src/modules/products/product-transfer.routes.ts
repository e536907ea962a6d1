import {
  type ProductImportMapping,
  productExportQuery,
  productImportMapping,
  productImportPreview,
  productImportQuery,
  productImportResult,
} from '@clientbox/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../kernel/errors/app-error.ts';
import { validationError } from '../../kernel/errors/problem-response.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { exportProducts } from './use-cases/export-products.ts';
import { importProducts, previewProductImport } from './use-cases/import-products.ts';
import { IMPORT_MAX_BYTES } from './use-cases/plan-product-import.ts';

/** The multipart body of an import: the CSV in `file`, and optionally `mapping` as JSON text. */
async function readImportBody(
  request: FastifyRequest,
): Promise<{ bytes: Buffer; fileName: string | null; mapping: ProductImportMapping | undefined }> {
  if (!request.isMultipart())
    throw new AppError('unsupported_media_type', { detail: 'Send multipart/form-data with a "file" field.' });
  let bytes: Buffer | null = null;
  let fileName: string | null = null;
  let mappingText: string | null = null;
  for await (const part of request.parts({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 4 } })) {
    if (part.type === 'file') {
      bytes = await part.toBuffer();
      fileName = part.filename?.slice(0, 200) || null;
    } else if (part.fieldname === 'mapping' && typeof part.value === 'string' && part.value.trim()) {
      mappingText = part.value;
    }
  }
  if (!bytes)
    throw new AppError('validation_failed', { fields: [{ field: 'file', code: 'required', message: 'required' }] });
  if (mappingText === null) return { bytes, fileName, mapping: undefined };
  let json: unknown;
  try {
    json = JSON.parse(mappingText);
  } catch {
    throw new AppError('validation_failed', {
      fields: [{ field: 'mapping', code: 'invalid_json', message: 'mapping is not JSON' }],
    });
  }
  const parsed = productImportMapping.safeParse(json);
  if (!parsed.success) throw validationError(parsed.error, ['mapping']);
  return { bytes, fileName, mapping: parsed.data };
}

/** Spreadsheet export of the (filtered) list, and CSV import with a preview step. */
export function registerProductTransferRoutes(kernel: Kernel): void {
  kernel.route({
    method: 'GET',
    url: '/api/v1/products/export',
    access: 'tenant',
    entitlement: 'products',
    tags: ['Products'],
    summary:
      'The (filtered) product list as CSV (UTF-8, comma-separated) or XLSX; the columns import again as they are',
    query: productExportQuery,
    response: { status: 200, contentType: 'text/csv' },
    handler: async ({ ctx, query, reply }) => {
      const file = await exportProducts(ctx, query);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  });

  kernel.route({
    method: 'POST',
    url: '/api/v1/products/import',
    access: 'tenant',
    entitlement: 'products',
    tags: ['Products'],
    summary:
      'Import products from a CSV (multipart "file", optional "mapping" JSON: field → column header). ' +
      '?preview=true checks and writes nothing; mode all_or_nothing (422 on any bad row) or valid_rows. ' +
      'A row whose code exists updates that product.',
    query: productImportQuery,
    rawBody: { contentType: 'multipart/form-data', description: 'field "file": the CSV; field "mapping": JSON' },
    bodyLimit: IMPORT_MAX_BYTES + 64 * 1024,
    response: { status: 200, schema: productImportPreview.or(productImportResult) },
    errors: [413, 415, 422],
    handler: async ({ ctx, query, request }) => {
      const body = await readImportBody(request);
      if (query.preview) return previewProductImport(ctx, body.bytes, body.mapping);
      return importProducts(ctx, body.bytes, { mapping: body.mapping, mode: query.mode, fileName: body.fileName });
    },
  });
}
