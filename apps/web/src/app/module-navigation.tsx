import { MODULE_NAMES, type TenantAccess } from '@clientbox/contracts';
import { NavLink, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../shared/i18n/i18n.tsx';

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
        <NavLink
          key={name}
          component={Link}
          to={`/modules/${name}`}
          label={t(`module.${name}`)}
          active={pathname === `/modules/${name}`}
          data-testid={`nav-module-${name}`}
        />
      ))}
    </div>
  );
}
