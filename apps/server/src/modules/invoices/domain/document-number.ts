export type NumberedDocumentType = 'invoice' | 'credit_note' | 'quote';

/** The series a tenant starts with: one per year, the year in the number (domain rules §1.2). */
export const DEFAULT_NUMBER_FORMATS: Record<NumberedDocumentType, string> = {
  invoice: '{YYYY}-{seq:05}',
  credit_note: 'C{YYYY}-{seq:05}',
  quote: 'O{YYYY}-{seq:05}',
};

/** A format with the year restarts every year; one without it counts on forever (year 0). */
export function counterYear(format: string, issueDate: string): number {
  return format.includes('{YYYY}') ? Number(issueDate.slice(0, 4)) : 0;
}

/** `{YYYY}-{seq:05}` with 2026 and 123 → `2026-00123`. */
export function formatDocumentNumber(format: string, issueDate: string, sequence: number): string {
  return format
    .replaceAll('{YYYY}', issueDate.slice(0, 4))
    .replace(/\{seq(?::(\d+))?\}/g, (_, width: string | undefined) =>
      String(sequence).padStart(Number(width ?? 1), '0'),
    );
}

/** Retention of an issued invoice: 31 December of the issue year + 7 (art. 52 AWR, domain rules §1.3). */
export function retentionUntil(issueDate: string): string {
  return `${Number(issueDate.slice(0, 4)) + 7}-12-31`;
}

export function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}
