import type { Task } from '@clientbox/contracts';
import { ActionIcon, Badge, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../../shared/ui/form-errors.ts';
import { formatDay, todayInAmsterdam } from './activity-format.ts';
import { useTaskMutations } from './use-activities.ts';

/** Tasks as rows: done checkbox, title, relation, due date (overdue in red), assignee. */
export function TaskList({
  tasks,
  showAssignee = false,
  showRelation = true,
  emptyText,
}: {
  tasks: Task[];
  showAssignee?: boolean;
  showRelation?: boolean;
  emptyText: string;
}) {
  const { t, locale } = useI18n();
  const { update, remove } = useTaskMutations();
  const today = todayInAmsterdam();
  const showError = (failure: unknown) =>
    notifications.show({ color: 'red', message: serverErrors(failure, locale).general ?? t('error.generic') });
  if (tasks.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="task-list-empty">
        {emptyText}
      </Text>
    );
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="task-list">
      {tasks.map((task) => {
        const isOverdue = !task.is_done && task.due_on !== null && task.due_on < today;
        const isDueToday = !task.is_done && task.due_on === today;
        const relationName = [task.organization_name, task.person_name].filter(Boolean).join(' · ');
        return (
          <Paper
            key={task.id}
            component="li"
            withBorder
            p="sm"
            radius="sm"
            data-testid="task-row"
            data-task-id={task.id}
            data-overdue={isOverdue || undefined}
            style={isOverdue ? { borderColor: 'var(--mantine-color-red-5)' } : undefined}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
              <Group wrap="nowrap" align="flex-start" gap="sm" style={{ minWidth: 0 }}>
                <Checkbox
                  mt={2}
                  checked={task.is_done}
                  aria-label={t(task.is_done ? 'tasks.mark_open' : 'tasks.mark_done', { title: task.title })}
                  onChange={(event) =>
                    update.mutate({ task, changes: { done: event.currentTarget.checked } }, { onError: showError })
                  }
                  data-testid="task-done"
                />
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Text
                      size="sm"
                      fw={500}
                      td={task.is_done ? 'line-through' : undefined}
                      style={{ overflowWrap: 'anywhere' }}
                      data-testid="task-title"
                    >
                      {task.title}
                    </Text>
                    {task.kind === 'callback' && (
                      <Badge size="xs" variant="light" color="blue">
                        {t('tasks.kind.callback')}
                      </Badge>
                    )}
                  </Group>
                  {task.description && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {task.description}
                    </Text>
                  )}
                  <Group gap="xs" wrap="wrap">
                    {showRelation && relationName && (
                      <Text size="xs" c="dimmed">
                        {relationName}
                      </Text>
                    )}
                    {task.due_on && (
                      <Text
                        size="xs"
                        c={isOverdue ? 'red' : isDueToday ? 'orange' : 'dimmed'}
                        fw={isOverdue ? 600 : undefined}
                        data-testid="task-due"
                      >
                        {t('tasks.due', { date: formatDay(task.due_on, locale) })}
                      </Text>
                    )}
                    {isOverdue && (
                      <Badge size="xs" color="red" data-testid="task-overdue">
                        {t('tasks.overdue')}
                      </Badge>
                    )}
                    {isDueToday && (
                      <Badge size="xs" color="orange">
                        {t('tasks.today')}
                      </Badge>
                    )}
                    {showAssignee && (
                      <Text size="xs" c="dimmed" data-testid="task-assignee">
                        {t('tasks.for', { name: task.assignee?.name ?? t('tasks.nobody') })}
                      </Text>
                    )}
                  </Group>
                </Stack>
              </Group>
              <ActionIcon
                variant="subtle"
                color="red"
                size="sm"
                aria-label={t('tasks.delete', { title: task.title })}
                onClick={() => remove.mutate(task, { onError: showError })}
              >
                ✕
              </ActionIcon>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
