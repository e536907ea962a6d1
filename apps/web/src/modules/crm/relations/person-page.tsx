import { formatPhoneNumber } from '@clientbox/contracts';
import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiError } from '../../../shared/api/api-client.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/nl.ts';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { RelationSections } from '../../../shared/ui/relation-sections.tsx';
import { PersonActivities } from '../activities/person-activities.tsx';
import { PersonPrivacyActions } from './person-privacy-actions.tsx';
import { serverPathErrors } from './relation-form-errors.ts';
import { useDeletePerson, usePerson } from './use-relations.ts';

export function PersonPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const person = usePerson(id);
  const remove = useDeletePerson();
  const [isConfirmingDelete, setConfirmingDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (person.error instanceof ApiError && person.error.status === 404)
    return <Alert color="gray">{t('relations.not_found')}</Alert>;
  if (!person.data) return <Text>{t('common.loading')}</Text>;
  const current = person.data;

  const deletePerson = async () => {
    try {
      await remove.mutateAsync({ id: current.id, version: current.version });
      notifications.show({ color: 'green', message: t('relations.deleted') });
      await navigate({ to: '/crm/persons' });
    } catch (failure) {
      setError(serverPathErrors(failure, locale).general);
      setConfirmingDelete(false);
    }
  };

  return (
    <Stack maw={1100} data-testid="person-detail">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Title order={2} data-testid="person-title" style={{ overflowWrap: 'anywhere' }}>
          {current.name}
        </Title>
        <Group gap="xs">
          <PersonPrivacyActions person={current} />
          <Button
            variant="default"
            component="a"
            href={`/api/v1/persons/${current.id}/vcard`}
            download
            data-testid="person-vcard"
          >
            {t('relations.vcard')}
          </Button>
          <Button variant="default" component={Link} to={`/crm/persons/${current.id}/edit`} data-testid="person-edit">
            {t('relations.edit')}
          </Button>
          <Button variant="light" color="red" onClick={() => setConfirmingDelete(true)} data-testid="person-delete">
            {t('common.delete')}
          </Button>
        </Group>
      </Group>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Paper withBorder p="md" data-testid="person-organizations">
        <Text fw={600} mb="xs">
          {t('relations.organizations')}
        </Text>
        {current.organizations.length === 0 ? (
          <Text c="dimmed">–</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('relations.organization')}</Table.Th>
                  <Table.Th>{t('relations.role')}</Table.Th>
                  <Table.Th>{t('relations.email_address')}</Table.Th>
                  <Table.Th>{t('relations.phone_number')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {current.organizations.map((link) => (
                  <Table.Tr key={link.link_id} data-testid="person-organization-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/crm/organizations/${link.organization_id}`}>
                        {link.organization_name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{link.role}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{link.email}</Table.Td>
                    <Table.Td>{link.phone_e164 ? formatPhoneNumber(link.phone_e164) : link.phone}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Paper withBorder p="md">
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
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">
            {t('relations.emails')}
          </Text>
          {current.emails.length === 0 && <Text c="dimmed">–</Text>}
          {current.emails.map((email) => (
            <Text key={email.id} size="sm" style={{ overflowWrap: 'anywhere' }}>
              <Anchor href={`mailto:${email.address}`}>{email.address}</Anchor>
            </Text>
          ))}
        </Paper>
        <Paper withBorder p="md">
          <Text fw={600} mb="xs">
            {t('relations.addresses')}
          </Text>
          {current.addresses.length === 0 && <Text c="dimmed">–</Text>}
          {current.addresses.map((address) => (
            <Text key={address.id} size="sm">
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
      {/* Other modules' sections (a customer's invoices); an erased person is no customer any more. */}
      {!current.erased_at && <RelationSections relation={{ type: 'person', id: current.id, name: current.name }} />}
      <section aria-label={t('relations.activities')} data-testid="person-activities">
        <PersonActivities personId={current.id} />
      </section>
      <ConfirmDialog
        opened={isConfirmingDelete}
        title={t('relations.delete_title')}
        confirmLabel={t('common.delete')}
        color="red"
        isBusy={remove.isPending}
        onConfirm={deletePerson}
        onClose={() => setConfirmingDelete(false)}
        testId="person-delete-dialog"
      >
        <Text>{t('relations.delete_person_text', { name: current.name })}</Text>
      </ConfirmDialog>
    </Stack>
  );
}
