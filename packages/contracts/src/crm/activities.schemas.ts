import { z } from 'zod';
import { clearable, timestamp, uuid } from '../common/fields.ts';
import { listQuery } from '../common/problem.ts';

const text = (max: number) => z.string().trim().max(max, { message: 'too_long' });
const requiredText = (max: number) => text(max).min(1, { message: 'required' });

/** A legal/calendar date, `YYYY-MM-DD`. */
const calendarDate = z.iso.date({ message: 'invalid_date' });
/** Euros as a decimal string, at most 2 decimals (`"1210.00"`); never negative for a deal. */
export const dealValue = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, { message: 'invalid_amount' });
/** A whole percentage as a decimal string, "0" to "100" (API convention: percentages are strings). */
export const probabilityPercentage = z
  .string()
  .trim()
  .regex(/^(100|[1-9]?\d)$/, { message: 'invalid_percentage' });

const cursorQuery = listQuery.extend({ starting_after: uuid.optional() });
/** `me` (the logged-in user) or a user id. */
const userFilter = z.union([z.literal('me'), uuid]);

export const activityIdParams = z.strictObject({ id: uuid });

/** Who wrote or is responsible, with the name as it was (a removed colleague keeps their name). */
export const activityUser = z.object({ user_id: z.uuid().nullable(), name: z.string().nullable() });
export type ActivityUser = z.infer<typeof activityUser>;

// ── Timeline ────────────────────────────────────────────────────────────────────────────────

/** What a person writes on the timeline: a note or a contact moment (call, visit, e-mail). */
export const NOTE_KINDS = ['note', 'call', 'visit', 'email'] as const;
export const noteKind = z.enum(NOTE_KINDS);
export type NoteKind = z.infer<typeof noteKind>;

export const timelineItem = z.object({
  object: z.literal('timeline_item'),
  id: z.uuid(),
  organization_id: z.uuid().nullable(),
  person_id: z.uuid().nullable(),
  /** A note kind, or what another module added (`quote.sent`, `invoice.paid`, `call.ended` …). */
  kind: z.string(),
  body: z.string(),
  occurred_at: timestamp,
  author: activityUser.nullable(),
  /** The record another module added this item for; null for notes written on the timeline. */
  source: z.object({ type: z.string(), id: z.string() }).nullable(),
  details: z.record(z.string(), z.unknown()),
  /** Written on the timeline itself: its author or an admin may change or delete it. */
  is_note: z.boolean(),
  /** The version for `If-Match` (also the `ETag` header). */
  etag: z.string(),
  created_at: timestamp,
});
export type TimelineItem = z.infer<typeof timelineItem>;

export const createNote = z
  .strictObject({
    organization_id: uuid.optional(),
    person_id: uuid.optional(),
    kind: noteKind.default('note'),
    body: requiredText(10_000),
    occurred_at: timestamp.optional(),
  })
  .superRefine((note, issues) => {
    if (Boolean(note.organization_id) === Boolean(note.person_id))
      issues.addIssue({ code: 'custom', path: ['organization_id'], message: 'one_relation_required' });
  });
export type CreateNote = z.infer<typeof createNote>;

export const updateNote = z.strictObject({
  kind: noteKind.optional(),
  body: requiredText(10_000).optional(),
  occurred_at: timestamp.optional(),
});
export type UpdateNote = z.infer<typeof updateNote>;

export const timelineQuery = cursorQuery;

// ── Tasks and call-back requests ────────────────────────────────────────────────────────────

export const TASK_KINDS = ['task', 'callback'] as const;
export const taskKind = z.enum(TASK_KINDS);
export type TaskKind = z.infer<typeof taskKind>;

