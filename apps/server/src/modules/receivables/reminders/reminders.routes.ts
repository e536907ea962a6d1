import {
  collectionHistory,
  collectionHistoryQuery,
  collectionPause,
  collectionPauseListQuery,
  createCollectionPause,
  dueReminder,
  listOf,
  reminder,
  reminderListQuery,
  reminderRun,
  reminderSettings,
  sendReminders,
  updateReminderSettings,
} from '@clientbox/contracts';
import { z } from 'zod';
import { sendStoredFile } from '../../../kernel/http/stored-file-reply.ts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { letterTitle } from './documents/reminder-texts.ts';
import { presentSchedule } from './reminder-settings.ts';
import { toReminderDto } from './reminders.dto.ts';
import { listCollectionPauses, pauseCollection, resumeCollection } from './use-cases/collection-pauses.ts';
import { listDueReminders } from './use-cases/list-due-reminders.ts';
import { getCollectionHistory } from './use-cases/get-collection-history.ts';
import { getReminderSchedule } from './use-cases/get-reminder-schedule.ts';
import { getReminderRow, listReminders } from './use-cases/list-reminders.ts';
import { sendRemindersNow } from './use-cases/send-due-reminders.ts';
import { updateReminderSchedule } from './use-cases/update-reminder-schedule.ts';

const idParams = z.strictObject({ id: z.uuid({ message: 'invalid_id' }) });

/** Reminders (§4.5): the schedule, the review list, sending, the letters sent, pauses and the history. */
export function registerReminderRoutes(kernel: Kernel): void {
  const today = () => kernel.clock.today();
  const services = { storage: kernel.storage, jobs: kernel.jobs };

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Reminders'],
    method: 'GET',
    url: '/api/v1/reminder_settings',
    summary: 'The reminder schedule and late-payment charges (defaults until changed)',
    response: { status: 200, schema: reminderSettings },
    handler: async ({ ctx }) => presentSchedule(await getReminderSchedule(ctx)),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Reminders'],
    method: 'PATCH',
    url: '/api/v1/reminder_settings',
    summary: 'Change the schedule: mode (automatic or review), charges (none, statutory, clause), levels',
    body: updateReminderSettings,
    response: { status: 200, schema: reminderSettings },
    handler: async ({ ctx, body }) => presentSchedule(await updateReminderSchedule(ctx, body)),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Reminders'],
    method: 'GET',
    url: '/api/v1/reminders/due',
    summary:
      'The review list: overdue invoices whose next reminder level is due today, with the amounts it would state',
    response: { status: 200, schema: listOf(dueReminder) },
    handler: ({ ctx }) => listDueReminders(ctx, today()),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Reminders'],
    method: 'POST',
    url: '/api/v1/reminders/send',
    summary: 'Send the reminders due today: all, or those of the invoices named (skipped ones with the reason)',
    body: sendReminders,
    response: { status: 200, schema: reminderRun },
    handler: ({ ctx, body }) => sendRemindersNow(ctx, today(), body.invoice_ids, services),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Reminders'],
    method: 'GET',
    url: '/api/v1/reminders',
    summary: 'Reminders sent, newest first, cursor-paged; filters invoice_id and customer_id',
    query: reminderListQuery,
    response: { status: 200, schema: listOf(reminder) },
    handler: ({ ctx, query }) => listReminders(ctx, query),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Reminders'],
    method: 'GET',
    url: '/api/v1/reminders/:id',
    summary: 'One reminder with the amounts it stated',
    params: idParams,
    response: { status: 200, schema: reminder },
    handler: async ({ ctx, params }) => toReminderDto(await getReminderRow(ctx, params.id)),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Reminders'],
    method: 'GET',
    url: '/api/v1/reminders/:id/pdf',
    summary: 'The reminder letter as sent (PDF); ETag = SHA-256',
    params: idParams,
    response: { status: 200 },
    handler: async ({ ctx, params, reply }) => {
      const row = await getReminderRow(ctx, params.id);
      const fileName = `${letterTitle(row)} ${row.invoiceNumber}.pdf`.replace(/[^\w .-]/g, '-');
      return sendStoredFile(
        reply,
        { content: row.pdfContent, sha256: row.pdfSha256, fileName },
        'application/pdf',
        'inline',
      );
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Reminders'],
    method: 'POST',
    url: '/api/v1/collection_pauses',
    summary: "Hold a customer's reminders from today (e.g. a dispute), until a date or until ended",
    body: createCollectionPause,
    response: { status: 201, schema: collectionPause },
    errors: [409],
    handler: async ({ ctx, body, reply }) => {
      const pause = await pauseCollection(ctx, body, today());
      reply.header('location', `/api/v1/collection_pauses/${pause.id}`);
      return pause;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Reminders'],
    method: 'GET',
    url: '/api/v1/collection_pauses',
    summary: 'Pauses, newest first; filter customer_id',
    query: collectionPauseListQuery,
    response: { status: 200, schema: listOf(collectionPause) },
    handler: ({ ctx, query }) => listCollectionPauses(ctx, query.customer_id, today()),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Reminders'],
    method: 'POST',
    url: '/api/v1/collection_pauses/:id/end',
    summary: 'End a pause today; reminders resume where the schedule stands',
    params: idParams,
    response: { status: 200, schema: collectionPause },
    errors: [409],
    handler: ({ ctx, params }) => resumeCollection(ctx, params.id, today()),
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'invoices',
    tags: ['Reminders'],
    method: 'GET',
    url: '/api/v1/collection_history',
    summary:
      'Collections history of an invoice (letters, pauses, payments, direct debits, returns) or a customer (letters, pauses)',
    query: collectionHistoryQuery,
    response: { status: 200, schema: collectionHistory },
    handler: ({ ctx, query }) => getCollectionHistory(ctx, query, today()),
  });
}
