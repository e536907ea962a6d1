import type {
  CollectionHistory,
  CollectionPause,
  CreateCollectionPause,
  DueReminder,
  Reminder,
  ReminderRun,
  ReminderSettings,
  SendReminders,
  UpdateReminderSettings,
} from '@clientbox/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type List } from '../../../shared/api/api-client.ts';
import { invoiceKeys } from '../../invoices/use-invoices.ts';

/** Whose collections history: one invoice, or all invoices of one customer. */
export type HistoryOf = { invoice_id: string } | { customer_id: string };

export const reminderKeys = {
  all: ['reminders'] as const,
  settings: () => [...reminderKeys.all, 'settings'] as const,
  due: () => [...reminderKeys.all, 'due'] as const,
  sent: () => [...reminderKeys.all, 'sent'] as const,
  histories: () => [...reminderKeys.all, 'history'] as const,
  history: (of: HistoryOf) => [...reminderKeys.histories(), of] as const,
};

export const reminderPdfUrl = (reminder: Pick<Reminder, 'id' | 'pdf_url'>) =>
  reminder.pdf_url || `/api/v1/reminders/${reminder.id}/pdf`;

export function useReminderSettings() {
  return useQuery({
    queryKey: reminderKeys.settings(),
    queryFn: () => api<ReminderSettings>('GET', '/api/v1/reminder_settings'),
  });
}

/** A new schedule changes what is due today as well. */
export function useUpdateReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateReminderSettings) => api<ReminderSettings>('PATCH', '/api/v1/reminder_settings', { body }),
    onSuccess: (settings) => {
      queryClient.setQueryData(reminderKeys.settings(), settings);
      return queryClient.invalidateQueries({ queryKey: reminderKeys.due() });
    },
  });
}

/** What would be sent today: the review list. */
export function useDueReminders() {
  return useQuery({
    queryKey: reminderKeys.due(),
    queryFn: () => api<List<DueReminder>>('GET', '/api/v1/reminders/due'),
  });
}

/** The newest reminders sent, with their letters. */
export function useSentReminders() {
  return useQuery({
    queryKey: reminderKeys.sent(),
    queryFn: () => api<List<Reminder>>('GET', '/api/v1/reminders?limit=100'),
  });
}

/** After a send, a pause or a resume every reminder list and history shows the new state. */
function useReminderMutation<Variables, Result>(
  mutationFn: (variables: Variables) => Promise<Result>,
  alsoStale?: (result: Result) => readonly unknown[] | null,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      const stale = [reminderKeys.due(), reminderKeys.sent(), reminderKeys.histories(), alsoStale?.(result)];
      return Promise.all(stale.map((queryKey) => queryKey && queryClient.invalidateQueries({ queryKey })));
    },
  });
}

/** A letter that states the charges may also invoice them: then the invoices reload too. */
export const useSendReminders = () =>
  useReminderMutation(
    (body: SendReminders) => api<ReminderRun>('POST', '/api/v1/reminders/send', { body }),
    (run) => (run.sent.some((reminder) => reminder.cost_invoice_id) ? invoiceKeys.all : null),
  );

export function useCollectionHistory(of: HistoryOf) {
  const params = new URLSearchParams(of);
  return useQuery({
    queryKey: reminderKeys.history(of),
    queryFn: () => api<CollectionHistory>('GET', `/api/v1/collection_history?${params}`),
  });
}

export const useCreateCollectionPause = () =>
  useReminderMutation((body: CreateCollectionPause) =>
    api<CollectionPause>('POST', '/api/v1/collection_pauses', { body }),
  );

export const useEndCollectionPause = () =>
  useReminderMutation((id: string) => api<CollectionPause>('POST', `/api/v1/collection_pauses/${id}/end`));
