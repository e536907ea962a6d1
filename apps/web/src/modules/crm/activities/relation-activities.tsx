import { Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { formatEuros } from './activity-format.ts';
import { DealFormModal } from './deal-form-modal.tsx';
import { TaskFormModal } from './task-form-modal.tsx';
import { TaskList } from './task-list.tsx';
import { TimelinePanel } from './timeline-panel.tsx';
import { type RelationRef, useDealStages, useDeals, useTasks } from './use-activities.ts';

/** Timeline, open tasks and deals of one organization or person: the activity side of its page. */
export function RelationActivities({ relation }: { relation: RelationRef }) {
  return (
    <Grid gap="lg" data-testid="relation-activities">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <TimelinePanel relation={relation} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="lg">
          <RelationTasks relation={relation} />
          <RelationDeals relation={relation} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

const relationFilter = (relation: RelationRef) =>
  relation.type === 'organization' ? { organization_id: relation.id } : { person_id: relation.id };

function RelationTasks({ relation }: { relation: RelationRef }) {
  const { t } = useI18n();
  const tasks = useTasks({ ...relationFilter(relation), status: 'open' });
  const [isAdding, setAdding] = useState(false);
  return (
    <Stack gap="xs" data-testid="relation-tasks">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('tasks.open_tasks')}
        </Title>
        <Button size="xs" variant="light" onClick={() => setAdding(true)} data-testid="relation-add-task">
          {t('tasks.add')}
        </Button>
      </Group>
      <TaskList tasks={tasks.data ?? []} showAssignee showRelation={false} emptyText={t('tasks.none_for_relation')} />
      <TaskFormModal opened={isAdding} onClose={() => setAdding(false)} relation={relation} initialKind="callback" />
    </Stack>
  );
}

function RelationDeals({ relation }: { relation: RelationRef }) {
  const { t, locale } = useI18n();
  const deals = useDeals(relationFilter(relation));
  const stages = useDealStages();
  const [isAdding, setAdding] = useState(false);
  const stageName = (id: string) => stages.data?.find((stage) => stage.id === id)?.name ?? '';
  const outcomeColor = { open: 'blue', won: 'green', lost: 'red' } as const;
  return (
    <Stack gap="xs" data-testid="relation-deals">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('deals.title')}
        </Title>
        <Button size="xs" variant="light" onClick={() => setAdding(true)} data-testid="relation-add-deal">
          {t('deals.add')}
        </Button>
      </Group>
      {(deals.data ?? []).length === 0 && (
        <Text size="sm" c="dimmed">
          {t('deals.none_for_relation')}
        </Text>
      )}
      {(deals.data ?? []).map((deal) => (
        <Paper key={deal.id} withBorder p="sm" radius="sm" data-testid="relation-deal">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
              {deal.title}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {formatEuros(deal.value, locale)}
            </Text>
          </Group>
          <Group gap="xs" mt={4}>
            <Badge size="xs" variant="light" color={outcomeColor[deal.outcome]}>
              {stageName(deal.stage_id)}
            </Badge>
            <Text size="xs" c="dimmed">
              {deal.probability}%
            </Text>
          </Group>
        </Paper>
      ))}
      <DealFormModal opened={isAdding} onClose={() => setAdding(false)} relation={relation} />
    </Stack>
  );
}
