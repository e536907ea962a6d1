import { describe, expect, it } from 'vitest';
import { formatDocumentNumber } from './document-number.ts';
import { sequenceInNumber } from './number-sequence.ts';

describe('sequenceInNumber', () => {
  it.each([
    ['{YYYY}-{seq:05}', '2026-00123', 123],
    ['C{YYYY}-{seq:05}', 'C2026-00001', 1],
    ['F.{seq}', 'F.981', 981],
    ['{YYYY}/{seq:3}', '2026/1234', 1234],
    ['{YYYY}-{seq:05}', 'C2026-00001', null],
    ['{YYYY}-{seq:05}', '2026-0012a', null],
    ['F.{seq}', 'Fx981', null],
  ])('%s reads %s as %s', (format, number, expected) => {
    expect(sequenceInNumber(format, number)).toBe(expected);
  });

  it('reads back what formatDocumentNumber wrote', () => {
    for (const format of ['{YYYY}-{seq:05}', 'C{YYYY}-{seq:05}', 'O{YYYY}-{seq:05}', 'INV-{seq:06}'])
      for (const sequence of [1, 42, 99_999, 123_456])
        expect(sequenceInNumber(format, formatDocumentNumber(format, '2026-03-02', sequence))).toBe(sequence);
  });
});
