import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api } from '../shared/api/api-client.ts';
import { formatDate } from '../shared/i18n/format-date.ts';
import { useI18n } from '../shared/i18n/i18n.tsx';

interface TermsStatus {
  current: { version: string; effective_from: string } | null;
  upcoming: { version: string; effective_from: string } | null;
  needs_acceptance: boolean;
}

/** Terms art. 3: the owner sees a new version and accepts it; the acceptance is recorded. */
export function TermsBanner({ isOwner }: { isOwner: boolean }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: ['terms_status'],
    queryFn: () => api<TermsStatus>('GET', '/api/v1/terms/status'),
    enabled: isOwner,
  });
  const pending = status.data?.upcoming ?? status.data?.current;
  const accept = useMutation({
    mutationFn: (version: string) => api('POST', '/api/v1/terms/accept', { body: { version } }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('terms.accepted') });
      await queryClient.invalidateQueries({ queryKey: ['terms_status'] });
    },
  });
  if (!isOwner || !status.data?.needs_acceptance || !pending) return null;
  return (
    <Alert color="yellow" mb="md" role="status">
      <Text size="sm" mb="xs">
        {t('terms.needs_acceptance', { version: pending.version, date: formatDate(pending.effective_from, locale) })}
      </Text>
      <Group gap="sm">
        <Anchor component={Link} to="/terms" size="sm">
          {t('terms.read')}
        </Anchor>
        <Button size="xs" loading={accept.isPending} onClick={() => accept.mutate(pending.version)}>
          {t('terms.accept')}
        </Button>
      </Group>
    </Alert>
  );
}
