import { Anchor, Box, Group, Loader, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { OperatorDetails, useOperatorIdentity } from '../../app/operator-identity.tsx';
import { api } from '../../shared/api/api-client.ts';
import { formatDate } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';

/** The general terms in force, public (terms art. 3). They are Dutch: the original text governs. */
export function TermsPage() {
  const { t, locale } = useI18n();
  const operator = useOperatorIdentity();
  const terms = useQuery({
    queryKey: ['public_terms'],
    queryFn: () => api<{ version: string; effective_from: string; body: string }>('GET', '/api/v1/public/terms'),
  });
  if (!terms.data) return <Loader m="xl" />;
  return (
    <Box p="md" maw={860} mx="auto">
      <Title order={1} size="h2">
        {t('terms.title')}
      </Title>
      <Text c="dimmed" mb="md">
        {t('terms.version', { version: terms.data.version, date: formatDate(terms.data.effective_from, locale) })}
      </Text>
      {operator.data && (
        <Paper withBorder p="md" radius="md" mb="md" data-testid="terms-operator">
          <Text size="sm" c="dimmed" mb={4}>
            {t('operator.title')}
          </Text>
          <OperatorDetails identity={operator.data} />
        </Paper>
      )}
      <Text component="div" lang="nl" style={{ whiteSpace: 'pre-wrap' }}>
        {terms.data.body}
      </Text>
      <Group gap="md" mt="xl">
        <Anchor component={Link} to="/pricing" size="sm">
          {t('footer.pricing')}
        </Anchor>
        <Anchor component={Link} to="/" size="sm">
          {t('app.name')}
        </Anchor>
      </Group>
    </Box>
  );
}
