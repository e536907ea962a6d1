import { AppShell, Burger, Button, Center, Group, Loader, Menu, NavLink, Select, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { api } from '../shared/api/api-client.ts';
import { authClient } from '../shared/api/auth-client.ts';
import type { ModuleName } from '@clientbox/contracts';
import { useI18n } from '../shared/i18n/i18n.tsx';
import type { MessageKey } from '../shared/i18n/nl.ts';
import { canManage, useMe } from '../modules/accounts/use-me.ts';
import { AccessBanner } from './access-banner.tsx';
import { isLocked, isReachableWhenLocked, LockedNotice } from './locked-access.tsx';
import { ModuleNavigation } from './module-navigation.tsx';
import { OperatorFooter } from './operator-identity.tsx';
import { TermsBanner } from './terms-banner.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { RelationSearchBox } from '../modules/crm/relations/relation-search-box.tsx';
import { RelationSectionsProvider } from '../shared/ui/relation-sections.tsx';
import { RELATION_SECTIONS } from './relation-sections.ts';
import { InvoiceSectionsProvider } from '../shared/ui/invoice-sections.tsx';
import { INVOICE_SECTIONS } from './invoice-sections.ts';

const NO_MODULES: readonly string[] = [];

const NAVIGATION: {
  to: string;
  label: MessageKey;
  adminOnly?: boolean;
  testId?: string;
  /** Only for tenants with this module. */
  module?: ModuleName;
}[] = [
  { to: '/', label: 'nav.dashboard' },
  { to: '/order', label: 'nav.order', adminOnly: true, testId: 'nav-order' },
  { to: '/settings/company', label: 'nav.company' },
  { to: '/settings/members', label: 'nav.members' },
  { to: '/settings/security', label: 'nav.security' },
  { to: '/settings/api-keys', label: 'nav.api_keys', adminOnly: true },
  { to: '/settings/audit', label: 'nav.audit', adminOnly: true },
  { to: '/settings/vat-rates', label: 'nav.vat_rates', adminOnly: true, module: 'products', testId: 'nav-vat-rates' },
  { to: '/settings/support', label: 'nav.support', adminOnly: true, testId: 'nav-support' },
  // Also for expired, suspended and deactivated accounts: leaving with one's data (terms art. 17).
  { to: '/settings/export', label: 'nav.export', adminOnly: true },
];

/** The logged-in frame: header with tenant switcher, language and user menu; navigation beside or behind a burger. */
export function AppShellLayout() {
  const { t, locale, setLocale } = useI18n();
  const [opened, { toggle, close }] = useDisclosure();
  const me = useMe();
  const location = useLocation();
  const router = useRouter();
  const queryClient = useQueryClient();
  const user = me.data?.user;

  // The language stored for this person wins on a new device.
  useEffect(() => {
    if (user && user.locale !== locale) setLocale(user.locale);
  }, [user?.id]);
  useEffect(close, [location.pathname, close]);
  const isLoggedOut = !me.isLoading && !me.isFetching && !me.data;
  // Once, imperatively: a <Navigate> here re-rendered with every pending location and looped,
  // wrapping the previous redirect in a new one each time (a deep link while logged out hung).
  useEffect(() => {
    if (isLoggedOut) void router.navigate({ to: '/login', search: { redirect: location.href }, replace: true });
  }, [isLoggedOut]);

  if (!me.data)
    return (
      <Center h="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  const { tenant, tenants, access } = me.data;

  const switchTenant = async (tenantId: string | null) => {
    if (!tenantId || tenantId === tenant?.id) return;
    await api('POST', '/api/v1/me/active_tenant', { body: { tenant_id: tenantId } });
    await queryClient.invalidateQueries();
  };
  const logout = async () => {
    await authClient.signOut();
    queryClient.clear();
    await router.navigate({ to: '/login' });
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Title order={4}>{t('app.name')}</Title>
            {tenants.length > 1 ? (
              <Select
                aria-label={t('nav.tenant')}
                size="xs"
                w={170}
                data={tenants.map((item) => ({ value: item.id, label: item.name }))}
                value={tenant?.id ?? null}
                onChange={switchTenant}
                allowDeselect={false}
                visibleFrom="xs"
              />
            ) : (
              <Text size="sm" c="dimmed" visibleFrom="xs" truncate maw={180}>
                {tenant?.name}
              </Text>
            )}
          </Group>
          <Group gap={4} wrap="nowrap">
            {access?.modules.includes('crm') && !isLocked(access) && <RelationSearchBox placement="header" />}
            <LanguageSwitch isLoggedIn />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button
                  variant="subtle"
                  size="xs"
                  px={6}
                  maw={{ base: 72, sm: 220 }}
                  aria-label={t('nav.user_menu')}
                  styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
                >
                  {user?.name}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{user?.email}</Menu.Label>
                <Menu.Item component={Link} to="/settings/security">
                  {t('nav.security')}
                </Menu.Item>
                <Menu.Item onClick={logout}>{t('nav.logout')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.menu')} style={{ overflowY: 'auto' }}>
        {access?.modules.includes('crm') && !isLocked(access) && <RelationSearchBox placement="menu" />}
        {NAVIGATION.filter((item) => !item.adminOnly || canManage(me.data))
          .filter((item) => !item.module || Boolean(access?.modules.includes(item.module)))
          .filter((item) => !isLocked(access) || isReachableWhenLocked(item.to, access))
          .map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={t(item.label)}
              active={location.pathname === item.to}
              data-testid={item.testId}
            />
          ))}
        {access && !isLocked(access) && <ModuleNavigation access={access} pathname={location.pathname} />}
        <NavLink component="button" label={t('nav.logout')} onClick={logout} mt="auto" />
      </AppShell.Navbar>
      <AppShell.Main>
        <AccessBanner access={access} canExport={canManage(me.data)} canOrder={canManage(me.data)} />
        <TermsBanner isOwner={tenant?.role === 'owner'} />
        {access && isLocked(access) && !isReachableWhenLocked(location.pathname, access) ? (
          <LockedNotice access={access} canManage={canManage(me.data)} />
        ) : (
          <RelationSectionsProvider sections={RELATION_SECTIONS} modules={access?.modules ?? NO_MODULES}>
            <InvoiceSectionsProvider sections={INVOICE_SECTIONS} modules={access?.modules ?? NO_MODULES}>
              <Outlet />
            </InvoiceSectionsProvider>
          </RelationSectionsProvider>
        )}
        <OperatorFooter />
      </AppShell.Main>
    </AppShell>
  );
}
