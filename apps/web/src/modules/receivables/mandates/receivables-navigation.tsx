import { NavLink } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../../shared/i18n/i18n.tsx';

/** Under Invoices in the navigation: the direct-debit mandates of all customers. */
export function ReceivablesNavigation({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  return (
    <NavLink
      component={Link}
      to="/receivables/mandates"
      pl="xl"
      label={t('nav.mandates')}
      active={pathname === '/receivables/mandates' || pathname.startsWith('/receivables/mandates/')}
      data-testid="nav-mandates"
    />
  );
}
