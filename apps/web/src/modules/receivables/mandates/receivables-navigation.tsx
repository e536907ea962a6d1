import { NavLink } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../../shared/i18n/i18n.tsx';

const isUnder = (pathname: string, path: string) => pathname === path || pathname.startsWith(`${path}/`);

/** Under Invoices in the navigation: mandates, reminders, bank statements, direct debits and refunds. */
export function ReceivablesNavigation({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  return (
    <>
      <NavLink
        component={Link}
        to="/receivables/mandates"
        pl="xl"
        label={t('nav.mandates')}
        active={isUnder(pathname, '/receivables/mandates')}
        data-testid="nav-mandates"
      />
      <NavLink
        component={Link}
        to="/receivables/reminders"
        pl="xl"
        label={t('nav.reminders')}
        active={isUnder(pathname, '/receivables/reminders')}
        data-testid="nav-reminders"
      />
      <NavLink
        component={Link}
        to="/receivables/bank-statements"
        pl="xl"
        label={t('nav.bank_statements')}
        active={isUnder(pathname, '/receivables/bank-statements')}
        data-testid="nav-bank-statements"
      />
      <NavLink
        component={Link}
        to="/receivables/direct-debit-batches"
        pl="xl"
        label={t('nav.direct_debits')}
        active={isUnder(pathname, '/receivables/direct-debit-batches')}
        data-testid="nav-direct-debits"
      />
      <NavLink
        component={Link}
        to="/receivables/refund-batches"
        pl="xl"
        label={t('nav.refunds')}
        active={isUnder(pathname, '/receivables/refund-batches')}
        data-testid="nav-refunds"
      />
    </>
  );
}
