import { AppError } from '../errors/app-error.ts';

/** `If-Match: "3"` (or W/"3") → 3; absent → null (the write is then unconditional). */
export function expectedVersion(header: string | undefined): number | null {
  if (!header) return null;
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(header.trim());
  if (!match) throw new AppError('version_conflict', { detail: 'If-Match must be the version from the ETag.' });
  return Number(match[1]);
}
