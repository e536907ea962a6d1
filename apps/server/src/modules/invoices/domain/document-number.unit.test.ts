import { describe, expect, it } from 'vitest';
import { addDays, counterYear, formatDocumentNumber, retentionUntil } from './document-number.ts';

describe('document numbers and dates (domain rules §1.2, §1.3)', () => {
  it.each([
    ['{YYYY}-{seq:05}', '2026-03-02', 123, '2026-00123'],
    ['{YYYY}-{seq:06}', '2026-03-02', 123, '2026-000123'],
    ['C{YYYY}-{seq:05}', '2026-12-31', 1, 'C2026-00001'],
    ['F{seq}', '2026-01-01', 42, 'F42'],
    ['{YYYY}{seq:03}', '2027-01-01', 1000, '20271000'],
  ])('%s on %s, number %i → %s', (format, date, sequence, expected) => {
    expect(formatDocumentNumber(format, date, sequence)).toBe(expected);
  });

  it('restarts the count each year only when the year is in the number', () => {
    expect(counterYear('{YYYY}-{seq:05}', '2026-03-02')).toBe(2026);
    expect(counterYear('F{seq:06}', '2026-03-02')).toBe(0);
  });

  it('keeps an invoice issued on 2026-03-02 until 2033-12-31', () => {
    expect(retentionUntil('2026-03-02')).toBe('2033-12-31');
  });

  it('adds days across months and leap days', () => {
    expect(addDays('2026-03-02', 14)).toBe('2026-03-16');
    expect(addDays('2028-02-20', 10)).toBe('2028-03-01');
  });
});
