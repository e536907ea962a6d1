import { AppError } from '../../../../kernel/errors/app-error.ts';

/** The validator an `If-Match` header carries, without `W/` and quotes; null when absent. */
function validatorOf(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^(?:W\/)?"?([\w-]+)"?$/.exec(header.trim());
  if (!match) throw new AppError('version_conflict', { detail: 'If-Match must be the ETag of the resource.' });
  return match[1]!;
}

/** `If-Match: "3"` → 3; absent → null (the change is then unconditional). */
export function versionFromIfMatch(header: string | undefined): number | null {
  const validator = validatorOf(header);
  if (validator === null) return null;
  if (!/^\d+$/.test(validator)) throw new AppError('version_conflict');
  return Number(validator);
}

/** `If-Match: "a1b2…"` → `a1b2…`; absent → null. */
export function etagFromIfMatch(header: string | undefined): string | null {
  return validatorOf(header);
}

/** 412 when the caller read an older version than the one stored. */
export function assertVersion(expected: number | string | null, current: number | string): void {
  if (expected !== null && expected !== current) throw new AppError('version_conflict');
}
