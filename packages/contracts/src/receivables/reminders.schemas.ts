import { z } from 'zod';
import { clearable, locale, timestamp } from '../common/fields.ts';
import { listQuery } from '../common/problem.ts';
import { amountInput } from '../documents/document-line.schemas.ts';
import { percentInput } from '../products/products.schemas.ts';

const isoDate = z.iso.date({ message: 'invalid_date' });
const text = (max: number) => z.string().trim().max(max, { message: 'too_long' });

/**
 * `reminder`: a friendly or second reminder; `final_notice`: the aanmaning, the last letter before
 * collection, which states the charges (domain rules §4.5).
 */
export const REMINDER_KINDS = ['reminder', 'final_notice'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * What a late payer is charged (§4.2–4.4): nothing; the law (statutory interest + the €40 floor
 * or the WIK scale); or the tenant's own clause (interest per started month + a surcharge with a
 * minimum), which the law caps for consumers.
 */
export const CHARGE_RULES = ['none', 'statutory', 'clause'] as const;
export type ChargeRule = (typeof CHARGE_RULES)[number];

/** `automatic`: the daily job sends what is due; `review`: what is due waits for someone to send it. */
export const REMINDER_MODES = ['automatic', 'review'] as const;

export const reminderLevel = z.strictObject({
  /** Days after the due date on which this level is sent (at the earliest). */
  days_after_due: z
    .number({ message: 'invalid_number' })
    .int({ message: 'invalid_number' })
    .min(1, { message: 'out_of_range' })
    .max(365, { message: 'out_of_range' }),
  kind: z.enum(REMINDER_KINDS, { message: 'invalid_reminder_kind' }),
  /** The letter states the interest and costs owed on the day it is sent (and invoices them when chosen). */
  include_charges: z.boolean(),
});
export type ReminderLevel = z.infer<typeof reminderLevel>;

export const reminderClause = z.strictObject({
  interest_percent_per_started_month: percentInput,
  costs_percent: percentInput,
  costs_minimum: amountInput,
});

/** The defaults: D+7 friendly reminder, D+21 second reminder, D+35 final notice with the charges (§4.5). */
export const DEFAULT_REMINDER_LEVELS: ReminderLevel[] = [
  { days_after_due: 7, kind: 'reminder', include_charges: false },
  { days_after_due: 21, kind: 'reminder', include_charges: false },
  { days_after_due: 35, kind: 'final_notice', include_charges: true },
];

export const updateReminderSettings = z.strictObject({
  mode: z.enum(REMINDER_MODES, { message: 'invalid_reminder_mode' }).optional(),
  charges: z.enum(CHARGE_RULES, { message: 'invalid_charge_rule' }).optional(),
  clause: reminderClause.optional(),
  /** Also issue an invoice for the charges when a letter that states them is sent. */
  invoice_charges: z.boolean().optional(),
  /** Charged, as an invoice, when the customer's bank returns a direct debit ("0.00": nothing). */
  failed_collection_fee: amountInput.optional(),
  levels: z
    .array(reminderLevel)
    .min(1, { message: 'required' })
    .max(5, { message: 'too_many' })
    .refine((levels) => levels.every((level, i) => i === 0 || level.days_after_due > levels[i - 1]!.days_after_due), {
      message: 'levels_not_ascending',
    })
    .optional(),
});
export type UpdateReminderSettings = z.infer<typeof updateReminderSettings>;

export const reminderSettings = z.object({
  object: z.literal('reminder_settings'),
  mode: z.enum(REMINDER_MODES),
  charges: z.enum(CHARGE_RULES),
  clause: z.object({
    interest_percent_per_started_month: z.string(),
    costs_percent: z.string(),
    costs_minimum: z.string(),
  }),
  invoice_charges: z.boolean(),
  failed_collection_fee: z.string(),
  /** Level n is `levels[n - 1]`. */
  levels: z.array(reminderLevel),
  updated_at: timestamp.nullable(),
});
export type ReminderSettings = z.infer<typeof reminderSettings>;

/** What a reminder states: the open principal and the charges on the day it is reckoned. */
const reminderAmounts = {
  principal_due: z.string(),
  interest: z.string(),
  costs: z.string(),
  total_due: z.string(),
  /** `clause` or `statutory`; null without charges. */
  interest_rule: z.enum(['clause', 'statutory']).nullable(),
};

/** An invoice whose next reminder level has come (the review list and a dry run). */
export const dueReminder = z.object({
  object: z.literal('due_reminder'),
  invoice_id: z.uuid(),
  invoice_number: z.string(),
  customer_id: z.uuid().nullable(),
  customer_name: z.string(),
  due_date: z.string(),
  days_overdue: z.number().int(),
  level: z.number().int(),
  kind: z.enum(REMINDER_KINDS),
  ...reminderAmounts,
  /** Where the e-mail goes; null when the customer has no e-mail address (then it cannot be sent). */
  recipient: z.string().nullable(),
});
export type DueReminder = z.infer<typeof dueReminder>;

