import { BASE_MODULES, MODULE_NAMES, type ModuleName } from '@clientbox/contracts';
import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { homeOf } from '../../app/module-navigation.tsx';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { canManage, useMe } from '../accounts/use-me.ts';
import { formatPrice, moduleLabel } from './price-labels.ts';
import { usePriceList } from './use-orders.ts';

const isModuleName = (name: string): name is ModuleName => (MODULE_NAMES as readonly string[]).includes(name);

/**
 * A module of the subscription (terms art. 11): what it does and what it costs. The module's own
 * screens hang under this path as they are built.
 */
export function ModulePage() {
  const { t, locale } = useI18n();
  const { name = '' } = useParams({ strict: false }) as { name?: string };
  const me = useMe().data;
  const prices = usePriceList();
  if (!isModuleName(name))
    return (
      <Alert color="gray" data-testid="module-unknown">
        {t('error.not_found')}
      </Alert>
    );
  const label = moduleLabel(t, name);
  const isOrdered = me?.access?.modules.includes(name) ?? false;
  const isBase = BASE_MODULES.includes(name);
  const monthly = prices.data?.items.find((price) => price.item === `module:${name}`)?.monthly;

  return (
    <Stack maw={760}>
      <Group gap="sm">
        <Title order={2}>{label}</Title>
        {isOrdered && <Badge color="green">{t('modules.badge_in_subscription')}</Badge>}
      </Group>
      <Text data-testid="module-description">{t(`module_description.${name}`)}</Text>
      {isOrdered ? (
        <Paper withBorder p="md" radius="md" data-testid="module-in-subscription">
          <Text>
            {me?.access?.state === 'demo' ? t('modules.in_demo') : t('modules.in_subscription', { module: label })}
          </Text>
          <Text size="sm" c="dimmed" mt={4} data-testid="module-price">
            {isBase
              ? t('modules.included_in_base')
              : monthly
                ? t('modules.price', { amount: formatPrice(monthly, locale) })
                : null}
          </Text>
          {homeOf(name) === `/modules/${name}` ? (
            <Text size="sm" mt="sm">
              {t('modules.coming')}
            </Text>
          ) : (
            <Anchor component={Link} to={homeOf(name)} size="sm" mt="sm" display="block" data-testid="module-open">
              {t('modules.open', { module: label })} →
            </Anchor>
          )}
        </Paper>
      ) : (
        <Alert color="yellow" data-testid="module-not-in-subscription">
          <Text size="sm">{t('modules.not_in_subscription', { module: label })}</Text>
          {monthly && (
            <Text size="sm" mt={4}>
              {t('modules.price', { amount: formatPrice(monthly, locale) })}
            </Text>
          )}
          {canManage(me) ? (
            <Anchor component={Link} to="/order" size="sm" mt="xs" display="block" data-testid="module-order-link">
              {t('modules.order_it')}
            </Anchor>
          ) : (
            <Text size="sm" mt="xs">
              {t('modules.ask_owner')}
            </Text>
          )}
        </Alert>
      )}
    </Stack>
  );
}
