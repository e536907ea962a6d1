import { createNote, NOTE_KINDS, type NoteKind, type TimelineItem } from '@clientbox/contracts';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { formatDateTime } from '../../../shared/i18n/format-date.ts';
import { serverErrors, validate } from '../../../shared/ui/form-errors.ts';
import { canManage, useMe } from '../../accounts/use-me.ts';
import { type RelationRef, useNoteMutations, useTimeline } from './use-activities.ts';

const KIND_COLORS: Record<NoteKind, string> = { note: 'gray', call: 'blue', visit: 'grape', email: 'teal' };
const isNoteKind = (kind: string): kind is NoteKind => (NOTE_KINDS as readonly string[]).includes(kind);

type Translate = ReturnType<typeof useI18n>['t'];
const ROLES = ['lead', 'customer', 'supplier'] as const;

/** The relations' history item: lead, customer or supplier changed (with the numbers given). */
function describeStatusChange(details: Record<string, unknown>, t: Translate): string {
  const to = (details.to ?? {}) as Partial<Record<`is_${(typeof ROLES)[number]}`, boolean>>;
  const roles = ROLES.filter((role) => to[`is_${role}`]).map((role) => t(`activities.role.${role}`));
  const lines = [
    details.change === 'lead_to_customer'
      ? t('activities.status.converted')
      : t('activities.status.now', { roles: roles.length ? roles.join(', ') : t('activities.status.none') }),
  ];
  if (typeof details.debtor_number === 'string')
    lines.push(t('activities.status.debtor', { number: details.debtor_number }));
  if (typeof details.creditor_number === 'string')
    lines.push(t('activities.status.creditor', { number: details.creditor_number }));
  return lines.join(' · ');
}

/** The relation's timeline, newest first, with a quick form to log a call, visit, e-mail or note. */
export function TimelinePanel({ relation }: { relation: RelationRef }) {
  const { t } = useI18n();
  const timeline = useTimeline(relation);
  const items = timeline.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Stack gap="sm" data-testid="timeline">
      <Title order={3} size="h4">
        {t('activities.timeline')}
      </Title>
      <QuickLogForm relation={relation} />
      {timeline.isError && <Alert color="red">{t('error.generic')}</Alert>}
      {!timeline.isLoading && items.length === 0 && (
        <Text c="dimmed" size="sm" data-testid="timeline-empty">
          {t('activities.timeline_empty')}
        </Text>
      )}
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((item) => (
          <TimelineEntry key={item.id} item={item} relation={relation} />
        ))}
      </Stack>
      {timeline.hasNextPage && (
        <Button variant="subtle" onClick={() => timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
          {t('common.load_more')}
        </Button>
      )}
    </Stack>
  );
}

function QuickLogForm({ relation }: { relation: RelationRef }) {
  const { t, locale } = useI18n();
  const { add } = useNoteMutations(relation);
  const [kind, setKind] = useState<NoteKind>('call');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const values = { [relation.type === 'organization' ? 'organization_id' : 'person_id']: relation.id, kind, body };
    const checked = validate(createNote, values, locale);
    setError(checked.errors.body ?? checked.errors.organization_id);
    if (!checked.data) return;
    try {
      await add.mutateAsync(checked.data);
      setBody('');
      notifications.show({ color: 'green', message: t('activities.logged') });
    } catch (failure) {
      const problem = serverErrors(failure, locale);
      setError(problem.fields.body ?? problem.general ?? undefined);
    }
  };
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} noValidate data-testid="quick-log-form">
      <Stack gap="xs">
        <SegmentedControl
          aria-label={t('activities.kind')}
          value={kind}
          onChange={(value) => setKind(value as NoteKind)}
          data={NOTE_KINDS.map((value) => ({ value, label: t(`activities.kind.${value}`) }))}
          fullWidth
          size="xs"
          data-testid="quick-log-kind"
        />
        <Textarea
          label={t('activities.log_label')}
          placeholder={t(`activities.placeholder.${kind}`)}
          value={body}
          onChange={(event) => setBody(event.currentTarget.value)}
          error={error}
          autosize
          minRows={2}
          maxRows={8}
          data-testid="quick-log-body"
        />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={add.isPending} data-testid="quick-log-submit">
            {t(`activities.log.${kind}`)}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function TimelineEntry({ item, relation }: { item: TimelineItem; relation: RelationRef }) {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const { update, remove } = useNoteMutations(relation);
  const [draft, setDraft] = useState<string | null>(null);
  const mayChange = item.is_note && (item.author?.user_id === me?.user.id || canManage(me));
  const label = isNoteKind(item.kind)
    ? t(`activities.kind.${item.kind}`)
    : item.kind === 'status_changed'
      ? t('activities.kind.status_changed')
      : item.kind === 'organization.merged'
        ? t('activities.kind.organization_merged')
        : item.kind;
  const body = item.kind === 'status_changed' ? describeStatusChange(item.details, t) : item.body;
  const showError = (failure: unknown) =>
    notifications.show({ color: 'red', message: serverErrors(failure, locale).general ?? t('error.generic') });
  const save = async () => {
    if (draft === null || draft.trim() === '') return;
    try {
      await update.mutateAsync({ item, changes: { body: draft } });
      setDraft(null);
    } catch (failure) {
      showError(failure);
    }
  };
  return (
    <Paper component="li" withBorder p="sm" radius="sm" data-testid="timeline-item" data-kind={item.kind}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Group gap="xs" wrap="wrap">
          <Badge
            variant="light"
            color={isNoteKind(item.kind) ? KIND_COLORS[item.kind] : 'orange'}
            data-testid="timeline-item-kind"
          >
            {label}
          </Badge>
          <Text size="xs" c="dimmed">
            <time dateTime={item.occurred_at}>{formatDateTime(item.occurred_at, locale)}</time>
            {item.author?.name ? ` · ${item.author.name}` : ''}
          </Text>
        </Group>
        {mayChange && draft === null && (
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              size="sm"
              aria-label={t('activities.edit_note')}
              onClick={() => setDraft(item.body)}
            >
              ✎
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              size="sm"
              aria-label={t('activities.delete_note')}
              onClick={() => remove.mutate(item, { onError: showError })}
            >
              ✕
            </ActionIcon>
          </Group>
        )}
      </Group>
      {draft === null ? (
        <Text
          size="sm"
          mt={4}
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          data-testid="timeline-item-body"
        >
          {body}
        </Text>
      ) : (
        <Stack gap="xs" mt="xs">
          <Textarea
            aria-label={t('activities.edit_note')}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </Button>
            <Button size="xs" onClick={save} loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
