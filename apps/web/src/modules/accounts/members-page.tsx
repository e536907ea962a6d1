import { formatDate } from '../../shared/i18n/format-date.ts';
import { createInvitation, type Invitation, type Member, type Role } from '@clientbox/contracts';
import { Alert, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, type List } from '../../shared/api/api-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { accountKeys, canManage, useMe } from './use-me.ts';

const ROLES: Role[] = ['owner', 'admin', 'member'];

export function MembersPage() {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const isAdmin = canManage(me);
  const queryClient = useQueryClient();
  const members = useQuery({
    queryKey: accountKeys.members,
    queryFn: () => api<List<Member>>('GET', '/api/v1/members'),
  });
  const invitations = useQuery({
    queryKey: accountKeys.invitations,
    queryFn: () => api<List<Invitation>>('GET', '/api/v1/invitations'),
    enabled: isAdmin,
  });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = () =>
    queryClient
      .invalidateQueries({ queryKey: accountKeys.members })
      .then(() => queryClient.invalidateQueries({ queryKey: accountKeys.invitations }));
  const showError = (error: unknown) =>
    notifications.show({ color: 'red', message: serverErrors(error, locale).general ?? t('error.generic') });

  const changeRole = useMutation({
    mutationFn: ({ id, next }: { id: string; next: Role }) =>
      api('PATCH', `/api/v1/members/${id}`, { body: { role: next } }),
    onSuccess: refresh,
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api('DELETE', `/api/v1/members/${id}`),
    onSuccess: refresh,
    onError: showError,
  });
  const cancel = useMutation({
    mutationFn: (id: string) => api('DELETE', `/api/v1/invitations/${id}`),
    onSuccess: refresh,
    onError: showError,
  });

  const invite = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(createInvitation, { email, role }, locale);
    setErrors(checked.errors);
    if (!checked.data) return;
    try {
      await api('POST', '/api/v1/invitations', { body: checked.data });
      notifications.show({ color: 'green', message: t('members.invited', { email: checked.data.email }) });
      setEmail('');
      await refresh();
    } catch (error) {
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      if (problem.general) showError(error);
    }
  };

  const roleOptions = ROLES.filter((item) => item !== 'owner' || me?.tenant?.role === 'owner').map((item) => ({
    value: item,
    label: t(`role.${item}`),
  }));
  return (
    <Stack maw={900}>
      <Title order={2}>{t('members.title')}</Title>
      <Table.ScrollContainer minWidth={520}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('field.name')}</Table.Th>
              <Table.Th>{t('field.email')}</Table.Th>
              <Table.Th>{t('field.role')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data?.data.map((member) => (
              <Table.Tr key={member.id}>
                <Table.Td>{member.name}</Table.Td>
                <Table.Td>{member.email}</Table.Td>
                <Table.Td>
                  {isAdmin ? (
                    <Select
                      aria-label={`${t('field.role')} ${member.name}`}
                      size="xs"
                      w={140}
                      data={ROLES.map((item) => ({ value: item, label: t(`role.${item}`) }))}
                      value={member.role}
                      allowDeselect={false}
                      onChange={(next) => next && changeRole.mutate({ id: member.id, next: next as Role })}
                    />
                  ) : (
                    t(`role.${member.role}`)
                  )}
                </Table.Td>
                <Table.Td>
                  {isAdmin && member.user_id !== me?.user.id && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove.mutate(member.id)}>
                      {t('members.remove')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {isAdmin && (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">
            {t('members.invite_title')}
          </Title>
          <form onSubmit={invite} noValidate>
            <Group align="flex-start" wrap="wrap">
              <TextInput
                label={t('field.email')}
                type="email"
                value={email}
                error={errors.email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                w={280}
                required
              />
              <Select
                label={t('field.role')}
                data={roleOptions}
                value={role}
                onChange={(next) => setRole((next as Role) ?? 'member')}
                allowDeselect={false}
                w={160}
              />
              <Button type="submit" mt={24}>
                {t('members.invite')}
              </Button>
            </Group>
          </form>
          <Title order={4} size="h6" mt="lg" mb="xs">
            {t('members.pending')}
          </Title>
          {invitations.data?.data.length ? (
            <Stack gap={4}>
              {invitations.data.data.map((invitation) => (
                <Group key={invitation.id} justify="space-between">
                  <Text size="sm">
                    {invitation.email} · {t(`role.${invitation.role}`)} · {t('members.expires')}{' '}
                    {formatDate(invitation.expires_at, locale)}
                  </Text>
                  <Button size="compact-xs" variant="subtle" onClick={() => cancel.mutate(invitation.id)}>
                    {t('members.cancel_invitation')}
                  </Button>
                </Group>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('members.none_pending')}
            </Text>
          )}
        </Paper>
      )}
      {!isAdmin && <Alert color="gray">{t('common.read_only')}</Alert>}
    </Stack>
  );
}
