import type { Deal } from '@clientbox/contracts';
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { formatDate } from '../../../shared/i18n/format-date.ts';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { serverErrors } from '../../../shared/ui/form-errors.ts';
import { canManage, useMe } from '../../accounts/use-me.ts';
import { daysAgo, formatDay, formatEuros } from './activity-format.ts';
import { type BoardMove, DealBoard } from './deal-board.tsx';
import { DealFormModal } from './deal-form-modal.tsx';
import { DealSummaryChart } from './deal-summary-chart.tsx';
import { StageSettingsDialog } from './stage-settings-dialog.tsx';
import { activityKeys, useDealMutations, useDeals, useDealStages, useDealSummary } from './use-activities.ts';

type View = 'board' | 'list';

/** `?view=list`: the view is in the URL. */
export function parseDealsSearch(search: Record<string, unknown>): { view?: View } {
  return search.view === 'list' ? { view: 'list' } : {};
}

/** The board shows open deals and those closed in the last quarter; older ones are in the summary. */
const BOARD_FILTER = { closed_since: daysAgo(90) };

/** A card placed in a column, before the server answers: the board does not jump back while it saves. */
function placeLocally(deals: Deal[], move: BoardMove): Deal[] {
  const column = deals
    .filter((deal) => deal.stage_id === move.stage.id && deal.id !== move.deal.id)
    .sort((a, b) => a.position - b.position);
  column.splice(Math.min(move.position, column.length), 0, { ...move.deal, stage_id: move.stage.id });
  const placed = new Map(column.map((deal, position) => [deal.id, { ...deal, position }]));
  return deals.map((deal) => placed.get(deal.id) ?? deal);
}

/** The sales pipeline: a board with a column per stage (or a list), the won/lost chart and the stage settings. */
export function DealsPage() {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const { view = 'board' } = useSearch({ strict: false }) as { view?: View };
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const stages = useDealStages();
  const deals = useDeals(BOARD_FILTER);
  const summary = useDealSummary(12);
  const { move } = useDealMutations();
  const [editing, setEditing] = useState<Deal | null>(null);
  const [isAdding, setAdding] = useState(false);
  const [isConfiguring, setConfiguring] = useState(false);
  const [lostMove, setLostMove] = useState<BoardMove | null>(null);
  const [lostReason, setLostReason] = useState('');

  const send = (boardMove: BoardMove, reason?: string) => {
    const key = activityKeys.dealList(BOARD_FILTER);
    const before = queryClient.getQueryData<Deal[]>(key);
    if (before) queryClient.setQueryData(key, placeLocally(before, boardMove));
    move.mutate(
      {
        deal: boardMove.deal,
        move: {
          stage_id: boardMove.stage.id,
          position: boardMove.position,
          ...(reason ? { lost_reason: reason } : {}),
        },
      },
      {
        onError: (failure) => {
          if (before) queryClient.setQueryData(key, before);
          notifications.show({ color: 'red', message: serverErrors(failure, locale).general ?? t('error.generic') });
        },
      },
    );
  };
  const onMove = (boardMove: BoardMove) => {
    const isSamePlace =
      boardMove.deal.stage_id === boardMove.stage.id && boardMove.deal.position === boardMove.position;
    if (isSamePlace) return;
    if (boardMove.stage.outcome === 'lost' && boardMove.deal.outcome !== 'lost') {
      setLostReason('');
      setLostMove(boardMove);
      return;
    }
    send(boardMove);
  };

  const stageName = useMemo(() => new Map((stages.data ?? []).map((stage) => [stage.id, stage.name])), [stages.data]);

  return (
    <Stack data-testid="deals-page">
      <Group justify="space-between" align="center" wrap="wrap">
        <Title order={2}>{t('deals.page_title')}</Title>
        <Group gap="xs" wrap="wrap">
          <SegmentedControl
            aria-label={t('deals.view')}
            value={view}
            onChange={(next) =>
              void navigate({ to: '/crm/deals', search: next === 'list' ? { view: 'list' } : {}, replace: true })
            }
            data={[
              { value: 'board', label: t('deals.view.board') },
              { value: 'list', label: t('deals.view.list') },
            ]}
            data-testid="deals-view"
          />
          {canManage(me) && (
            <Button variant="default" onClick={() => setConfiguring(true)} data-testid="deals-stage-settings">
              {t('deals.stages_title')}
            </Button>
          )}
          <Button onClick={() => setAdding(true)} data-testid="deals-add">
            {t('deals.new')}
          </Button>
        </Group>
      </Group>
      {(stages.isLoading || deals.isLoading) && <Loader size="sm" aria-label={t('common.loading')} />}
      {(stages.isError || deals.isError) && <Alert color="red">{t('error.generic')}</Alert>}
      {stages.data && deals.data && view === 'board' && (
        <DealBoard stages={stages.data} deals={deals.data} onMove={onMove} onEdit={setEditing} />
      )}
      {stages.data && deals.data && view === 'list' && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing="xs" data-testid="deals-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('deals.title_field')}</Table.Th>
                <Table.Th>{t('deals.relation')}</Table.Th>
                <Table.Th>{t('deals.stage')}</Table.Th>
                <Table.Th ta="right">{t('deals.value')}</Table.Th>
                <Table.Th ta="right">{t('deals.probability')}</Table.Th>
                <Table.Th>{t('deals.expected_close_on')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {deals.data.map((deal) => (
                <Table.Tr key={deal.id}>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" px={0} onClick={() => setEditing(deal)}>
                      {deal.title}
                    </Button>
                  </Table.Td>
                  <Table.Td>{deal.organization_name ?? deal.person_name ?? ''}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={{ open: 'blue', won: 'green', lost: 'red' }[deal.outcome]}>
                      {stageName.get(deal.stage_id)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{formatEuros(deal.value, locale)}</Table.Td>
                  <Table.Td ta="right">{deal.probability}%</Table.Td>
                  <Table.Td>
                    {deal.closed_at
                      ? formatDate(deal.closed_at, locale)
                      : deal.expected_close_on
                        ? formatDay(deal.expected_close_on, locale)
                        : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {deals.data.length === 0 && (
            <Text c="dimmed" size="sm" mt="sm">
              {t('deals.none')}
            </Text>
          )}
        </Table.ScrollContainer>
      )}
      {summary.data && <DealSummaryChart summary={summary.data} />}
      <DealFormModal opened={isAdding} onClose={() => setAdding(false)} />
      <DealFormModal opened={editing !== null} onClose={() => setEditing(null)} deal={editing ?? undefined} />
      <StageSettingsDialog opened={isConfiguring} onClose={() => setConfiguring(false)} />
      <ConfirmDialog
        opened={lostMove !== null}
        title={t('deals.lost_title', { title: lostMove?.deal.title ?? '' })}
        confirmLabel={t('deals.lost_confirm')}
        color="red"
        onClose={() => setLostMove(null)}
        onConfirm={() => {
          if (!lostMove || lostReason.trim() === '') return;
          send(lostMove, lostReason.trim());
          setLostMove(null);
        }}
        testId="deal-lost-dialog"
      >
        <TextInput
          label={t('deals.lost_reason')}
          value={lostReason}
          onChange={(event) => setLostReason(event.currentTarget.value)}
          required
          data-autofocus
          data-testid="deal-lost-reason"
        />
      </ConfirmDialog>
    </Stack>
  );
}
