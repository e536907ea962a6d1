import type { OperatorIdentity } from '@clientbox/contracts';
import { Anchor, Box, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api } from '../shared/api/api-client.ts';
import { useI18n } from '../shared/i18n/i18n.tsx';

export function useOperatorIdentity() {
  return useQuery({
    queryKey: ['operator_identity'],
    queryFn: () => api<OperatorIdentity>('GET', '/api/v1/public/operator'),
    staleTime: Infinity,
  });
}

/** Who the customer contracts with and how to reach the helpdesk (terms art. 1, 14; e-commerce rules). */
export function OperatorDetails({ identity, size = 'sm' }: { identity: OperatorIdentity; size?: 'xs' | 'sm' }) {
  const { t } = useI18n();
  return (
    <Stack gap={2} data-testid="operator-details">
      <Text size={size} fw={600}>
        {identity.name}
      </Text>
      <Text size={size}>{identity.address}</Text>
      <Text size={size}>
        {t('operator.email')}:{' '}
        <Anchor href={`mailto:${identity.support_email}`} size={size} data-testid="operator-email">
          {identity.support_email}
        </Anchor>
      </Text>
      <Text size={size}>
        {t('operator.phone')}:{' '}
        <Anchor href={`tel:${identity.phone.replace(/[^+\d]/g, '')}`} size={size}>
          {identity.phone}
        </Anchor>
      </Text>
      <Text size={size}>{t('operator.helpdesk_hours', { hours: identity.helpdesk_hours })}</Text>
    </Stack>
  );
}

/** Footer of the public pages and of the app: the operator, the terms and the prices. */
export function OperatorFooter() {
  const { t } = useI18n();
  const identity = useOperatorIdentity();
  return (
    <Box component="footer" mt="xl" pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Group justify="space-between" align="flex-start" gap="md" data-testid="operator-footer">
        {identity.data ? <OperatorDetails identity={identity.data} size="xs" /> : <span />}
        <Group gap="md">
          <Anchor component={Link} to="/terms" size="xs" data-testid="footer-terms">
            {t('footer.terms')}
          </Anchor>
          <Anchor component={Link} to="/pricing" size="xs" data-testid="footer-pricing">
            {t('footer.pricing')}
          </Anchor>
        </Group>
      </Group>
    </Box>
  );
}
