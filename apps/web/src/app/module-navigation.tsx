import { MODULE_NAMES, type ModuleName, type TenantAccess } from '@clientbox/contracts';
import { NavLink, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { Fragment } from 'react';
import { ActivityNavigation } from '../modules/crm/activities/activity-navigation.tsx';
import { RelationNavigation } from '../modules/crm/relations/relation-navigation.tsx';
import { ReceivablesNavigation } from '../modules/receivables/mandates/receivables-navigation.tsx';
import { SubscriptionsNavigation } from '../modules/subscriptions/subscriptions-navigation.tsx';
import { useI18n } from '../shared/i18n/i18n.tsx';

/** Modules with pages of their own open there; the others open their description at `/modules/<name>`. */
const MODULE_HOME: Partial<Record<ModuleName, string>> = {
  crm: '/crm/organizations',
  products: '/products',
  invoices: '/invoices',
  quotes: '/quotes',
  subscriptions: '/subscriptions',
};
export const homeOf = (name: ModuleName) => MODULE_HOME[name] ?? `/modules/${name}`;

/** Terms art. 11: the navigation offers exactly the modules the tenant has, in the order of art. 2. */
export function ModuleNavigation({ access, pathname }: { access: TenantAccess; pathname: string }) {
  const { t } = useI18n();
  const modules = MODULE_NAMES.filter((name) => access.modules.includes(name));
  if (modules.length === 0) return null;
  return (
    <div role="group" aria-label={t('nav.modules')} data-testid="nav-modules">
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" mt="md" mb={4}>
        {t('nav.modules')}
      </Text>
      {modules.map((name) => (
        <Fragment key={name}>
          <NavLink
            component={Link}
            to={homeOf(name)}
            label={t(`module.${name}`)}
            active={pathname === homeOf(name) || pathname.startsWith(`${homeOf(name)}/`)}
            data-testid={`nav-module-${name}`}
          />
          {name === 'crm' && <RelationNavigation pathname={pathname} />}
          {name === 'crm' && <ActivityNavigation pathname={pathname} />}
          {name === 'invoices' && <ReceivablesNavigation pathname={pathname} />}
          {name === 'subscriptions' && <SubscriptionsNavigation pathname={pathname} />}
        </Fragment>
      ))}
    </div>
  );
}
