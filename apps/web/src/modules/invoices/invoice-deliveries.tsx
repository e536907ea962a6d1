import type { Invoice, InvoiceDelivery } from '@clientbox/contracts';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatDateTime } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import { useDocumentRecipient } from '../documents/use-document-customer.ts';
import { InvoiceMarkSentDialog } from './invoice-mark-sent-dialog.tsx';
import { InvoiceSendDialog } from './invoice-send-dialog.tsx';
import { invoiceUblUrl, useInvoiceDeliveries } from './use-invoice-deliveries.ts';
import { invoicePdfUrl } from './use-invoices.ts';

/**
 * What an issued invoice's header offers: send it by e-mail, mark it as sent, and the stored PDF
 * and UBL files (a UBL link only for the profiles the server says it stored).
 */
export function InvoiceDeliveryActions({ invoice, customer }: { invoice: Invoice; customer: PickedRelation | null }) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<'send' | 'mark_sent' | null>(null);
  // Looked up before the dialog opens, so its "to" is filled in at once.
  const recipient = useDocumentRecipient(customer);
  const file = (href: string, label: string, testId: string) => (
    <Button component="a" href={href} target="_blank" rel="noopener" variant="default" data-testid={testId}>
      {label}
    </Button>
  );
  return (
    <Group gap="xs" wrap="wrap" data-testid="invoice-actions">
      <Button onClick={() => setDialog('send')} data-testid="invoice-send">
        {t('invoice.send')}
      </Button>
      <Button variant="default" onClick={() => setDialog('mark_sent')} data-testid="invoice-mark-sent">
        {t('invoice.mark_sent')}
      </Button>
      {file(invoicePdfUrl(invoice.id), t('invoice.pdf'), 'invoice-pdf')}
      {invoice.has_ubl?.peppol && file(invoiceUblUrl(invoice.id, 'peppol'), t('invoice.ubl'), 'invoice-ubl')}
      {invoice.has_ubl?.nlcius &&
        file(invoiceUblUrl(invoice.id, 'nlcius'), t('invoice.ubl_nlcius'), 'invoice-ubl-nlcius')}
      {dialog === 'send' && (
        <InvoiceSendDialog
          invoice={invoice}
          recipient={recipient.isPending ? undefined : (recipient.data ?? null)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'mark_sent' && <InvoiceMarkSentDialog invoice={invoice} onClose={() => setDialog(null)} />}
    </Group>
  );
}

function DeliveryItem({ delivery }: { delivery: InvoiceDelivery }) {
  const { t, locale } = useI18n();
  return (
    <Paper withBorder p="sm" data-testid="invoice-delivery" data-channel={delivery.channel}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }} data-testid="invoice-delivery-what">
          {delivery.to
            ? t('invoice.delivery_email', { to: delivery.to })
            : t(`invoice.delivery_channel.${delivery.channel}`)}
        </Text>
        <Text size="xs" c="dimmed" data-testid="invoice-delivery-when">
          {formatDateTime(delivery.sent_at, locale)}
        </Text>
      </Group>
      {delivery.cc.length > 0 && (
        <Text size="xs" style={{ overflowWrap: 'anywhere' }} data-testid="invoice-delivery-cc">
          {t('invoice.delivery_cc', { cc: delivery.cc.join(', ') })}
        </Text>
      )}
      {delivery.note && (
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          {delivery.note}
        </Text>
      )}
      {delivery.actor_name && (
        <Text size="xs" c="dimmed">
          {t('invoice.delivery_by', { name: delivery.actor_name })}
        </Text>
      )}
    </Paper>
  );
}

/** The sent log: every e-mail sent from the app and every "marked as sent", newest first. */
export function InvoiceDeliveries({ invoiceId }: { invoiceId: string }) {
  const { t, locale } = useI18n();
  const deliveries = useInvoiceDeliveries(invoiceId);
  return (
    <Stack gap="xs" data-testid="invoice-deliveries">
      <Title order={3} size="h4">
        {t('invoice.deliveries')}
      </Title>
      {deliveries.error ? (
        <Alert color="red">{serverErrors(deliveries.error, locale).general}</Alert>
      ) : !deliveries.data ? (
        <Text size="sm">{t('common.loading')}</Text>
      ) : deliveries.data.data.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="invoice-deliveries-empty">
          {t('invoice.deliveries_empty')}
        </Text>
      ) : (
        deliveries.data.data.map((delivery) => <DeliveryItem key={delivery.id} delivery={delivery} />)
      )}
    </Stack>
  );
}
