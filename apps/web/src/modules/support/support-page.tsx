import { type SupportGrant } from '@clientbox/contracts';
import { Alert, Anchor, Badge, Button, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useOperatorIdentity } from '../../app/operator-identity.tsx';
import { formatDateTime } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { canManage, useMe } from '../accounts/use-me.ts';
import { GrantSupportForm } from './grant-support-form.tsx';
import { useRevokeSupportAccess, useSupportGrants, useSupportStaff } from './use-support.ts';

/**
 * Terms art. 16: the tenant decides who at the operator may see its data, why and for how long,
 * sees every grant it ever gave, and revokes one at any moment.
 */
export function SupportPage() {
  const { t } = useI18n();
  const isAdmin = canManage(useMe().data);
  const operator = useOperatorIdentity().data?.name ?? '';
  const staff = useSupportStaff(isAdmin);
  const grants = useSupportGrants(isAdmin);

  return (
    <Stack maw={1000}>
      <Title order={2}>{t('support.title')}</Title>
      <Text size="sm">{t('support.intro', { operator })}</Text>
      {!isAdmin ? (
        <Alert color="gray">{t('support.admins_only')}</Alert>
      ) : (
        <>
          <Paper withBorder p="md" radius="md" data-testid="support-staff">
            <Title order={3} size="h5" mb="xs">
              {t('support.staff', { operator })}
            </Title>
            {staff.data?.length === 0 && <Text c="dimmed">{t('support.staff_none')}</Text>}
            <List size="sm">
              {staff.data?.map((member) => (
                <List.Item key={member.id}>
                  {member.name} ({t(`operator_role.${member.role}`)})
                </List.Item>
              ))}
            </List>
          </Paper>
          {!!staff.data?.length && <GrantSupportForm staff={staff.data} />}
          <Paper withBorder p="md" radius="md">
            <Title order={3} size="h5" mb="xs">
              {t('support.grants')}
            </Title>
            {grants.data?.length === 0 && <Text c="dimmed">{t('support.grants_none')}</Text>}
            {!!grants.data?.length && <GrantsTable grants={grants.data} />}
            <Anchor
              component={Link}
              to="/settings/audit"
              size="sm"
              mt="sm"
              display="block"
              data-testid="support-audit-link"
            >
              {t('support.audit_link')}
            </Anchor>
          </Paper>
        </>
      )}
    </Stack>
  );
}

function statusOf(grant: SupportGrant): 'active' | 'revoked' | 'expired' {
  if (grant.is_active) return 'active';
  return grant.revoked_at ? 'revoked' : 'expired';
}

const STATUS_COLOR = { active: 'green', revoked: 'gray', expired: 'gray' } as const;

function GrantsTable({ grants }: { grants: SupportGrant[] }) {
  const { t, locale } = useI18n();
  const revoke = useRevokeSupportAccess();
  const [revoking, setRevoking] = useState<SupportGrant | null>(null);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    if (!revoking) return;
    try {
      await revoke.mutateAsync(revoking.id);
      notifications.show({ color: 'green', message: t('support.revoked') });
      setRevoking(null);
    } catch (failure) {
      setError(serverErrors(failure, locale).general);
    }
  };

  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" fz="sm" data-testid="support-grants">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('support.staff_member')}</Table.Th>
              <Table.Th>{t('support.access')}</Table.Th>
              <Table.Th>{t('support.reason')}</Table.Th>
              <Table.Th>{t('support.granted_by')}</Table.Th>
              <Table.Th>{t('support.ends')}</Table.Th>
              <Table.Th>{t('support.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grants.map((grant) => {
              const status = statusOf(grant);
              return (
                <Table.Tr key={grant.id} data-testid="support-grant-row" data-status={status}>
                  <Table.Td>{grant.operator.name}</Table.Td>
                  <Table.Td>{t(`support_access.${grant.access}`)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{grant.reason}</Table.Td>
                  <Table.Td>
                    {grant.granted_by_name ?? '—'}
                    <Text size="xs" c="dimmed">
                      {formatDateTime(grant.created_at, locale)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(grant.revoked_at ?? grant.expires_at, locale)}</Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[status]} variant={status === 'active' ? 'filled' : 'light'}>
                      {t(`support.status.${status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {status === 'active' && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => {
                          setError(null);
                          setRevoking(grant);
                        }}
                        data-testid="support-grant-revoke"
                      >
                        {t('support.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={revoking !== null}
        title={t('support.revoke')}
        confirmLabel={t('support.revoke')}
        color="red"
        isBusy={revoke.isPending}
        error={error}
        onConfirm={confirm}
        onClose={() => setRevoking(null)}
        testId="support-dialog-revoke"
      >
        <Text size="sm">{t('support.revoke_text', { name: revoking?.operator.name ?? '' })}</Text>
      </ConfirmDialog>
    </>
  );
}
