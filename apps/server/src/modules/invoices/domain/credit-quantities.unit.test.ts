import { describe, expect, it } from 'vitest';
import { creditQuantities, type CreditableLine } from './credit-quantities.ts';

const item = (quantity: string, credited = '0'): CreditableLine => ({ kind: 'item', quantity, credited });
const heading: CreditableLine = { kind: 'heading', quantity: '0', credited: '0' };

describe('credit quantities (domain rules §1.3)', () => {
  it('credits every item line in full when no lines are asked, skipping headings and credited lines', () => {
    const { quantities, issues } = creditQuantities(
      [item('3'), heading, item('2.5', '2.5'), item('2.5', '1')],
      undefined,
    );
    expect(issues).toEqual([]);
    expect([...quantities]).toEqual([
      [0, '3'],
      [3, '1.5'],
    ]);
  });

  it('credits part of a line, and never more than is still uncredited', () => {
    expect([...creditQuantities([item('10', '4')], [{ lineIndex: 0, quantity: '6' }]).quantities]).toEqual([[0, '6']]);
    expect(creditQuantities([item('10', '4')], [{ lineIndex: 0, quantity: '6.0001' }]).issues).toEqual([
      { field: 'lines.0.quantity', code: 'exceeds_uncredited' },
    ]);
    // Asking for the same line twice counts both.
    expect(
      creditQuantities(
        [item('2')],
        [
          { lineIndex: 0, quantity: '1.5' },
          { lineIndex: 0, quantity: '1' },
        ],
      ).issues,
    ).toEqual([{ field: 'lines.1.quantity', code: 'exceeds_uncredited' }]);
  });

  it('names unknown and non-item lines, and refuses an invoice credited in full already', () => {
    expect(creditQuantities([heading], [{ lineIndex: 0 }, { lineIndex: 5 }]).issues).toEqual([
      { field: 'lines.0.line_index', code: 'not_creditable' },
      { field: 'lines.1.line_index', code: 'unknown_line' },
    ]);
    expect(creditQuantities([item('1', '1')], undefined).issues).toEqual([
      { field: 'lines', code: 'exceeds_uncredited' },
    ]);
  });
});
