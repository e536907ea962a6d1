import { formatDateTime } from '../../shared/i18n/format-date.ts';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { authClient } from '../../shared/api/auth-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { MisuseReportForm } from '../support/misuse-report-form.tsx';
import { accountKeys, useMe } from './use-me.ts';

function ChangePassword() {
  const { t } = useI18n();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [revokeOtherSessions, setRevoke] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (newPassword.length < 10) return setError(t('error.password_too_short'));
    const result = await authClient.changePassword({ currentPassword, newPassword, revokeOtherSessions });
    if (result.error) return setError(t('error.invalid_credentials'));
    setError(null);
    setCurrent('');
    setNew('');
    notifications.show({ color: 'green', message: t('security.password_changed') });
  };
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        {t('security.change_password')}
      </Title>
      <form onSubmit={submit}>
        <Stack maw={380}>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <PasswordInput
            label={t('field.current_password')}
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            required
          />
          <PasswordInput
            label={t('field.new_password')}
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            required
          />
          <Checkbox
            label={t('security.revoke_others')}
            checked={revokeOtherSessions}
            onChange={(e) => setRevoke(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit">{t('security.change_password')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Sessions() {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: ['session'], queryFn: async () => (await authClient.getSession()).data });
  const sessions = useQuery({
    queryKey: accountKeys.sessions,
    queryFn: async () => (await authClient.listSessions()).data ?? [],
  });
  const revoke = async (token: string) => {
    await authClient.revokeSession({ token });
    await queryClient.invalidateQueries({ queryKey: accountKeys.sessions });
  };
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        {t('security.sessions')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('security.device')}</Table.Th>
              <Table.Th>{t('security.last_active')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.data?.map((session) => (
              <Table.Tr key={session.id}>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    {session.userAgent ?? '—'}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {session.ipAddress}
                  </Text>
                </Table.Td>
                <Table.Td>{formatDateTime(session.updatedAt, locale)}</Table.Td>
                <Table.Td>
                  {session.id === current.data?.session.id ? (
                    <Badge>{t('security.current_session')}</Badge>
                  ) : (
                    <Button size="compact-xs" variant="subtle" onClick={() => revoke(session.token)}>
                      {t('security.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function TwoFactor() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const isEnabled = useMe().data?.user.two_factor_enabled ?? false;
  const [password, setPassword] = useState('');
  const [setup, setSetup] = useState<{ totpURI: string; backupCodes: string[] } | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.me });

  const start = async (event: FormEvent) => {
    event.preventDefault();
    const result = isEnabled
      ? await authClient.twoFactor.disable({ password })
      : await authClient.twoFactor.enable({ password });
    setPassword('');
    if (result.error) return setError(t('error.invalid_credentials'));
    setError(null);
    if (isEnabled) {
      notifications.show({ message: t('security.disabled') });
      return refresh();
    }
    setSetup(result.data as { totpURI: string; backupCodes: string[] });
  };
  const verify = async (event: FormEvent) => {
    event.preventDefault();
    const result = await authClient.twoFactor.verifyTotp({ code });
    if (result.error) return setError(t('error.invalid_code'));
    setSetup(null);
    setCode('');
    notifications.show({ color: 'green', message: t('security.enabled') });
    await refresh();
  };
  const secret = setup ? new URL(setup.totpURI).searchParams.get('secret') : null;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        {t('security.two_factor')}
      </Title>
      <Text size="sm" mb="sm">
        {isEnabled ? t('security.two_factor_on') : t('security.two_factor_off')}
      </Text>
      {error && (
        <Alert color="red" role="alert" mb="sm">
          {error}
        </Alert>
      )}
      {setup ? (
        <form onSubmit={verify}>
          <Stack maw={520}>
            <Text size="sm">{t('security.scan')}</Text>
            <Code block>{secret}</Code>
            <Code block style={{ wordBreak: 'break-all' }}>
              {setup.totpURI}
            </Code>
            <Text size="sm">{t('security.backup_codes')}</Text>
            <SimpleGrid cols={2}>
              {setup.backupCodes.map((backup) => (
                <Code key={backup}>{backup}</Code>
              ))}
            </SimpleGrid>
            <TextInput
              label={t('field.code')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              inputMode="numeric"
              autoComplete="one-time-code"
              required
            />
            <Group>
              <Button type="submit">{t('login.verify')}</Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <form onSubmit={start}>
          <Group align="flex-end">
            <PasswordInput
              label={t('field.current_password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              required
              w={260}
            />
            <Button type="submit" variant={isEnabled ? 'default' : 'filled'}>
              {isEnabled ? t('security.disable_2fa') : t('security.enable_2fa')}
            </Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}

export function SecurityPage() {
  const { t } = useI18n();
  return (
    <Stack maw={900}>
      <Title order={2}>{t('security.title')}</Title>
      <ChangePassword />
      <TwoFactor />
      <Sessions />
      <MisuseReportForm />
    </Stack>
  );
}
