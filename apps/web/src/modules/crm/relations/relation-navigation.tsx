import { NavLink } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../../shared/i18n/i18n.tsx';

/** Under CRM in the navigation (which opens the organizations): the persons. */
export function RelationNavigation({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  return (
    <NavLink
      component={Link}
      to="/crm/persons"
      pl="xl"
      label={t('nav.persons')}
      active={pathname === '/crm/persons' || pathname.startsWith('/crm/persons/')}
      data-testid="nav-persons"
    />
  );
}
