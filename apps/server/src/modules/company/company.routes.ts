import { company, updateCompany as updateCompanySchema } from '@clientbox/contracts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { expectedVersion } from '../../kernel/http/if-match.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { getCompany } from './use-cases/get-company.ts';
import { updateCompany } from './use-cases/update-company.ts';
import { findLogo, LOGO_MAX_BYTES, uploadLogo } from './use-cases/upload-logo.ts';

export function registerCompanyRoutes(kernel: Kernel): void {
  kernel.route({
    method: 'GET',
    url: '/api/v1/company',
    access: 'tenant',
    tags: ['Company'],
    summary: "The tenant's company profile",
    response: { status: 200, schema: company },
    handler: async ({ ctx, reply }) => {
      const profile = await getCompany(ctx);
      reply.header('etag', `"${profile.version}"`);
      return profile;
    },
  });

  kernel.route({
    method: 'PATCH',
    url: '/api/v1/company',
    access: 'tenant',
    minimumRole: 'admin',
    tags: ['Company'],
    summary:
      'Change the company profile (only the fields sent; null or "" clears). Send If-Match to avoid lost updates.',
    body: updateCompanySchema,
    response: { status: 200, schema: company },
    errors: [412],
    handler: async ({ ctx, body, request, reply }) => {
      const profile = await updateCompany(ctx, body, expectedVersion(request.headers['if-match']));
      reply.header('etag', `"${profile.version}"`);
      return profile;
    },
  });

  kernel.route({
    method: 'POST',
    url: '/api/v1/company/logo',
    access: 'tenant',
    minimumRole: 'admin',
    tags: ['Company'],
    summary: 'Upload the logo (PNG, JPEG or WebP, at most 2 MB) as multipart field "file"',
    rawBody: { contentType: 'multipart/form-data', description: 'field "file"' },
    bodyLimit: LOGO_MAX_BYTES + 64 * 1024,
    response: { status: 204 },
    errors: [413, 415],
    handler: async ({ ctx, request }) => {
      if (!request.isMultipart())
        throw new AppError('unsupported_media_type', { detail: 'Send multipart/form-data with a "file" field.' });
      const file = await request.file({ limits: { fileSize: LOGO_MAX_BYTES, files: 1 } });
      if (!file)
        throw new AppError('validation_failed', { fields: [{ field: 'file', code: 'required', message: 'required' }] });
      const bytes = await file.toBuffer();
      await uploadLogo(ctx, kernel.storage, { fileName: file.filename, contentType: file.mimetype, bytes });
    },
  });

  kernel.route({
    method: 'GET',
    url: '/api/v1/company/logo',
    access: 'tenant',
    tags: ['Company'],
    summary: 'The logo image',
    response: { status: 200, contentType: 'image/*' },
    handler: async ({ ctx, reply }) => {
      const logo = await findLogo(ctx);
      const stored = logo ? await kernel.storage.get(logo.storageKey) : null;
      if (!logo || !stored) throw new AppError('not_found');
      return reply
        .type(logo.contentType)
        .header('cache-control', 'private, max-age=60')
        .header('x-content-type-options', 'nosniff')
        .send(stored.bytes);
    },
  });
}
