import { describe, expect, it } from 'vitest';
import { isRevisable, quoteStatusOf, type QuoteState, responseRefusal, sentStatusOf } from './quote-status.ts';
import { isExcluded, selectionIssues } from './optional-lines.ts';

const TODAY = '2026-06-15';
const state = (status: QuoteState['status'], validUntil: string | null, superseded = false): QuoteState => ({
  status,
  validUntil,
  supersededAt: superseded ? new Date('2026-06-01T10:00:00Z') : null,
});

describe('quote status (computed: expired and superseded are never stored)', () => {
  it.each([
    // stored, valid until, superseded → status, refusal to answer, revisable
    ['draft', null, false, 'draft', 'quote_not_found', false],
    ['sent', '2026-06-15', false, 'sent', null, true],
    ['sent', '2026-06-14', false, 'expired', 'quote_expired', true],
    ['viewed', '2026-07-01', false, 'viewed', null, true],
    ['viewed', '2026-06-01', false, 'expired', 'quote_expired', true],
    ['accepted', '2026-06-01', false, 'accepted', 'quote_already_accepted', false],
    ['declined', '2026-07-01', false, 'declined', 'quote_already_declined', true],
    ['sent', '2026-07-01', true, 'superseded', 'quote_superseded', false],
    ['declined', '2026-07-01', true, 'superseded', 'quote_superseded', false],
  ] as const)(
    '%s until %s (superseded %s) → %s, refusal %s, revisable %s',
    (stored, until, superseded, status, refusal, revisable) => {
      const quote = state(stored, until, superseded);
      expect(quoteStatusOf(quote, TODAY)).toBe(status);
      expect(responseRefusal(quote, TODAY)).toBe(refusal);
      expect(isRevisable(quote)).toBe(revisable);
    },
  );
});

describe('the stored status of a sent version follows from what happened to it', () => {
  const at = '2026-06-01T10:00:00.000Z';
  it.each([
    // viewed, accepted, declined → stored status
    [null, null, null, 'sent'],
    [at, null, null, 'viewed'],
    [at, at, null, 'accepted'],
    [null, at, null, 'accepted'],
    [at, null, at, 'declined'],
  ] as const)('viewed %s, accepted %s, declined %s → %s', (viewedAt, acceptedAt, declinedAt, status) => {
    expect(sentStatusOf({ viewedAt, acceptedAt, declinedAt })).toBe(status);
  });
});

describe('optional lines', () => {
  const lines = [
    { kind: 'heading', isOptional: false },
    { kind: 'item', isOptional: false },
    { kind: 'item', isOptional: true },
    { kind: 'item', isOptional: true },
  ] as const;

  it('leaves an optional line out of the total until it is ticked', () => {
    expect(lines.map((line, index) => isExcluded(line, index, null))).toEqual([false, false, true, true]);
    expect(lines.map((line, index) => isExcluded(line, index, [3]))).toEqual([false, false, true, false]);
  });

  it('names every wrong pick by its position in the list', () => {
    expect(selectionIssues(lines, [2, 3])).toEqual([]);
    expect(selectionIssues(lines, [1, 9, 2, 2, 0])).toEqual([
      { position: 0, code: 'not_an_optional_line' },
      { position: 1, code: 'unknown_line' },
      { position: 3, code: 'duplicate_line' },
      { position: 4, code: 'not_an_optional_line' },
    ]);
  });
});
