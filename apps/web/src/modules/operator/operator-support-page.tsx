import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { formatDateTime } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { useMySupportGrants } from './use-operator.ts';

/** Terms art. 16: the tenants that let the logged-in staff member in right now. */
export function OperatorSupportPage() {
  const { t, locale } = useI18n();
  const grants = useMySupportGrants();
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('console.support.title')}</Title>
      <Text size="sm">{t('console.support.intro')}</Text>
      {grants.data?.length === 0 && (
        <Text c="dimmed" data-testid="console-support-none">
          {t('console.support.none')}
        </Text>
      )}
      {grants.data?.map((grant) => (
        <Paper key={grant.id} withBorder p="md" radius="md" data-testid="console-support-grant">
          <Group justify="space-between" align="flex-start" gap="sm">
            <Stack gap={4}>
              <Group gap="xs">
                <Text fw={600}>{grant.tenant_name}</Text>
                <Badge color={grant.access === 'write' ? 'orange' : 'gray'}>
                  {t(`support_access.${grant.access}`)}
                </Badge>
              </Group>
              <Text size="sm">
                {t('console.support.reason')}: {grant.reason}
              </Text>
              <Text size="sm" c="dimmed">
                {t('console.support.expires')}: {formatDateTime(grant.expires_at, locale)}
              </Text>
            </Stack>
            <Button component={Link} to={`/operator/support/${grant.tenant_id}`} data-testid="console-support-open">
              {t('console.support.open')}
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
