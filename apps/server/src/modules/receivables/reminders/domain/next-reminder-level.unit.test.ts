import { DEFAULT_REMINDER_LEVELS } from '@clientbox/contracts';
import { describe, expect, it } from 'vitest';
import { isPauseActive, nextReminderLevel, type NextLevelInput } from './next-reminder-level.ts';

const base: NextLevelInput = {
  levels: DEFAULT_REMINDER_LEVELS,
  sent: [],
  dueDate: '2026-03-16',
  today: '2026-03-23',
  needsFourteenDayLetter: false,
};

describe('nextReminderLevel', () => {
  it('level 1 from due + 7 days, not before', () => {
    expect(nextReminderLevel({ ...base, today: '2026-03-22' })).toEqual({ isDue: false, reason: 'not_due' });
    expect(nextReminderLevel(base)).toMatchObject({ isDue: true, level: 1, isFourteenDayLetter: false });
  });

  it('the next level after the last one sent, on its own day', () => {
    const sent = [{ level: 1, reckonedOn: '2026-03-23', fourteenDayLetterExpiresOn: null }];
    expect(nextReminderLevel({ ...base, sent, today: '2026-04-05' })).toMatchObject({ isDue: false });
    expect(nextReminderLevel({ ...base, sent, today: '2026-04-06' })).toMatchObject({ isDue: true, level: 2 });
  });

  it('a schedule switched on late still keeps a week between letters', () => {
    const sent = [{ level: 1, reckonedOn: '2026-06-01', fourteenDayLetterExpiresOn: null }];
    expect(nextReminderLevel({ ...base, sent, today: '2026-06-07' })).toMatchObject({ isDue: false });
    expect(nextReminderLevel({ ...base, sent, today: '2026-06-08' })).toMatchObject({ isDue: true, level: 2 });
  });

  it('after the last level nothing more', () => {
    const sent = [1, 2, 3].map((level) => ({ level, reckonedOn: '2026-04-20', fourteenDayLetterExpiresOn: null }));
    expect(nextReminderLevel({ ...base, sent, today: '2027-01-01' })).toEqual({
      isDue: false,
      reason: 'schedule_done',
    });
  });

  it('consumer: the first letter is the 14-day letter; the final notice waits for its term to pass', () => {
    const consumer = { ...base, needsFourteenDayLetter: true };
    expect(nextReminderLevel(consumer)).toMatchObject({ isDue: true, level: 1, isFourteenDayLetter: true });
    const sent = [
      { level: 1, reckonedOn: '2026-03-23', fourteenDayLetterExpiresOn: '2026-04-06' },
      { level: 2, reckonedOn: '2026-04-06', fourteenDayLetterExpiresOn: null },
    ];
    expect(nextReminderLevel({ ...consumer, sent, today: '2026-04-20' })).toMatchObject({
      isDue: true,
      level: 3,
      isFourteenDayLetter: false,
    });
    const lateLetter = [
      { level: 1, reckonedOn: '2026-03-23', fourteenDayLetterExpiresOn: null },
      { level: 2, reckonedOn: '2026-04-10', fourteenDayLetterExpiresOn: '2026-04-24' },
    ];
    expect(nextReminderLevel({ ...consumer, sent: lateLetter, today: '2026-04-24' })).toMatchObject({ isDue: false });
    expect(nextReminderLevel({ ...consumer, sent: lateLetter, today: '2026-04-25' })).toMatchObject({ level: 3 });
  });
});

describe('isPauseActive', () => {
  it('from its first day through until, or until ended', () => {
    const pause = { pausedOn: '2026-04-01', until: '2026-04-30', endedOn: null };
    expect(isPauseActive(pause, '2026-03-31')).toBe(false);
    expect(isPauseActive(pause, '2026-04-01')).toBe(true);
    expect(isPauseActive(pause, '2026-04-30')).toBe(true);
    expect(isPauseActive(pause, '2026-05-01')).toBe(false);
    expect(isPauseActive({ ...pause, until: null, endedOn: '2026-04-10' }, '2026-04-10')).toBe(false);
    expect(isPauseActive({ ...pause, until: null }, '2027-01-01')).toBe(true);
  });
});
