import { changeSubscription, type ChangeSubscription, type Subscription } from '@clientbox/contracts';
import { Alert, Button, Group, Loader, Modal, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { type LineValues, lineInput, lineValuesOf } from '../documents/document-draft-lines.ts';
import { money, periodLabel, today } from './subscription-labels.ts';
import { SubscriptionLinesField } from './subscription-lines-field.tsx';
import { previewSubscriptionChange, subscriptionKeys, useChangeSubscription } from './use-subscriptions.ts';

/** The lines as the API takes them; a line from the subscription keeps its `line_key`, so it stays the same line. */
function bodyOf(effectiveDate: string, lines: LineValues[], lineKeys: ReadonlyMap<string, string>) {
  return {
    effective_date: effectiveDate,
    lines: lines.map((line) => {
      const lineKey = lineKeys.get(line.key);
      return { ...lineInput(line), ...(lineKey ? { line_key: lineKey } : {}) };
    }),
  };
}

/** What the change charges or credits for periods already invoiced, read from the server as the lines are edited. */
function ChangePreview({ subscriptionId, body }: { subscriptionId: string; body: ChangeSubscription | null }) {
  const { t, locale } = useI18n();
  // Compared as text: the body is a new object on every keystroke, the request only once it rests.
  const [debounced] = useDebouncedValue(body ? JSON.stringify(body) : null, 400);
  const preview = useQuery({
    queryKey: [...subscriptionKeys.detail(subscriptionId), 'change-preview', debounced] as const,
    enabled: debounced !== null,
    queryFn: () => previewSubscriptionChange(subscriptionId, JSON.parse(debounced!) as ChangeSubscription),
    placeholderData: keepPreviousData,
    retry: false,
  });
  return (
    <Paper withBorder p="sm" bg="gray.0" data-testid="change-preview">
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm">
          {t('subscriptions.change.preview_title')}
        </Text>
        {preview.isFetching && <Loader size="xs" />}
      </Group>
      {!body ? (
        <Text size="sm" c="dimmed">
          {t('subscriptions.change.preview_incomplete')}
        </Text>
      ) : preview.error ? (
        <Text size="sm" c="red" data-testid="change-preview-error">
          {serverErrors(preview.error, locale).general ?? t('subscriptions.check_fields')}
        </Text>
      ) : !preview.data ? (
        <Text size="sm">{t('common.loading')}</Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" data-testid="change-preview-monthly">
            {t('subscriptions.change.monthly', {
              before: money(preview.data.monthly_amount_before, locale),
              after: money(preview.data.monthly_amount_after, locale),
            })}
          </Text>
          {preview.data.adjustments.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="change-preview-none">
              {t('subscriptions.change.no_adjustments')}
            </Text>
          ) : (
            <Table verticalSpacing={4}>
              <Table.Tbody>
                {preview.data.adjustments.map((line, index) => (
                  <Table.Tr key={index} data-testid="change-preview-line">
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Text size="sm">{line.description}</Text>
                      <Text size="xs" c="dimmed">
                        {periodLabel(line.period, locale)} ·{' '}
                        {t('subscriptions.change.days', { days: line.days, period_days: line.period_days })}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {money(line.amount_excl_vat, locale)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group justify="space-between">
            <Text size="sm" fw={600}>
              {preview.data.net_amount_excl_vat.startsWith('-')
                ? t('subscriptions.change.net_credit')
                : t('subscriptions.change.net_charge')}
            </Text>
            <Text size="sm" fw={700} data-testid="change-preview-net">
              {money(preview.data.net_amount_excl_vat, locale)}
            </Text>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

/**
 * A change of lines from a day on: the lines edited in place (a line keeps its identity), a live
 * preview of what periods already invoiced get charged or credited, then save.
 */
export function SubscriptionChangeDialog({ subscription, onClose }: { subscription: Subscription; onClose(): void }) {
  const { t, locale } = useI18n();
  const isPhone = useMediaQuery('(max-width: 48em)');
  const change = useChangeSubscription();
  const initial = useMemo(() => {
    const lineKeys = new Map<string, string>();
    const lines = subscription.lines.map((line) => {
      const values = lineValuesOf(line, locale);
      lineKeys.set(values.key, line.line_key);
      return values;
    });
    return { lines, lineKeys };
  }, [subscription, locale]);
  const [effectiveDate, setEffectiveDate] = useState(today());
  const [lines, setLines] = useState<LineValues[]>(initial.lines);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  const body = bodyOf(effectiveDate, lines, initial.lineKeys);
  const checked = validate(changeSubscription, body, locale, { keepIndexes: true });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors(checked.errors);
    setGeneral(null);
    if (!checked.data) return;
    try {
      await change.mutateAsync({ id: subscription.id, body: checked.data });
      notifications.show({ color: 'green', message: t('subscriptions.change.saved') });
      onClose();
    } catch (error) {
      const problem = serverErrors(error, locale, { keepIndexes: true });
      setErrors(problem.fields);
      setGeneral(problem.general);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('subscriptions.change.title')}
      size="xl"
      fullScreen={isPhone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="subscription-change-dialog">
        <Stack>
          <TextInput
            type="date"
            label={t('subscriptions.change.effective_date')}
            description={t('subscriptions.change.effective_date_hint')}
            value={effectiveDate}
            error={errors.effective_date}
            onChange={(event) => setEffectiveDate(event.currentTarget.value)}
            maw={480}
            data-testid="subscription-change-date"
          />
          <SubscriptionLinesField
            title={t('subscriptions.change.lines')}
            lines={lines}
            errors={errors}
            rateDate={effectiveDate || today()}
            onChange={setLines}
          />
          <ChangePreview subscriptionId={subscription.id} body={checked.data ?? null} />
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending} data-testid="subscription-change-save">
              {t('subscriptions.change.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
