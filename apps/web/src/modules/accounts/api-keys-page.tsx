import { formatDateTime } from '../../shared/i18n/format-date.ts';
import type { ApiKey } from '@clientbox/contracts';
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, type List } from '../../shared/api/api-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { accountKeys } from './use-me.ts';

export function ApiKeysPage() {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: accountKeys.apiKeys, queryFn: () => api<List<ApiKey>>('GET', '/api/v1/api_keys') });
  const [isDialogOpen, setDialogOpen] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [createdKey, setCreatedKey] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.apiKeys });
  const revoke = useMutation({
    mutationFn: (id: string) => api('DELETE', `/api/v1/api_keys/${id}`),
    onSuccess: async () => {
      notifications.show({ message: t('api_keys.revoked') });
      await refresh();
    },
  });
  const format = (value: string | null) => (value ? formatDateTime(value, locale) : t('api_keys.never'));

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const created = await api<ApiKey & { key: string }>('POST', '/api/v1/api_keys', { body: { name } });
      setCreatedKey(created.key);
      setName('');
      await refresh();
    } catch (error) {
      const problem = serverErrors(error, locale);
      setNameError(problem.fields.name ?? problem.general ?? undefined);
    }
  };
  const closeDialog = () => {
    setDialogOpen(false);
    setCreatedKey(null);
    setNameError(undefined);
  };

  return (
    <Stack maw={900}>
      <Group justify="space-between">
        <Title order={2}>{t('api_keys.title')}</Title>
        <Button onClick={() => setDialogOpen(true)}>{t('api_keys.create')}</Button>
      </Group>
      {keys.data?.data.length === 0 && <Text c="dimmed">{t('api_keys.none')}</Text>}
      {!!keys.data?.data.length && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('field.key_name')}</Table.Th>
                <Table.Th>{t('api_keys.prefix')}</Table.Th>
                <Table.Th>{t('api_keys.last_used')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.data.data.map((key) => (
                <Table.Tr key={key.id}>
                  <Table.Td>{key.name}</Table.Td>
                  <Table.Td>
                    <Code>{key.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{format(key.last_used_at)}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => revoke.mutate(key.id)}>
                      {t('api_keys.revoke')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        opened={isDialogOpen}
        onClose={closeDialog}
        title={t('api_keys.create')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {createdKey ? (
          <Stack>
            <Alert color="yellow">{t('api_keys.created')}</Alert>
            <Code block data-testid="created-api-key">
              {createdKey}
            </Code>
            <CopyButton value={createdKey}>
              {({ copied, copy }) => <Button onClick={copy}>{copied ? t('common.copied') : t('common.copy')}</Button>}
            </CopyButton>
            <Button variant="default" onClick={closeDialog}>
              {t('common.close')}
            </Button>
          </Stack>
        ) : (
          <form onSubmit={create}>
            <Stack>
              <Alert color="red" role="alert">
                {t('api_keys.warning')}
              </Alert>
              <TextInput
                label={t('field.key_name')}
                value={name}
                error={nameError}
                onChange={(e) => setName(e.currentTarget.value)}
                required
                data-autofocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={closeDialog}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit">{t('api_keys.create')}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
