import type { FastifyReply } from 'fastify';

/** A file kept exactly as it was issued or created (invoice PDF/UBL, quote PDF, SEPA file). */
export interface StoredFile {
  content: Uint8Array;
  sha256: string;
  fileName: string;
}

/**
 * Sends a stored file. Its bytes never change, so their SHA-256 is the ETag: whoever downloads it
 * again can see it is the same file. `inline` opens in the browser (PDF); `attachment` saves it.
 */
export function sendStoredFile(
  reply: FastifyReply,
  file: StoredFile,
  type: string,
  disposition: 'inline' | 'attachment',
): FastifyReply {
  return reply
    .type(type)
    .header('etag', `"${file.sha256}"`)
    .header('content-disposition', `${disposition}; filename="${file.fileName}"`)
    .send(Buffer.from(file.content));
}
