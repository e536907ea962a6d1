import { type Deal, type DealStage, formatAmount, parseAmount } from '@clientbox/contracts';
import { ActionIcon, Badge, Box, Group, NativeSelect, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { type DragEvent, useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { formatDay, formatEuros } from './activity-format.ts';

export interface BoardMove {
  deal: Deal;
  stage: DealStage;
  /** Place in the column without the moved card (0 is the top). */
  position: number;
}

const OUTCOME_COLORS = { open: 'blue', won: 'green', lost: 'red' } as const;

/**
 * The pipeline as columns, one per stage. Cards move by drag and drop (native HTML5), and for
 * keyboard and touch users with the "move to" select and the up/down buttons on each card.
 */
export function DealBoard({
  stages,
  deals,
  onMove,
  onEdit,
}: {
  stages: DealStage[];
  deals: Deal[];
  onMove(move: BoardMove): void;
  onEdit(deal: Deal): void;
}) {
  const { t, locale } = useI18n();
  const [draggedId, setDraggedId] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<{ stageId: string; position: number } | null>(null);
  const columnOf = (stageId: string) =>
    deals.filter((deal) => deal.stage_id === stageId).sort((a, b) => a.position - b.position);

  /** Where a card dropped at this height lands: before the first card whose middle is below the pointer. */
  const positionAt = (event: DragEvent<HTMLElement>): number => {
    const cards = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-testid="deal-card"]')].filter(
      (card) => card.dataset.dealId !== draggedId,
    );
    const index = cards.findIndex((card) => {
      const box = card.getBoundingClientRect();
      return event.clientY < box.top + box.height / 2;
    });
    return index === -1 ? cards.length : index;
  };

  const drop = (event: DragEvent<HTMLElement>, stage: DealStage) => {
    event.preventDefault();
    const id = event.dataTransfer.getData('text/plain') || draggedId;
    const deal = deals.find((candidate) => candidate.id === id);
    const position = positionAt(event);
    setDraggedId(null);
    setDropTarget(null);
    if (deal) onMove({ deal, stage, position });
  };

  return (
    <Box
      data-testid="deal-board"
      style={{ display: 'flex', gap: 'var(--mantine-spacing-sm)', overflowX: 'auto', paddingBottom: 8 }}
    >
      {stages.map((stage) => {
        const column = columnOf(stage.id);
        const total = column.reduce((sum, deal) => sum + parseAmount(deal.value), 0n);
        return (
          <Paper
            key={stage.id}
            withBorder
            p="xs"
            radius="md"
            bg="var(--mantine-color-gray-0)"
            style={{ flex: '0 0 240px', display: 'flex', flexDirection: 'column' }}
            component="section"
            aria-label={stage.name}
            data-testid="deal-column"
            data-stage-id={stage.id}
            data-stage-name={stage.name}
          >
            <Stack gap={2} mb="xs">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text fw={600} size="sm" truncate>
                  {stage.name}
                </Text>
                <Badge size="sm" variant="light" color={OUTCOME_COLORS[stage.outcome]}>
                  {column.length}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {formatEuros(formatAmount(total), locale)} · {stage.probability}%
              </Text>
            </Stack>
            <Stack
              gap="xs"
              style={{
                flex: 1,
                minHeight: 80,
                borderRadius: 6,
                outline: dropTarget?.stageId === stage.id ? '2px dashed var(--mantine-color-blue-4)' : undefined,
              }}
              onDragOver={(event) => {
                if (!draggedId) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                const position = positionAt(event);
                if (dropTarget?.stageId !== stage.id || dropTarget.position !== position)
                  setDropTarget({ stageId: stage.id, position });
              }}
              onDragLeave={(event) => {
                if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(null);
              }}
              onDrop={(event) => drop(event, stage)}
              data-testid="deal-column-body"
            >
              {column.map((deal, index) => (
                <DealCard
                  key={deal.id}
                  deal={deal}
                  stages={stages}
                  isFirst={index === 0}
                  isLast={index === column.length - 1}
                  isDragged={draggedId === deal.id}
                  onDragStart={(event) => {
                    event.dataTransfer.setData('text/plain', deal.id);
                    event.dataTransfer.effectAllowed = 'move';
                    setDraggedId(deal.id);
                  }}
                  onDragEnd={() => {
                    setDraggedId(null);
                    setDropTarget(null);
                  }}
                  onMoveTo={(target) =>
                    onMove({
                      deal,
                      stage: target,
                      position: columnOf(target.id).filter((d) => d.id !== deal.id).length,
                    })
                  }
                  onStep={(step) => onMove({ deal, stage, position: index + step })}
                  onEdit={() => onEdit(deal)}
                />
              ))}
              {column.length === 0 && (
                <Text size="xs" c="dimmed" ta="center" py="md">
                  {t('deals.column_empty')}
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Box>
  );
}

function DealCard({
  deal,
  stages,
  isFirst,
  isLast,
  isDragged,
  onDragStart,
  onDragEnd,
  onMoveTo,
  onStep,
  onEdit,
}: {
  deal: Deal;
  stages: DealStage[];
  isFirst: boolean;
  isLast: boolean;
  isDragged: boolean;
  onDragStart(event: DragEvent<HTMLElement>): void;
  onDragEnd(): void;
  onMoveTo(stage: DealStage): void;
  onStep(step: -1 | 1): void;
  onEdit(): void;
}) {
  const { t, locale } = useI18n();
  const relation = deal.organization_name ?? deal.person_name;
  return (
    <Paper
      withBorder
      shadow="xs"
      p="xs"
      radius="sm"
      draggable
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      style={{ cursor: 'grab', opacity: isDragged ? 0.5 : 1 }}
      data-testid="deal-card"
      data-deal-id={deal.id}
      data-deal-title={deal.title}
    >
      <UnstyledButton
        onClick={onEdit}
        style={{ display: 'block', width: '100%' }}
        aria-label={t('deals.edit_named', { title: deal.title })}
      >
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {deal.title}
        </Text>
        {relation && (
          <Text size="xs" c="dimmed" truncate>
            {relation}
          </Text>
        )}
      </UnstyledButton>
      <Group justify="space-between" gap={4} mt={4} wrap="nowrap">
        <Text size="sm" data-testid="deal-card-value">
          {formatEuros(deal.value, locale)}
        </Text>
        {deal.expected_close_on && deal.outcome === 'open' && (
          <Text size="xs" c="dimmed">
            {formatDay(deal.expected_close_on, locale)}
          </Text>
        )}
      </Group>
      {deal.lost_reason && (
        <Text size="xs" c="red" mt={2}>
          {deal.lost_reason}
        </Text>
      )}
      <Group gap={4} mt={6} wrap="nowrap">
        <NativeSelect
          size="xs"
          style={{ flex: 1 }}
          aria-label={t('deals.move_to', { title: deal.title })}
          value={deal.stage_id}
          data={stages.map((stage) => ({ value: stage.id, label: stage.name }))}
          onChange={(event) => {
            const target = stages.find((stage) => stage.id === event.currentTarget.value);
            if (target && target.id !== deal.stage_id) onMoveTo(target);
          }}
          data-testid="deal-card-move"
        />
        <ActionIcon
          size="sm"
          variant="default"
          disabled={isFirst}
          aria-label={t('deals.move_up', { title: deal.title })}
          onClick={() => onStep(-1)}
        >
          ↑
        </ActionIcon>
        <ActionIcon
          size="sm"
          variant="default"
          disabled={isLast}
          aria-label={t('deals.move_down', { title: deal.title })}
          onClick={() => onStep(1)}
        >
          ↓
        </ActionIcon>
      </Group>
    </Paper>
  );
}
