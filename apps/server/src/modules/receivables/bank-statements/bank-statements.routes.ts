import {
  bankStatement,
  bankStatementDetail,
  bankStatementEntry,
  bankStatementImportResult,
  bankStatementListQuery,
  listOf,
  matchBankStatementEntry,
} from '@clientbox/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../kernel/errors/app-error.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { BANK_STATEMENT_MAX_BYTES, importBankStatement } from './use-cases/import-bank-statement.ts';
import { getBankStatement, listBankStatements } from './use-cases/list-bank-statements.ts';
import { ignoreEntry, matchEntryManually } from './use-cases/resolve-entry.ts';

const idParams = z.strictObject({ id: z.uuid({ message: 'invalid_id' }) });

/** The multipart body of an upload: the statement file in `file`. */
async function readStatementFile(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string | null }> {
  if (!request.isMultipart())
    throw new AppError('unsupported_media_type', { detail: 'Send multipart/form-data with a "file" field.' });
  let bytes: Buffer | null = null;
  let fileName: string | null = null;
  for await (const part of request.parts({ limits: { fileSize: BANK_STATEMENT_MAX_BYTES, files: 1, fields: 2 } })) {
    if (part.type === 'file') {
      bytes = await part.toBuffer();
      fileName = part.filename?.slice(0, 200) || null;
    }
  }
  if (!bytes)
    throw new AppError('validation_failed', { fields: [{ field: 'file', code: 'required', message: 'required' }] });
  return { bytes, fileName };
}

/** Bank statements (camt.053 / MT940, domain rules §5.5): import, matching, the manual queue. */
export function registerBankStatementRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Bank statements'],
    method: 'POST',
    url: '/api/v1/bank_statements',
    summary:
      'Import a camt.053.001.02 or MT940 file (multipart "file"); matches received payments to invoices and books them. ' +
      'Entries imported before are skipped: a second import of the same file answers new_entries 0 and changes nothing.',
    rawBody: { contentType: 'multipart/form-data', description: 'field "file": the camt.053 (XML) or MT940 file' },
    bodyLimit: BANK_STATEMENT_MAX_BYTES + 64 * 1024,
    response: { status: 201, schema: bankStatementImportResult },
    errors: [413, 415, 422],
    handler: async ({ ctx, request }) => {
      const file = await readStatementFile(request);
      return importBankStatement(ctx, file.bytes, file.fileName, { storage: kernel.storage });
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Bank statements'],
    method: 'GET',
    url: '/api/v1/bank_statements',
    summary: 'Imported statements, newest first, with the number of entries per match status',
    query: bankStatementListQuery,
    response: { status: 200, schema: listOf(bankStatement) },
    handler: ({ ctx, query }) => listBankStatements(ctx, query),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Bank statements'],
    method: 'GET',
    url: '/api/v1/bank_statements/:id',
    summary: 'One statement with its entries: booked, suggested, unmatched, returned or ignored, and the invoice',
    params: idParams,
    response: { status: 200, schema: bankStatementDetail },
    handler: ({ ctx, params }) => getBankStatement(ctx, params.id),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Bank statements'],
    method: 'POST',
    url: '/api/v1/bank_statement_entries/:id/match',
    summary: 'Book a suggested or unmatched received amount on an invoice (up to the amount due)',
    params: idParams,
    body: matchBankStatementEntry,
    response: { status: 200, schema: bankStatementEntry },
    errors: [409, 422],
    handler: ({ ctx, params, body }) => matchEntryManually(ctx, params.id, body),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Bank statements'],
    method: 'POST',
    url: '/api/v1/bank_statement_entries/:id/ignore',
    summary: 'Take a suggested or unmatched entry out of the queue: it concerns no invoice',
    params: idParams,
    response: { status: 200, schema: bankStatementEntry },
    errors: [409],
    handler: ({ ctx, params }) => ignoreEntry(ctx, params.id),
  });
}
