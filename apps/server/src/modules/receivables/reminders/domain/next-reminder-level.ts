import type { ReminderLevel } from '@clientbox/contracts';
import { addDays, type CalendarDate } from '../../domain/calendar-date.ts';
import { hasFourteenDayTermPassed } from '../../domain/fourteen-day-letter.ts';

/**
 * However late a schedule is switched on, letters follow each other at least a week apart: a
 * customer never gets a first reminder and a final notice in the same week.
 */
export const MINIMUM_DAYS_BETWEEN_LETTERS = 7;

export interface SentLetter {
  level: number;
  reckonedOn: CalendarDate;
  fourteenDayLetterExpiresOn: CalendarDate | null;
}

export interface NextLevelInput {
  levels: readonly ReminderLevel[];
  sent: readonly SentLetter[];
  dueDate: CalendarDate;
  today: CalendarDate;
  /** A consumer under a charging rule: costs need the 14-day letter (art. 6:96 lid 6 BW). */
  needsFourteenDayLetter: boolean;
}

export type NextLevel =
  | { isDue: true; level: number; definition: ReminderLevel; isFourteenDayLetter: boolean }
  | { isDue: false; reason: 'not_due' | 'schedule_done' };

/**
 * The letter an overdue invoice gets today, if any: the level after the last one sent, once its
 * day (due date + days) has come and the previous letter is a week old. For a consumer, a letter
 * that states charges waits until the term of an earlier 14-day letter has passed, so the
 * final notice never goes out without the costs it may claim; when no 14-day letter was sent,
 * the first letter becomes one.
 */
export function nextReminderLevel(input: NextLevelInput): NextLevel {
  const lastLevel = input.sent.reduce((highest, letter) => Math.max(highest, letter.level), 0);
  const definition = input.levels[lastLevel];
  if (!definition) return { isDue: false, reason: 'schedule_done' };
  if (input.today < addDays(input.dueDate, definition.days_after_due)) return { isDue: false, reason: 'not_due' };
  const last = input.sent.find((letter) => letter.level === lastLevel);
  if (last && input.today < addDays(last.reckonedOn, MINIMUM_DAYS_BETWEEN_LETTERS))
    return { isDue: false, reason: 'not_due' };
  const letter = input.sent.find((sent) => sent.fourteenDayLetterExpiresOn !== null);
  if (input.needsFourteenDayLetter && definition.include_charges && letter) {
    if (!hasFourteenDayTermPassed(letter.fourteenDayLetterExpiresOn, input.today))
      return { isDue: false, reason: 'not_due' };
  }
  return {
    isDue: true,
    level: lastLevel + 1,
    definition,
    isFourteenDayLetter: input.needsFourteenDayLetter && !letter,
  };
}

/** A pause holds reminders from its first day through `until` (or until it is ended). */
export function isPauseActive(
  pause: { pausedOn: CalendarDate; until: CalendarDate | null; endedOn: CalendarDate | null },
  on: CalendarDate,
): boolean {
  if (on < pause.pausedOn) return false;
  if (pause.endedOn && on >= pause.endedOn) return false;
  return !pause.until || on <= pause.until;
}
