import {
  type ChargeRule,
  DEFAULT_REMINDER_LEVELS,
  formatAmount,
  parseAmount,
  type ReminderLevel,
  type ReminderSettings,
} from '@clientbox/contracts';
import { type ContractualClause, DEFAULT_CONTRACTUAL_CLAUSE } from '../domain/contractual-clause.ts';
import type { ReminderSettingsRow } from './reminders.repository.ts';

/** The schedule and charges as the use cases read them. */
export interface ReminderSchedule {
  mode: 'automatic' | 'review';
  charges: ChargeRule;
  clause: ContractualClause;
  invoiceCharges: boolean;
  failedCollectionFee: bigint;
  levels: ReminderLevel[];
  updatedAt: Date | null;
}

/**
 * Until a tenant changes anything: reminders wait for review (nothing goes to a customer
 * unasked), the law's charges (what any creditor may claim without a clause), and the §4.5
 * schedule D+7, D+21, D+35 with the charges on the final notice.
 */
export const DEFAULT_REMINDER_SCHEDULE: ReminderSchedule = {
  mode: 'review',
  charges: 'statutory',
  clause: DEFAULT_CONTRACTUAL_CLAUSE,
  invoiceCharges: false,
  failedCollectionFee: 0n,
  levels: DEFAULT_REMINDER_LEVELS,
  updatedAt: null,
};

export function scheduleOf(row: ReminderSettingsRow | null): ReminderSchedule {
  if (!row) return DEFAULT_REMINDER_SCHEDULE;
  return {
    mode: row.mode,
    charges: row.charges,
    clause: {
      interest_percent_per_started_month: row.clauseInterestPercent,
      costs_percent: row.clauseCostsPercent,
      costs_minimum: formatAmount(row.clauseCostsMinimum),
    },
    invoiceCharges: row.invoiceCharges,
    failedCollectionFee: row.failedCollectionFee,
    levels: row.levels,
    updatedAt: row.updatedAt,
  };
}

export function rowOf(tenantId: string, schedule: ReminderSchedule): Omit<ReminderSettingsRow, 'updatedAt'> {
  return {
    tenantId,
    mode: schedule.mode,
    charges: schedule.charges,
    clauseInterestPercent: schedule.clause.interest_percent_per_started_month,
    clauseCostsPercent: schedule.clause.costs_percent,
    clauseCostsMinimum: parseAmount(schedule.clause.costs_minimum),
    invoiceCharges: schedule.invoiceCharges,
    failedCollectionFee: schedule.failedCollectionFee,
    levels: schedule.levels,
  };
}

export function presentSchedule(schedule: ReminderSchedule): ReminderSettings {
  return {
    object: 'reminder_settings',
    mode: schedule.mode,
    charges: schedule.charges,
    clause: { ...schedule.clause },
    invoice_charges: schedule.invoiceCharges,
    failed_collection_fee: formatAmount(schedule.failedCollectionFee),
    levels: schedule.levels,
    updated_at: schedule.updatedAt?.toISOString() ?? null,
  };
}