export const REMINDER_STATUSES = ['queued', 'sent', 'failed'] as const;

export const reminder = z.object({
  object: z.literal('reminder'),
  id: z.uuid(),
  invoice_id: z.uuid().nullable(),
  invoice_number: z.string(),
  customer_id: z.uuid().nullable(),
  customer_name: z.string(),
  level: z.number().int(),
  kind: z.enum(REMINDER_KINDS),
  /** The day the letter is dated and its amounts are reckoned to. */
  reckoned_on: z.string(),
  language: locale,
  ...reminderAmounts,
  /**
   * For a consumer (art. 6:96 lid 6 BW): this letter is the 14-day letter; collection costs are
   * owed only from the day after `expires_on`.
   */
  fourteen_day_letter: z.object({ expires_on: z.string(), costs: z.string() }).nullable(),
  /** The invoice for the charges, when the tenant invoices them. */
  cost_invoice_id: z.uuid().nullable(),
  recipient: z.string().nullable(),
  status: z.enum(REMINDER_STATUSES),
  sent_at: timestamp.nullable(),
  error: z.string().nullable(),
  /** How it was sent: by the daily job, or by a person from the review list. */
  trigger: z.enum(['daily', 'manual']),
  pdf_url: z.string(),
  created_at: timestamp,
});
export type Reminder = z.infer<typeof reminder>;

export const reminderListQuery = listQuery.extend({
  invoice_id: z.uuid({ message: 'invalid_id' }).optional(),
  customer_id: z.uuid({ message: 'invalid_id' }).optional(),
});
export type ReminderListQuery = z.infer<typeof reminderListQuery>;

/** Send the reminders that are due now: all, or the invoices named (from the review list). */
export const sendReminders = z.strictObject({
  invoice_ids: z
    .array(z.uuid({ message: 'invalid_id' }))
    .min(1, { message: 'required' })
    .max(500)
    .optional(),
});
export type SendReminders = z.infer<typeof sendReminders>;

export const reminderRun = z.object({
  object: z.literal('reminder_run'),
  reckoned_on: z.string(),
  sent: z.array(reminder),
  /** Named invoices that got nothing, with the reason code (`not_due`, `no_email`, `paused`, …). */
  skipped: z.array(z.object({ invoice_id: z.uuid(), reason: z.string() })),
});
export type ReminderRun = z.infer<typeof reminderRun>;

/** A customer whose reminders are held, e.g. during a dispute; recorded with its dates. */
export const createCollectionPause = z.strictObject({
  customer_id: z.uuid({ message: 'invalid_id' }),
  reason: text(500).min(1, { message: 'required' }),
  /** Reminders resume by themselves after this day; left out: until the pause is ended. */
  until: clearable(isoDate),
});
export type CreateCollectionPause = z.infer<typeof createCollectionPause>;

export const collectionPause = z.object({
  object: z.literal('collection_pause'),
  id: z.uuid(),
  customer_id: z.uuid().nullable(),
  reason: z.string(),
  paused_on: z.string(),
  until: z.string().nullable(),
  ended_on: z.string().nullable(),
  /** True on the day asked: started, not ended, `until` not passed. */
  active: z.boolean(),
  created_at: timestamp,
});
export type CollectionPause = z.infer<typeof collectionPause>;

export const collectionPauseListQuery = listQuery.extend({
  customer_id: z.uuid({ message: 'invalid_id' }).optional(),
});

export const COLLECTION_EVENT_KINDS = [
  'reminder',
  'pause_started',
  'pause_ended',
  'payment',
  'direct_debit',
  'direct_debit_returned',
] as const;

/** One line of the collections history of an invoice or customer, oldest first. */
export const collectionEvent = z.object({
  kind: z.enum(COLLECTION_EVENT_KINDS),
  on: z.string(),
  invoice_id: z.uuid().nullable(),
  invoice_number: z.string().nullable(),
  /** Cents as a decimal string where the event has an amount. */
  amount: z.string().nullable(),
  /** Reminder level, return reason code, pause reason, payment method: what the line needs. */
  detail: z.string().nullable(),
  reminder_id: z.uuid().nullable(),
});
export type CollectionEvent = z.infer<typeof collectionEvent>;

export const collectionHistoryQuery = z
  .strictObject({
    invoice_id: z.uuid({ message: 'invalid_id' }).optional(),
    customer_id: z.uuid({ message: 'invalid_id' }).optional(),
  })
  .refine((query) => Boolean(query.invoice_id) !== Boolean(query.customer_id), {
    message: 'invoice_or_customer_required',
    path: ['invoice_id'],
  });

export const collectionHistory = z.object({
  object: z.literal('collection_history'),
  /** The customer's pause that applies today, if any. */
  active_pause: collectionPause.nullable(),
  data: z.array(collectionEvent),
});
export type CollectionHistory = z.infer<typeof collectionHistory>;
