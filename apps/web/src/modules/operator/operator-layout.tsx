import {
  Alert,
  AppShell,
  Badge,
  Burger,
  Center,
  Group,
  Loader,
  MantineThemeProvider,
  NavLink,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../shared/i18n/nl.ts';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { CONSOLE_THEME, useConsoleColors } from './use-console-colors.ts';
import { useEndedSessionWatch, useOperatorLogout, useOperatorMe } from './use-operator.ts';

const NAVIGATION: { to: string; label: MessageKey; testId: string }[] = [
  { to: '/operator', label: 'console.nav.tenants', testId: 'console-nav-tenants' },
  { to: '/operator/orders', label: 'console.nav.orders', testId: 'console-nav-orders' },
  { to: '/operator/prices', label: 'console.nav.prices', testId: 'console-nav-prices' },
  { to: '/operator/terms', label: 'console.nav.terms', testId: 'console-nav-terms' },
  { to: '/operator/announcements', label: 'console.nav.announcements', testId: 'console-nav-announcements' },
  { to: '/operator/support', label: 'console.nav.support', testId: 'console-nav-support' },
];

/**
 * The operator console's frame: its own header and navigation, no tenant switcher or tenant
 * navigation. Without a console session it sends the visitor to the console login.
 */
export function OperatorLayout() {
  const { t, locale } = useI18n();
  const [opened, { toggle, close }] = useDisclosure();
  const me = useOperatorMe();
  const logout = useOperatorLogout();
  const location = useLocation();
  const router = useRouter();
  useConsoleColors();
  useEndedSessionWatch();

  const isLoggedOut = me.isSuccess && !me.data;

  useEffect(close, [location.pathname, close]);
  // Once, imperatively: <Navigate> would re-render with each pending location and loop, each
  // time wrapping the previous redirect in a new one.
  useEffect(() => {
    if (isLoggedOut)
      void router.navigate({ to: '/operator/login', search: { redirect: location.href }, replace: true });
  }, [isLoggedOut]);
  useEffect(() => {
    const previous = document.title;
    document.title = t('console.title');
    return () => void (document.title = previous);
  }, [t]);

  if (me.isError)
    return (
      <Center h="100vh" p="md">
        <Alert color="red" role="alert">
          {serverErrors(me.error, locale).general}
        </Alert>
      </Center>
    );
  if (!me.data)
    return (
      <Center h="100vh">
        <Loader color="grape" aria-label={t('common.loading')} />
      </Center>
    );
  const operator = me.data;

  const signOut = async () => {
    await logout.mutateAsync().catch(() => undefined);
    await router.navigate({ to: '/operator/login' });
  };
  const isActive = (to: string) =>
    to === '/operator'
      ? location.pathname === to || location.pathname === '/operator/'
      : location.pathname.startsWith(to);

  return (
    <MantineThemeProvider theme={CONSOLE_THEME}>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header bg="grape.9" c="white" data-testid="console-header">
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                color="white"
                aria-label={t('nav.menu')}
              />
              <Title order={4} style={{ whiteSpace: 'nowrap' }}>
                {t('console.title')}
              </Title>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" visibleFrom="sm" truncate maw={200} data-testid="console-operator-name">
                {operator.name}
              </Text>
              <Badge color="yellow" variant="filled" visibleFrom="xs">
                {t(`operator_role.${operator.role}`)}
              </Badge>
              <LanguageSwitch isLoggedIn={false} />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" bg="grape.0" aria-label={t('nav.menu')} style={{ overflowY: 'auto' }}>
          {NAVIGATION.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={t(item.label)}
              active={isActive(item.to)}
              activeOptions={{ exact: item.to === '/operator' }}
              color="grape"
              data-testid={item.testId}
            />
          ))}
          <NavLink
            component="button"
            label={t('nav.logout')}
            onClick={signOut}
            mt="auto"
            data-testid="console-logout"
          />
        </AppShell.Navbar>
        <AppShell.Main bg="gray.0">
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </MantineThemeProvider>
  );
}