export const task = z.object({
  object: z.literal('task'),
  id: z.uuid(),
  kind: taskKind,
  title: z.string(),
  description: z.string().nullable(),
  due_on: z.string().nullable(),
  assignee: activityUser.nullable(),
  organization_id: z.uuid().nullable(),
  organization_name: z.string().nullable(),
  person_id: z.uuid().nullable(),
  person_name: z.string().nullable(),
  is_done: z.boolean(),
  done_at: timestamp.nullable(),
  created_by: activityUser.nullable(),
  version: z.number().int(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Task = z.infer<typeof task>;

export const createTask = z.strictObject({
  kind: taskKind.default('task'),
  title: requiredText(200),
  description: clearable(text(5_000)),
  due_on: clearable(calendarDate),
  /** A member of the tenant; the logged-in user when left out. */
  assignee_user_id: uuid.optional(),
  organization_id: clearable(uuid),
  person_id: clearable(uuid),
});
export type CreateTask = z.input<typeof createTask>;

export const updateTask = z.strictObject({
  kind: taskKind.optional(),
  title: requiredText(200).optional(),
  description: clearable(text(5_000)),
  due_on: clearable(calendarDate),
  assignee_user_id: uuid.optional(),
  organization_id: clearable(uuid),
  person_id: clearable(uuid),
  /** Marks the task done (true) or open again (false). */
  done: z.boolean().optional(),
});
export type UpdateTask = z.infer<typeof updateTask>;

export const taskQuery = cursorQuery.extend({
  assignee: userFilter.optional(),
  created_by: userFilter.optional(),
  status: z.enum(['open', 'done']).optional(),
  organization_id: uuid.optional(),
  person_id: uuid.optional(),
});
export type TaskQuery = z.input<typeof taskQuery>;

/** Open tasks of one assignee: what the navigation counts. Dates in Europe/Amsterdam. */
export const taskSummary = z.object({
  object: z.literal('task_summary'),
  open: z.number().int(),
  overdue: z.number().int(),
  due_today: z.number().int(),
});
export type TaskSummary = z.infer<typeof taskSummary>;
export const taskSummaryQuery = z.strictObject({ assignee: userFilter.default('me') });

// ── Sales pipeline ──────────────────────────────────────────────────────────────────────────

/** Exactly the won and lost stages close a deal. */
export const DEAL_OUTCOMES = ['open', 'won', 'lost'] as const;
export const dealOutcome = z.enum(DEAL_OUTCOMES);
export type DealOutcome = z.infer<typeof dealOutcome>;

export const dealStage = z.object({
  object: z.literal('deal_stage'),
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  probability: z.string(),
  outcome: dealOutcome,
  deal_count: z.number().int(),
});
export type DealStage = z.infer<typeof dealStage>;

export const createDealStage = z.strictObject({
  name: requiredText(80),
  /** Defaults to 100 for a won stage and 0 otherwise. */
  probability: probabilityPercentage.optional(),
  outcome: dealOutcome.default('open'),
  /** Place in the pipeline (0 is first); at the end when left out. */
  position: z.number().int().min(0).max(1_000).optional(),
});
export type CreateDealStage = z.input<typeof createDealStage>;

export const updateDealStage = z.strictObject({
  name: requiredText(80).optional(),
  probability: probabilityPercentage.optional(),
  outcome: dealOutcome.optional(),
  position: z.number().int().min(0).max(1_000).optional(),
});
export type UpdateDealStage = z.infer<typeof updateDealStage>;

export const deal = z.object({
  object: z.literal('deal'),
  id: z.uuid(),
  title: z.string(),
  organization_id: z.uuid().nullable(),
  organization_name: z.string().nullable(),
  person_id: z.uuid().nullable(),
  person_name: z.string().nullable(),
  stage_id: z.uuid(),
  /** The outcome of the deal's stage. */
  outcome: dealOutcome,
  value: z.string(),
  currency: z.literal('EUR'),
  expected_close_on: z.string().nullable(),
  /** The deal's own probability, or its stage's when it has none. */
  probability: z.string(),
  is_probability_from_stage: z.boolean(),
  lost_reason: z.string().nullable(),
  closed_at: timestamp.nullable(),
  /** Order within the stage's board column (0 is the top). */
  position: z.number().int(),
  owner: activityUser.nullable(),
  version: z.number().int(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type Deal = z.infer<typeof deal>;

const dealFields = {
  title: requiredText(200),
  organization_id: clearable(uuid),
  person_id: clearable(uuid),
  value: dealValue,
  currency: z.literal('EUR', { message: 'invalid_currency' }),
  expected_close_on: clearable(calendarDate),
  stage_id: uuid,
  /** Null or left out: the stage's probability applies. */
  probability: clearable(probabilityPercentage),
  /** Required when the deal is (moved) in a lost stage. */
  lost_reason: clearable(text(500)),
};

export const createDeal = z.strictObject({
  ...dealFields,
  value: dealFields.value.default('0.00'),
  currency: dealFields.currency.default('EUR'),
  /** The first open stage when left out. */
  stage_id: uuid.optional(),
});
export type CreateDeal = z.input<typeof createDeal>;

export const updateDeal = z.strictObject({
  ...dealFields,
  title: dealFields.title.optional(),
  value: dealFields.value.optional(),
  currency: dealFields.currency.optional(),
  stage_id: uuid.optional(),
});
export type UpdateDeal = z.infer<typeof updateDeal>;

/** The board: into a stage's column at a place (0 is the top; past the end means last). */
export const moveDeal = z.strictObject({
  stage_id: uuid,
  position: z.number().int().min(0).max(100_000),
  lost_reason: clearable(text(500)),
});
export type MoveDeal = z.infer<typeof moveDeal>;

export const dealQuery = cursorQuery.extend({
  stage_id: uuid.optional(),
  organization_id: uuid.optional(),
  person_id: uuid.optional(),
  status: dealOutcome.optional(),
  /** Leaves out deals closed before this date (open deals always stay): the board's recent past. */
  closed_since: calendarDate.optional(),
});
export type DealQuery = z.input<typeof dealQuery>;

const monthTotal = z.object({ count: z.number().int(), value: z.string() });
/** Won and lost per calendar month (Europe/Amsterdam), oldest first, the current month last. */
export const dealSummary = z.object({
  object: z.literal('deal_summary'),
  currency: z.literal('EUR'),
  months: z.array(z.object({ month: z.string(), won: monthTotal, lost: monthTotal })),
});
export type DealSummary = z.infer<typeof dealSummary>;
export const dealSummaryQuery = z.strictObject({ months: z.coerce.number().int().min(1).max(36).default(12) });
