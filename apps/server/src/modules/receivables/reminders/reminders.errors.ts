import { AppError } from '../../../kernel/errors/app-error.ts';

/** Error codes of reminders and collection pauses and their HTTP status (the code is also the translation key). */
export const REMINDERS_ERRORS: Record<string, number> = {
  reminder_not_found: 404,
  collection_pause_not_found: 404,
  collection_pause_ended: 409,
  /** A customer is paused once at a time: end the pause that holds, or change nothing. */
  collection_pause_exists: 409,
};

export const reminderNotFound = () => new AppError('reminder_not_found');
export const pauseNotFound = () => new AppError('collection_pause_not_found');
export const pauseEnded = () =>
  new AppError('collection_pause_ended', { detail: 'This pause has ended already; reminders run for this customer.' });
export const pauseExists = () =>
  new AppError('collection_pause_exists', {
    detail: 'Reminders for this customer are paused already.',
    fields: [{ field: 'customer_id', code: 'collection_pause_exists', message: 'collection_pause_exists' }],
  });
export const customerNotFound = () =>
  new AppError('validation_failed', {
    fields: [{ field: 'customer_id', code: 'customer_not_found', message: 'customer_not_found' }],
  });
export const untilBeforeToday = () =>
  new AppError('validation_failed', {
    fields: [{ field: 'until', code: 'date_in_past', message: 'date_in_past' }],
  });
