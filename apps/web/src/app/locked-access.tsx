import type { TenantAccess } from '@clientbox/contracts';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../shared/i18n/i18n.tsx';

/**
 * Terms art. 10, 15: after the demo (expired) or the end of the contract (deactivated) the
 * account is locked. Its data stays exportable, and an expired demo can still be ordered;
 * a deactivated account can no longer order. Suspended accounts are not locked: they read.
 */
export function isLocked(access: TenantAccess | null | undefined): boolean {
  return access?.state === 'expired' || access?.state === 'deactivated';
}

export function isReachableWhenLocked(path: string, access: TenantAccess | null | undefined): boolean {
  // Support access stays too: a locked account may need the helpdesk most (the server allows it).
  if (path === '/settings/export' || path === '/settings/security' || path === '/settings/support') return true;
  return path === '/order' && access?.state !== 'deactivated';
}

/** Shown instead of a page that a locked account cannot use. */
/** Ordering and export are for owners and admins; others are told who can act. */
export function LockedNotice({ access, canManage }: { access: TenantAccess; canManage: boolean }) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="md" radius="md" maw={620} data-testid="locked-notice">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('locked.title')}
        </Title>
        <Text size="sm">
          {access.state === 'deactivated' ? t('locked.text_deactivated') : t('locked.text_expired')}
        </Text>
        {!canManage && <Text size="sm">{t('locked.ask_owner')}</Text>}
        <Group gap="sm">
          {canManage && access.state !== 'deactivated' && (
            <Button component={Link} to="/order" data-testid="locked-order">
              {t('order.order_now')}
            </Button>
          )}
          {canManage && (
            <Button component={Link} to="/settings/export" variant="default" data-testid="locked-export">
              {t('locked.export')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
