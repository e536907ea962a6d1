import { NavLink } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../../shared/i18n/i18n.tsx';

const isUnder = (pathname: string, path: string) => pathname === path || pathname.startsWith(`${path}/`);

/** The receivables screens, in the order they stand under Invoices. */
const ENTRIES = [
  { to: '/receivables/mandates', label: 'nav.mandates', testId: 'nav-mandates' },
  { to: '/receivables/reminders', label: 'nav.reminders', testId: 'nav-reminders' },
  { to: '/receivables/bank-statements', label: 'nav.bank_statements', testId: 'nav-bank-statements' },
  { to: '/receivables/direct-debit-batches', label: 'nav.direct_debits', testId: 'nav-direct-debits' },
  { to: '/receivables/refund-batches', label: 'nav.refunds', testId: 'nav-refunds' },
] as const;

/** Under Invoices in the navigation: mandates, reminders, bank statements, direct debits and refunds. */
export function ReceivablesNavigation({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  return ENTRIES.map((entry) => (
    <NavLink
      key={entry.to}
      component={Link}
      to={entry.to}
      pl="xl"
      label={t(entry.label)}
      active={isUnder(pathname, entry.to)}
      data-testid={entry.testId}
    />
  ));
}
