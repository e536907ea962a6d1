import {
  type OrganizationImportMapping,
  organizationImportMapping,
  organizationImportPreview,
  organizationImportQuery,
  organizationImportResult,
} from '@clientbox/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../kernel/errors/app-error.ts';
import { validationError } from '../../../kernel/errors/problem-response.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import {
  importOrganizations,
  ORGANIZATION_IMPORT_MAX_BYTES,
  previewOrganizationImport,
} from './use-cases/import-organizations.ts';

/** The multipart body of an import: the CSV in `file`, and optionally `mapping` as JSON text. */
async function readImportBody(
  request: FastifyRequest,
): Promise<{ bytes: Buffer; fileName: string | null; mapping: OrganizationImportMapping | undefined }> {
  if (!request.isMultipart())
    throw new AppError('unsupported_media_type', { detail: 'Send multipart/form-data with a "file" field.' });
  let bytes: Buffer | null = null;
  let fileName: string | null = null;
  let mappingText: string | null = null;
  for await (const part of request.parts({
    limits: { fileSize: ORGANIZATION_IMPORT_MAX_BYTES, files: 1, fields: 4 },
  })) {
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
  const parsed = organizationImportMapping.safeParse(json);
  if (!parsed.success) throw validationError(parsed.error, ['mapping']);
  return { bytes, fileName, mapping: parsed.data };
}

/** CSV import of organizations with a preview step. */
export function registerOrganizationTransferRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    tags: ['Organizations'],
    method: 'POST',
    url: '/api/v1/organizations/import',
    summary:
      'Import organizations from a CSV (multipart "file", optional "mapping" JSON: field → column header). ' +
      'Each row is checked like POST /api/v1/organizations. ?preview=true checks and writes nothing; ' +
      'mode all_or_nothing (422 on any bad row) or valid_rows.',
    query: organizationImportQuery,
    rawBody: { contentType: 'multipart/form-data', description: 'field "file": the CSV; field "mapping": JSON' },
    bodyLimit: ORGANIZATION_IMPORT_MAX_BYTES + 64 * 1024,
    response: { status: 200, schema: organizationImportPreview.or(organizationImportResult) },
    errors: [413, 415, 422],
    handler: async ({ ctx, query, request }) => {
      const body = await readImportBody(request);
      if (query.preview) return previewOrganizationImport(body.bytes, body.mapping);
      return importOrganizations(ctx, body.bytes, { mapping: body.mapping, mode: query.mode, fileName: body.fileName });
    },
  });
}
