import { addDays, daysBetween } from '@clientbox/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BillingSchedule,
  dueRanges,
  firstPeriodStartOnOrAfter,
  gridPeriodContaining,
  invoiceDateOf,
  nextInvoiceDate,
} from './billing-periods.ts';

const day = fc.integer({ min: 0, max: 3000 }).map((offset) => addDays('2024-01-01', offset));

const schedule: fc.Arbitrary<BillingSchedule> = fc
  .record({
    intervalMonths: fc.oneof(fc.constantFrom(1, 3, 12), fc.integer({ min: 1, max: 36 })),
    billing: fc.constantFrom('advance' as const, 'arrears' as const),
    alignment: fc.constantFrom('start_date' as const, 'calendar' as const),
    invoiceDaysBefore: fc.integer({ min: 0, max: 60 }),
    startDate: day,
    length: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
    lateRule: fc.boolean(),
  })
  .map(({ length, lateRule, ...rest }) => ({
    ...rest,
    invoiceDateRule:
      rest.billing === 'advance' ? (lateRule ? 'days_before' : 'first_day') : lateRule ? 'last_day' : 'day_after',
    endDate: length === null ? null : addDays(rest.startDate, length),
  }));

describe('billing periods', () => {
  it('a period contains its day and the next one starts the day after it ends', () => {
    fc.assert(
      fc.property(schedule, fc.integer({ min: 0, max: 2000 }), (s, offset) => {
        const date = addDays(s.startDate, offset);
        const period = gridPeriodContaining(s, date);
        expect(period.start <= date && date <= period.end).toBe(true);
        expect(period.days).toBe(daysBetween(period.start, period.end) + 1);
        expect(gridPeriodContaining(s, addDays(period.end, 1)).start).toBe(addDays(period.end, 1));
      }),
    );
  });

  it('due ranges run without gap or overlap from the start, stop at the end date, and leave nothing due behind', () => {
    fc.assert(
      fc.property(schedule, fc.integer({ min: -100, max: 2500 }), (s, offset) => {
        const today = addDays(s.startDate, offset);
        const ranges = dueRanges(s, s.startDate, today);
        let expectedStart = s.startDate;
        for (const range of ranges) {
          expect(range.start).toBe(expectedStart);
          expect(range.end >= range.start).toBe(true);
          expect(range.period.start <= range.start && range.end <= range.period.end).toBe(true);
          if (s.endDate) expect(range.end <= s.endDate).toBe(true);
          expect(invoiceDateOf(s, range) <= today).toBe(true);
          expectedStart = addDays(range.end, 1);
        }
        const next = nextInvoiceDate(s, expectedStart);
        if (ranges.length < 120) expect(next === null || next > today).toBe(true);
        if (next === null) expect(s.endDate !== null && expectedStart > s.endDate).toBe(true);
      }),
    );
  });

  it('billing in several runs on rising days bills exactly what one run on the last day would', () => {
    fc.assert(
      fc.property(schedule, fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 8 }), (s, jumps) => {
        let cursor = s.startDate;
        let today = addDays(s.startDate, -30);
        const billed: string[] = [];
        for (const jump of jumps) {
          today = addDays(today, jump);
          for (const range of dueRanges(s, cursor, today)) {
            billed.push(range.start);
            cursor = addDays(range.end, 1);
          }
        }
        expect(new Set(billed).size).toBe(billed.length);
        expect(billed).toEqual(dueRanges(s, s.startDate, today).map((range) => range.start));
      }),
    );
  });

  it('keeps the day of the month without drifting: 31 January, 28 February, 31 March', () => {
    const s: BillingSchedule = {
      intervalMonths: 1,
      billing: 'advance',
      alignment: 'start_date',
      invoiceDateRule: 'first_day',
      invoiceDaysBefore: 0,
      startDate: '2027-01-31',
      endDate: null,
    };
    expect(dueRanges(s, s.startDate, '2027-04-01').map((range) => [range.start, range.end])).toEqual([
      ['2027-01-31', '2027-02-27'],
      ['2027-02-28', '2027-03-30'],
      ['2027-03-31', '2027-04-29'],
    ]);
  });

  it('calendar quarters: a short first period up to the quarter end, then whole quarters', () => {
    const s: BillingSchedule = {
      intervalMonths: 3,
      billing: 'advance',
      alignment: 'calendar',
      invoiceDateRule: 'days_before',
      invoiceDaysBefore: 14,
      startDate: '2027-02-15',
      endDate: null,
    };
    const ranges = dueRanges(s, s.startDate, '2027-03-18');
    expect(ranges.map((range) => [range.start, range.end, range.period.days])).toEqual([
      ['2027-02-15', '2027-03-31', 90],
      ['2027-04-01', '2027-06-30', 91],
    ]);
    expect(invoiceDateOf(s, ranges[1]!)).toBe('2027-03-18');
    expect(firstPeriodStartOnOrAfter(s, '2027-05-10')).toBe('2027-07-01');
  });

  it('in arrears the invoice comes the day after the period, and the last one after the end date', () => {
    const s: BillingSchedule = {
      intervalMonths: 1,
      billing: 'arrears',
      alignment: 'calendar',
      invoiceDateRule: 'day_after',
      invoiceDaysBefore: 0,
      startDate: '2027-01-01',
      endDate: '2027-02-10',
    };
    const ranges = dueRanges(s, s.startDate, '2027-12-31');
    expect(ranges.map((range) => [range.start, range.end, invoiceDateOf(s, range)])).toEqual([
      ['2027-01-01', '2027-01-31', '2027-02-01'],
      ['2027-02-01', '2027-02-10', '2027-02-11'],
    ]);
  });
});
