import { formatAmount, parseAmount } from '@clientbox/contracts';
import { z } from 'zod';

/** The invoices module's entities in the export archive, in import order. */
export const ENTITIES = {
  series: 'invoices.number_series',
  invoices: 'invoices.invoices',
  lines: 'invoices.lines',
  files: 'invoices.files',
  payments: 'invoices.payments',
  counters: 'invoices.number_counters',
} as const;

/** Cents as a decimal string in the archive ("575.77"), as the API writes amounts. */
export const amountText = z.string().refine((value) => {
  try {
    return formatAmount(parseAmount(value)) === value;
  } catch {
    return false;
  }
}, 'not an amount with two decimals');
