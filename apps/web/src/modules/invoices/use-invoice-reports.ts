import type { Revenue, VatReport } from '@clientbox/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/api-client.ts';
import { invoiceKeys } from './use-invoices.ts';

/** Under `invoiceKeys.all`, so whatever refreshes the invoices refreshes their reports too. */
export const invoiceReportKeys = {
  all: [...invoiceKeys.all, 'reports'] as const,
  vat: (period: Period) => [...invoiceReportKeys.all, 'vat', period.from, period.to] as const,
  revenue: (months: number) => [...invoiceReportKeys.all, 'revenue', months] as const,
};

/** Issue dates, both days included (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

export function useVatReport(period: Period, enabled = true) {
  return useQuery({
    queryKey: invoiceReportKeys.vat(period),
    enabled,
    queryFn: () =>
      api<VatReport>('GET', `/api/v1/invoices/vat_report?${new URLSearchParams({ ...period }).toString()}`),
    placeholderData: keepPreviousData,
  });
}

export function useRevenue(months = 12) {
  return useQuery({
    queryKey: invoiceReportKeys.revenue(months),
    queryFn: () => api<Revenue>('GET', `/api/v1/invoices/revenue?months=${months}`),
    staleTime: 60_000,
  });
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The calendar quarter (1–4) of a YYYY-MM-DD date. */
export function quarterOf(date: string): { year: number; quarter: number } {
  return { year: Number(date.slice(0, 4)), quarter: Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 };
}

/** First and last day of a quarter: Q3 2026 → 2026-07-01 … 2026-09-30. */
export function quarterPeriod(year: number, quarter: number): Period {
  const lastMonth = quarter * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return { from: `${year}-${pad(lastMonth - 2)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The quarters before the one `today` is in, newest first: what a VAT return is filed for. */
export function previousQuarters(today: string, count: number): { year: number; quarter: number }[] {
  const current = quarterOf(today);
  const quarters: { year: number; quarter: number }[] = [];
  for (let back = 1; back <= count; back++) {
    const index = current.year * 4 + (current.quarter - 1) - back;
    quarters.push({ year: Math.floor(index / 4), quarter: (index % 4) + 1 });
  }
  return quarters;
}
