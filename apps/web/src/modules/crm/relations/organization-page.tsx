import { formatIban, formatPhoneNumber, type Organization } from '@clientbox/contracts';
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../../../shared/api/api-client.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/nl.ts';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { RelationSections } from '../../../shared/ui/relation-sections.tsx';
import { OrganizationActivities } from '../activities/organization-activities.tsx';
import { MergeOrganizationDialog } from './merge-organization-dialog.tsx';
import { serverPathErrors } from './relation-form-errors.ts';
import { RelationBadges } from './relation-badges.tsx';
import { useConvertLead, useDeleteOrganization, useOrganization } from './use-relations.ts';

function Field({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {children || '–'}
      </Text>
    </div>
  );
}

export function OrganizationPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const organization = useOrganization(id);
  const convert = useConvertLead();
  const remove = useDeleteOrganization();
  const [isConfirmingDelete, setConfirmingDelete] = useState(false);
  const [isMerging, setMerging] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (organization.error instanceof ApiError && organization.error.status === 404)
    return <Alert color="gray">{t('relations.not_found')}</Alert>;
  if (!organization.data) return <Text>{t('common.loading')}</Text>;
  const current: Organization = organization.data;

  const convertLead = async () => {
    try {
      await convert.mutateAsync({ id: current.id, version: current.version });
      notifications.show({ color: 'green', message: t('relations.converted') });
    } catch (failure) {
      setError(serverPathErrors(failure, locale).general);
    }
  };
  const deleteOrganization = async () => {
    try {
      await remove.mutateAsync({ id: current.id, version: current.version });
      notifications.show({ color: 'green', message: t('relations.deleted') });
      await navigate({ to: '/crm/organizations' });
    } catch (failure) {
      setError(serverPathErrors(failure, locale).general);
      setConfirmingDelete(false);
    }
  };

  return (
    <Stack maw={1100} data-testid="organization-detail">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={2} data-testid="organization-title" style={{ overflowWrap: 'anywhere' }}>
            {current.name}
          </Title>
          {current.trading_name && <Text c="dimmed">{current.trading_name}</Text>}
          <RelationBadges organization={current} />
        </Stack>
        <Group gap="xs" wrap="wrap">
          {current.is_lead && !current.is_customer && (
            <Button onClick={convertLead} loading={convert.isPending} data-testid="organization-convert">
              {t('relations.convert')}
            </Button>
          )}
          <Button
            variant="default"
            component={Link}
            to={`/crm/organizations/${current.id}/edit`}
            data-testid="organization-edit"
          >
            {t('relations.edit')}
          </Button>
          <Button variant="default" onClick={() => setMerging(true)} data-testid="organization-merge">
            {t('relations.merge')}
          </Button>
          <Button
            variant="light"
            color="red"
            onClick={() => setConfirmingDelete(true)}
            data-testid="organization-delete"
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Field label={t('relations.field.debtor_number')} testId="organization-debtor-number">
            {current.debtor_number}
          </Field>
          <Field label={t('relations.field.creditor_number')}>{current.creditor_number}</Field>
          <Field label={t('relations.field.kvk_number')}>{current.kvk_number}</Field>
          <Field label={t('relations.field.vat_number')}>{current.vat_number}</Field>
          <Field label={t('relations.field.iban')}>{current.iban ? formatIban(current.iban) : null}</Field>
          <Field label={t('relations.field.bic')}>{current.bic}</Field>
          <Field label={t('relations.field.payment_term_days')}>
            {current.payment_term_days === null
              ? t('relations.payment_term_default', { days: current.payment_term_days_effective })
              : t('relations.payment_term_days', { days: current.payment_term_days })}
          </Field>
          <Field label={t('relations.field.invoice_email')}>{current.invoice_email}</Field>
          <Field label={t('relations.field.website')}>{current.website}</Field>
          <Field label={t('relations.field.document_locale')}>
            {t(`relations.locale.${current.document_locale}` as MessageKey)}
          </Field>
        </SimpleGrid>
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Paper withBorder p="md" data-testid="organization-phones">
          <Text fw={600} mb="xs">
            {t('relations.phones')}
          </Text>
          {current.phones.length === 0 && <Text c="dimmed">–</Text>}
          {current.phones.map((phone) => (
            <Text key={phone.id} size="sm">
              <Anchor href={`tel:${phone.e164}`}>{formatPhoneNumber(phone.e164)}</Anchor>
              {phone.label && <Text span c="dimmed">{` · ${phone.label}`}</Text>}
            </Text>
          ))}
        </Paper>
        <Paper withBorder p="md" data-testid="organization-emails">
          <Text fw={600} mb="xs">
            {t('relations.emails')}
          </Text>
          {current.emails.length === 0 && <Text c="dimmed">–</Text>}
          {current.emails.map((email) => (
            <Text key={email.id} size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Anchor href={`mailto:${email.address}`}>{email.address}</Anchor>
              {email.label && <Text span c="dimmed">{` · ${email.label}`}</Text>}
            </Text>
          ))}
        </Paper>
        <Paper withBorder p="md" data-testid="organization-addresses">
          <Text fw={600} mb="xs">
            {t('relations.addresses')}
          </Text>
          {current.addresses.length === 0 && <Text c="dimmed">–</Text>}
          {current.addresses.map((address) => (
            <Text key={address.id} size="sm" mb={4}>
              <Text span c="dimmed">
                {t(`relations.address_type.${address.type}` as MessageKey)}:{' '}
              </Text>
              {[address.street, [address.postal_code, address.city].filter(Boolean).join(' '), address.country]
                .filter(Boolean)
                .join(', ')}
            </Text>
          ))}
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md" data-testid="organization-persons">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t('relations.persons')}</Text>
          <Button
            size="xs"
            variant="light"
            component={Link}
            to={`/crm/persons/new?organization_id=${current.id}`}
            data-testid="organization-add-person"
          >
            {t('relations.new_person')}
          </Button>
        </Group>
        {current.persons.length === 0 ? (
          <Text c="dimmed">{t('relations.no_persons')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('relations.field.name')}</Table.Th>
                  <Table.Th>{t('relations.role')}</Table.Th>
                  <Table.Th>{t('relations.email_address')}</Table.Th>
                  <Table.Th>{t('relations.phone_number')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {current.persons.map((linked) => (
                  <Table.Tr key={linked.link_id} data-testid="organization-person-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/crm/persons/${linked.person_id}`}>
                        {[linked.first_name, linked.last_name].filter(Boolean).join(' ')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{linked.role}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{linked.email}</Table.Td>
                    <Table.Td>{linked.phone_e164 ? formatPhoneNumber(linked.phone_e164) : linked.phone}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <RelationSections relation={{ type: 'organization', id: current.id, name: current.name }} />

      <section aria-label={t('relations.activities')} data-testid="organization-activities">
        <OrganizationActivities organizationId={current.id} />
      </section>

      <MergeOrganizationDialog organization={current} opened={isMerging} onClose={() => setMerging(false)} />
      <ConfirmDialog
        opened={isConfirmingDelete}
        title={t('relations.delete_title')}
        confirmLabel={t('common.delete')}
        color="red"
        isBusy={remove.isPending}
        onConfirm={deleteOrganization}
        onClose={() => setConfirmingDelete(false)}
        testId="organization-delete-dialog"
      >
        <Text>{t('relations.delete_organization_text', { name: current.name })}</Text>
      </ConfirmDialog>
    </Stack>
  );
}
