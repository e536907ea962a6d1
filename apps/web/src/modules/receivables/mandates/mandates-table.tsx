import type { Mandate } from '@clientbox/contracts';
import { ActionIcon, Anchor, Button, CopyButton, Group, Table, Text, Tooltip } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { formatDate } from '../../../shared/i18n/format-date.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { maskIban } from './mandate-labels.ts';
import { MandateRevokeDialog } from './mandate-revoke-dialog.tsx';
import { MandateStatusBadge } from './mandate-status-badge.tsx';

/** The page of the mandate's customer, when the CRM record still exists. */
function customerPath(mandate: Mandate): string | null {
  if (!mandate.customer_id || !mandate.customer_type) return null;
  return `/crm/${mandate.customer_type === 'organization' ? 'organizations' : 'persons'}/${mandate.customer_id}`;
}

/** One mandate; on a phone its scheme, IBAN and dates go under the reference. */
function MandateRow({ mandate, showCustomer }: { mandate: Mandate; showCustomer: boolean }) {
  const { t, locale } = useI18n();
  const [isRevoking, setRevoking] = useState(false);
  const none = t('mandates.none');
  const scheme = `${t(`mandates.scheme.${mandate.scheme}`)} · ${t(`mandates.type.${mandate.type}`)}`;
  const iban = maskIban(mandate.iban) ?? none;
  const signedOn = mandate.signed_on ? formatDate(mandate.signed_on, locale) : none;
  const expiresOn = mandate.expires_on ? formatDate(mandate.expires_on, locale) : none;
  const path = customerPath(mandate);
  const canRevoke = mandate.status !== 'revoked';
  return (
    <Table.Tr data-testid="mandate-row" data-id={mandate.id} data-status={mandate.status}>
      <Table.Td>
        <Text size="sm" fw={500} data-testid="mandate-id" style={{ wordBreak: 'break-all' }}>
          {mandate.mandate_id}
        </Text>
        {showCustomer && (
          <Text size="xs" c="dimmed" data-testid="mandate-customer">
            {path ? (
              <Anchor component={Link} to={path} size="xs">
                {mandate.debtor_name ?? none}
              </Anchor>
            ) : (
              (mandate.debtor_name ?? none)
            )}
          </Text>
        )}
        <Text size="xs" c="dimmed" hiddenFrom="md">
          {scheme} · {iban}
        </Text>
        <Text size="xs" c="dimmed" hiddenFrom="md">
          {signedOn} – {expiresOn}
        </Text>
        {mandate.signed_online && (
          <Text size="xs" c="dimmed">
            {t('mandates.signed_online')}
          </Text>
        )}
      </Table.Td>
      <Table.Td visibleFrom="md" style={{ whiteSpace: 'nowrap' }} data-testid="mandate-scheme">
        {scheme}
      </Table.Td>
      <Table.Td visibleFrom="md" style={{ whiteSpace: 'nowrap' }}>
        {signedOn}
      </Table.Td>
      <Table.Td visibleFrom="md" style={{ whiteSpace: 'nowrap' }} data-testid="mandate-iban">
        {iban}
      </Table.Td>
      <Table.Td visibleFrom="md" style={{ whiteSpace: 'nowrap' }} data-testid="mandate-expires-on">
        {expiresOn}
      </Table.Td>
      <Table.Td>
        {/* The actions go next to the status, and under it where the row is narrow. */}
        <Group gap={4} wrap="wrap" justify="space-between">
          <MandateStatusBadge mandate={mandate} />
          <Group gap={4} wrap="nowrap">
            {mandate.public_url && (
              <CopyButton value={mandate.public_url}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('mandates.link_copied') : t('mandates.copy_link')}>
                    <ActionIcon
                      variant="subtle"
                      color={copied ? 'green' : 'gray'}
                      onClick={copy}
                      aria-label={t('mandates.copy_link')}
                      data-testid="mandate-row-copy-link"
                    >
                      {copied ? '✓' : '⧉'}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            )}
            {canRevoke && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => setRevoking(true)}
                aria-label={`${t('mandates.revoke')} ${mandate.mandate_id}`}
                data-testid="mandate-revoke"
              >
                {t('mandates.revoke')}
              </Button>
            )}
          </Group>
        </Group>
        {isRevoking && <MandateRevokeDialog mandate={mandate} onClose={() => setRevoking(false)} />}
      </Table.Td>
    </Table.Tr>
  );
}

/** Mandates as a table that fits a phone: the extra columns appear from tablet width. */
export function MandatesTable({ mandates, showCustomer = false }: { mandates: Mandate[]; showCustomer?: boolean }) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing={4} fz="sm" data-testid="mandates-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              {showCustomer
                ? `${t('mandates.column.mandate_id')} / ${t('mandates.column.customer')}`
                : t('mandates.column.mandate_id')}
            </Table.Th>
            <Table.Th visibleFrom="md">{t('mandates.column.scheme')}</Table.Th>
            <Table.Th visibleFrom="md">{t('mandates.column.signed_on')}</Table.Th>
            <Table.Th visibleFrom="md">{t('mandates.column.iban')}</Table.Th>
            <Table.Th visibleFrom="md">{t('mandates.column.expires_on')}</Table.Th>
            <Table.Th>{t('mandates.column.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mandates.map((mandate) => (
            <MandateRow key={mandate.id} mandate={mandate} showCustomer={showCustomer} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
