import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { useDocumentCustomer } from '../documents/use-document-customer.ts';
import { InvoiceEditor } from './invoice-editor.tsx';
import { InvoiceStatusBadge } from './invoice-status-badge.tsx';
import { InvoiceView } from './invoice-view.tsx';
import { useInvoice } from './use-invoices.ts';

function BackLink() {
  const { t } = useI18n();
  return (
    <Anchor component={Link} to="/invoices" size="sm">
      ← {t('invoice.back')}
    </Anchor>
  );
}

/** `/invoices/new` */
export function InvoiceCreatePage() {
  const { t } = useI18n();
  return (
    <Stack maw={1100}>
      <BackLink />
      <Title order={2}>{t('invoice.new_title')}</Title>
      <InvoiceEditor customer={null} />
    </Stack>
  );
}

/** `/invoices/$id`: the editor while it is a draft, the issued invoice read-only after that. */
export function InvoicePage() {
  const { t, locale } = useI18n();
  const { id } = useParams({ strict: false }) as { id: string };
  const invoice = useInvoice(id);
  const customer = useDocumentCustomer(invoice.data?.customer_id);

  const failure = invoice.error ?? customer.error;
  if (failure)
    return (
      <Stack maw={1100}>
        <BackLink />
        <Alert color="red" data-testid="invoice-load-error">
          {serverErrors(failure, locale).general}
        </Alert>
      </Stack>
    );
  const current = invoice.data;
  const isCustomerPending = Boolean(current?.customer_id) && customer.isPending;
  if (!current || isCustomerPending) return <Text>{t('common.loading')}</Text>;

  if (current.status !== 'draft')
    return (
      <Stack maw={1100}>
        <BackLink />
        <InvoiceView invoice={current} customer={customer.data ?? null} />
      </Stack>
    );
  return (
    <Stack maw={1100}>
      <BackLink />
      <Group gap="sm" wrap="wrap">
        <Title order={2} data-testid="invoice-title">
          {t('invoice.draft_title')}
        </Title>
        <InvoiceStatusBadge status={current.status} testId="invoice-status" />
      </Group>
      <InvoiceEditor key={current.id} invoice={current} customer={customer.data ?? null} />
    </Stack>
  );
}
