import type { CalendarDate } from '@clientbox/contracts';
import { type BillingSchedule, gridPeriodContaining } from './billing-periods.ts';
import { type AnnouncedPrice, amountsPerLine, type LineVersion, linesOfRange } from './period-lines.ts';

/** A period as it was invoiced: its days and what each line came to. */
export interface BilledPeriod {
  id: string;
  start: CalendarDate;
  end: CalendarDate;
  amounts: Map<string, bigint>;
}

export interface PeriodAdjustment {
  periodId: string;
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  lineKey: string;
  fromDate: CalendarDate;
  untilDate: CalendarDate;
  amount: bigint;
}

export interface ReconciledPeriod {
  periodId: string;
  amounts: Map<string, bigint>;
  total: bigint;
}

/**
 * What invoiced periods come to now that the lines (or the end date) changed from `from` on,
 * and the difference per line: positive is owed on top, negative is credited. Periods ending
 * before `from` are left alone; a period cut off by the end date counts only its days up to it.
 */
export function reconcileBilledPeriods(
  schedule: BillingSchedule,
  billed: BilledPeriod[],
  versions: LineVersion[],
  prices: AnnouncedPrice[],
  from: CalendarDate,
): { adjustments: PeriodAdjustment[]; periods: ReconciledPeriod[] } {
  const adjustments: PeriodAdjustment[] = [];
  const periods: ReconciledPeriod[] = [];
  for (const period of billed) {
    if (period.end < from) continue;
    const end = schedule.endDate !== null && schedule.endDate < period.end ? schedule.endDate : period.end;
    const now =
      end < period.start
        ? new Map<string, bigint>()
        : amountsPerLine(
            linesOfRange(
              { start: period.start, end, period: gridPeriodContaining(schedule, period.start) },
              versions,
              prices,
            ),
          );
    const keys = new Set([...period.amounts.keys(), ...now.keys()]);
    let changed = false;
    for (const lineKey of keys) {
      const difference = (now.get(lineKey) ?? 0n) - (period.amounts.get(lineKey) ?? 0n);
      if (difference === 0n) continue;
      changed = true;
      adjustments.push({
        periodId: period.id,
        periodStart: period.start,
        periodEnd: period.end,
        lineKey,
        fromDate: from > period.start ? from : period.start,
        untilDate: period.end,
        amount: difference,
      });
    }
    if (changed)
      periods.push({ periodId: period.id, amounts: now, total: [...now.values()].reduce((a, b) => a + b, 0n) });
  }
  return { adjustments, periods };
}
