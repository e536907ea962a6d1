import type { CollectionEvent } from '@clientbox/contracts';
import { Anchor, Group, Text, Timeline } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { formatDate } from '../../../shared/i18n/format-date.ts';
import { hasMessage, type Locale, translate } from '../../../shared/i18n/i18n.tsx';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { money, returnReason } from './reminder-labels.ts';
import { reminderPdfUrl } from './use-reminders.ts';

/**
 * A reminder line names its letter. The detail holds the level ("2") and may add the kind
 * ("3 final_notice" or "final_notice"); whatever of it is there is used.
 */
function reminderTitle(locale: Locale, detail: string | null): string {
  const level = Number(/\d+/.exec(detail ?? '')?.[0]);
  const kind = detail?.includes('final_notice') ? 'final_notice' : 'reminder';
  if (!level && kind === 'reminder') return translate(locale, 'collections.event.reminder_plain');
  return translate(locale, 'collections.event.reminder', {
    letter: translate(locale, `reminders.kind.${kind}`, { level: level || '' }),
  });
}

/** The second line of an event: the pause's reason, the payment method, the return's reason code. */
function eventDetail(locale: Locale, event: CollectionEvent): string | null {
  if (!event.detail) return null;
  switch (event.kind) {
    // The title says it all: the letter, or that it was a direct debit.
    case 'reminder':
    case 'direct_debit':
      return null;
    case 'direct_debit_returned':
      return returnReason(locale, event.detail);
    case 'payment': {
      const key = `invoice.payment_method.${event.detail}`;
      return hasMessage(key) ? translate(locale, key) : event.detail;
    }
    default:
      return event.detail;
  }
}

/** The events of a collections history, oldest first, as a timeline that wraps on a phone. */
export function CollectionEvents({ events, showInvoice }: { events: CollectionEvent[]; showInvoice: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Timeline bulletSize={12} lineWidth={2} data-testid="collection-events">
      {events.map((event, index) => {
        const title =
          event.kind === 'reminder' ? reminderTitle(locale, event.detail) : t(`collections.event.${event.kind}`);
        const detail = eventDetail(locale, event);
        return (
          <Timeline.Item
            key={`${event.kind}-${event.on}-${index}`}
            color={event.kind === 'direct_debit_returned' ? 'red' : event.kind === 'payment' ? 'green' : 'blue'}
            data-testid="collection-event"
            data-kind={event.kind}
          >
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={500} data-testid="collection-event-title">
                {title}
              </Text>
              {event.amount && (
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {money(event.amount, locale)}
                </Text>
              )}
              {event.reminder_id && (
                <Anchor
                  href={reminderPdfUrl({ id: event.reminder_id, pdf_url: '' })}
                  target="_blank"
                  rel="noopener"
                  size="sm"
                  data-testid="collection-event-pdf"
                >
                  {t('reminders.pdf')}
                </Anchor>
              )}
            </Group>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {formatDate(event.on, locale)}
              {showInvoice && event.invoice_id && (
                <>
                  {' · '}
                  <Anchor component={Link} to={`/invoices/${event.invoice_id}`} size="xs">
                    {event.invoice_number}
                  </Anchor>
                </>
              )}
              {detail && ` · ${detail}`}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
