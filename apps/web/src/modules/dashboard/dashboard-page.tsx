import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { useMe } from '../accounts/use-me.ts';

export function DashboardPage() {
  const { t } = useI18n();
  const me = useMe().data;
  if (!me) return null;
  return (
    <Stack maw={720}>
      <Title order={2}>{t('dashboard.welcome', { name: me.user.name })}</Title>
      {me.tenant && <Text>{t('dashboard.tenant', { tenant: me.tenant.name })}</Text>}
      <Text>{t('dashboard.start')}</Text>
      <Anchor component={Link} to="/settings/company">
        {t('nav.company')}
      </Anchor>
    </Stack>
  );
}
