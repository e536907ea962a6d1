import { describe, expect, it } from 'vitest';
import { fourteenDayLetterTerm, hasFourteenDayTermPassed } from './fourteen-day-letter.ts';

describe('the 14-day letter (domain rules §4.3, art. 6:96 lid 6 BW)', () => {
  it.each([
    ['2026-03-17', 'email', '2026-03-17', '2026-03-31', '2026-04-01'],
    ['2026-03-17', 'post', '2026-03-19', '2026-04-02', '2026-04-03'],
    ['2026-12-20', 'email', '2026-12-20', '2027-01-03', '2027-01-04'],
  ] as const)(
    'sent %s by %s: received %s, term ends %s, costs from %s',
    (sentOn, channel, received, expires, costs) => {
      expect(fourteenDayLetterTerm(sentOn, channel)).toEqual({
        receivedOn: received,
        expiresOn: expires,
        costsDueFrom: costs,
      });
    },
  );

  it.each([
    [null, '2026-05-20', false],
    [undefined, '2026-05-20', false],
    ['2026-03-31', '2026-03-31', false],
    ['2026-03-31', '2026-04-01', true],
  ])('term ending %s, paid %s → costs due: %s', (expiredOn, paidOn, expected) => {
    expect(hasFourteenDayTermPassed(expiredOn, paidOn)).toBe(expected);
  });
});
