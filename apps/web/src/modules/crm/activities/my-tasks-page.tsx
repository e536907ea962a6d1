import { Alert, Badge, Button, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { useMe } from '../../accounts/use-me.ts';
import { TaskFormModal } from './task-form-modal.tsx';
import { TaskList } from './task-list.tsx';
import { type TaskFilter, useTaskSummary, useTasks } from './use-activities.ts';

const VIEWS = ['mine', 'assigned', 'done'] as const;
type View = (typeof VIEWS)[number];

/** `?view=assigned`: the view is in the URL, so a link or reload shows the same list. */
export function parseMyTasksSearch(search: Record<string, unknown>): { view?: View } {
  return VIEWS.includes(search.view as View) && search.view !== 'mine' ? { view: search.view as View } : {};
}

const FILTERS: Record<View, TaskFilter> = {
  mine: { assignee: 'me', status: 'open' },
  assigned: { created_by: 'me', status: 'open' },
  done: { assignee: 'me', status: 'done' },
};

/** "Mijn taken": my open tasks and call-backs (overdue first), what I gave to others, and what I finished. */
export function MyTasksPage() {
  const { t } = useI18n();
  const me = useMe().data;
  const { view = 'mine' } = useSearch({ strict: false }) as { view?: View };
  const navigate = useNavigate();
  const tasks = useTasks(FILTERS[view]);
  const summary = useTaskSummary();
  const [isAdding, setAdding] = useState(false);
  // "Assigned by me" means to someone else: my own tasks are under "mine".
  const shown = (tasks.data ?? []).filter((task) => view !== 'assigned' || task.assignee?.user_id !== me?.user.id);
  return (
    <Stack maw={860} data-testid="my-tasks-page">
      <Group justify="space-between" align="center">
        <Title order={2}>{t('tasks.my_tasks')}</Title>
        <Button onClick={() => setAdding(true)} data-testid="my-tasks-add">
          {t('tasks.new')}
        </Button>
      </Group>
      {summary.data && summary.data.open > 0 && (
        <Group gap="xs">
          <Text size="sm">{t('tasks.open_count', { count: summary.data.open })}</Text>
          {summary.data.overdue > 0 && (
            <Badge color="red" data-testid="my-tasks-overdue-count">
              {t('tasks.overdue_count', { count: summary.data.overdue })}
            </Badge>
          )}
        </Group>
      )}
      <SegmentedControl
        aria-label={t('tasks.view')}
        value={view}
        onChange={(next) =>
          void navigate({ to: '/crm/tasks', search: next === 'mine' ? {} : { view: next as View }, replace: true })
        }
        data={VIEWS.map((value) => ({ value, label: t(`tasks.view.${value}`) }))}
        fullWidth
        data-testid="my-tasks-view"
      />
      {tasks.isLoading && <Loader size="sm" aria-label={t('common.loading')} />}
      {tasks.isError && <Alert color="red">{t('error.generic')}</Alert>}
      {tasks.data && <TaskList tasks={shown} showAssignee={view === 'assigned'} emptyText={t(`tasks.empty.${view}`)} />}
      <TaskFormModal opened={isAdding} onClose={() => setAdding(false)} />
    </Stack>
  );
}
