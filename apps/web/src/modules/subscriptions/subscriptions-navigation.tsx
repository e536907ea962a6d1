import { NavLink } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../shared/i18n/i18n.tsx';

/** Under Subscriptions in the navigation: the billing run, its settings and the indexation. */
export function SubscriptionsNavigation({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  return (
    <NavLink
      component={Link}
      to="/subscriptions/billing"
      pl="xl"
      label={t('nav.subscription_billing')}
      active={pathname === '/subscriptions/billing'}
      data-testid="nav-subscription-billing"
    />
  );
}
