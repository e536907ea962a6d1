import { Badge, NavLink } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { useTaskSummary } from './use-activities.ts';

/** Under CRM in the navigation: my tasks (with the number still open) and the sales pipeline. */
export function ActivityNavigation({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  const summary = useTaskSummary();
  const open = summary.data?.open ?? 0;
  return (
    <>
      <NavLink
        component={Link}
        to="/crm/tasks"
        pl="xl"
        label={t('nav.my_tasks')}
        active={pathname === '/crm/tasks'}
        data-testid="nav-my-tasks"
        rightSection={
          open > 0 ? (
            <Badge
              size="sm"
              circle={open < 10}
              color={summary.data?.overdue ? 'red' : 'blue'}
              aria-label={t('tasks.open_count', { count: open })}
              data-testid="nav-my-tasks-count"
            >
              {open}
            </Badge>
          ) : null
        }
      />
      <NavLink
        component={Link}
        to="/crm/deals"
        pl="xl"
        label={t('nav.deals')}
        active={pathname === '/crm/deals'}
        data-testid="nav-deals"
      />
    </>
  );
}
