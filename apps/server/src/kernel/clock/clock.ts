import { amsterdamDate } from '@clientbox/contracts';

/**
 * The time the scheduled work reckons with: the reminder run's day, the day its interest is
 * reckoned to. Real time, unless the installation is started with `CLOCK_ADJUSTABLE=true` (tests
 * and demos only): then it can be moved forward by whole days, so that "35 days later" can be
 * shown without waiting 35 days. Legal dates that are facts (an invoice's issue date, a payment's
 * booking date) never come from here.
 */
export interface Clock {
  now(): Date;
  /** Today in Europe/Amsterdam, `YYYY-MM-DD`. */
  today(): string;
  readonly offsetDays: number;
  readonly isAdjustable: boolean;
  setOffsetDays(days: number): void;
}

const DAY_MS = 86_400_000;

export function createClock(isAdjustable: boolean): Clock {
  let offsetDays = 0;
  return {
    now: () => new Date(Date.now() + offsetDays * DAY_MS),
    today() {
      return amsterdamDate(this.now());
    },
    get offsetDays() {
      return offsetDays;
    },
    isAdjustable,
    setOffsetDays(days) {
      if (!isAdjustable) throw new Error('the clock of this installation cannot be moved');
      offsetDays = days;
    },
  };
}
