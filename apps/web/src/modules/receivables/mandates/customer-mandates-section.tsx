import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../../shared/ui/form-errors.ts';
import type { RelationOnPage } from '../../../shared/ui/relation-sections.tsx';
import { MandateRecordDialog } from './mandate-record-dialog.tsx';
import { MandateRequestDialog } from './mandate-request-dialog.tsx';
import { MandatesTable } from './mandates-table.tsx';
import { useCustomerMandates } from './use-mandates.ts';

/**
 * The receivables' section on an organization's or person's page: the customer's SEPA
 * direct-debit mandates, recording a signed one, asking for an online signature and revoking.
 * Rendered through the relation page's slot (`shared/ui/relation-sections.tsx`), only for
 * tenants with Invoices.
 */
export function CustomerMandatesSection({ relation }: { relation: RelationOnPage }) {
  const { t, locale } = useI18n();
  const mandates = useCustomerMandates(relation.id);
  const [dialog, setDialog] = useState<'record' | 'request' | null>(null);
  const rows = mandates.data?.data ?? [];
  return (
    <Paper withBorder p="md" data-testid="customer-mandates">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600}>{t('mandates.section_title')}</Text>
          <Group gap="xs" wrap="wrap">
            <Button size="xs" variant="default" onClick={() => setDialog('request')} data-testid="mandate-request">
              {t('mandates.request')}
            </Button>
            <Button size="xs" onClick={() => setDialog('record')} data-testid="mandate-record">
              {t('mandates.record')}
            </Button>
          </Group>
        </Group>
        {mandates.error ? (
          <Alert color="red">{serverErrors(mandates.error, locale).general}</Alert>
        ) : !mandates.data ? (
          <Text size="sm">{t('common.loading')}</Text>
        ) : rows.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="customer-mandates-empty">
            {t('mandates.empty')}
          </Text>
        ) : (
          <MandatesTable mandates={rows} />
        )}
      </Stack>
      {dialog === 'record' && <MandateRecordDialog relation={relation} onClose={() => setDialog(null)} />}
      {dialog === 'request' && <MandateRequestDialog relation={relation} onClose={() => setDialog(null)} />}
    </Paper>
  );
}
