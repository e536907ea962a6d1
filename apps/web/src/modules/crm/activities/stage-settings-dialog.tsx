import {
  createDealStage,
  DEAL_OUTCOMES,
  type DealOutcome,
  type DealStage,
  updateDealStage,
} from '@clientbox/contracts';
import { ActionIcon, Button, Group, Modal, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../../shared/ui/form-errors.ts';
import { useDealStages, useStageMutations } from './use-activities.ts';

/** Admins name, order and add the pipeline's stages; a stage with deals cannot go. */
export function StageSettingsDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useI18n();
  const stages = useDealStages();
  const list = stages.data ?? [];
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('deals.stages_title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="xs" data-testid="stage-settings">
        <Text size="sm" c="dimmed">
          {t('deals.stages_help')}
        </Text>
        {list.map((stage, index) => (
          <StageRow key={stage.id} stage={stage} index={index} count={list.length} />
        ))}
        <NewStageForm />
      </Stack>
    </Modal>
  );
}

function OutcomeSelect({ value, onChange }: { value: DealOutcome; onChange(value: DealOutcome): void }) {
  const { t } = useI18n();
  return (
    <NativeSelect
      aria-label={t('deals.outcome')}
      size="xs"
      value={value}
      onChange={(event) => onChange(event.currentTarget.value as DealOutcome)}
      data={DEAL_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`deals.outcome.${outcome}`) }))}
      w={120}
    />
  );
}

function StageRow({ stage, index, count }: { stage: DealStage; index: number; count: number }) {
  const { t, locale } = useI18n();
  const { update, remove } = useStageMutations();
  const [name, setName] = useState(stage.name);
  const [probability, setProbability] = useState(stage.probability);
  const [outcome, setOutcome] = useState<DealOutcome>(stage.outcome);
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    setName(stage.name);
    setProbability(stage.probability);
    setOutcome(stage.outcome);
  }, [stage.name, stage.probability, stage.outcome]);
  const isDirty = name !== stage.name || probability !== stage.probability || outcome !== stage.outcome;
  const showError = (failure: unknown) => {
    const problem = serverErrors(failure, locale);
    setErrors(problem.fields);
    if (problem.general) notifications.show({ color: 'red', message: problem.general });
  };
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(updateDealStage, { name, probability, outcome }, locale);
    setErrors(checked.errors);
    if (!checked.data) return;
    await update.mutateAsync({ id: stage.id, changes: checked.data }).catch(showError);
  };
  return (
    <Paper withBorder p="xs" component="form" onSubmit={save} noValidate data-testid="stage-row">
      <Group gap="xs" wrap="wrap" align="flex-start">
        <TextInput
          aria-label={t('deals.stage_name')}
          size="xs"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          style={{ flex: '1 1 140px' }}
        />
        <TextInput
          aria-label={t('deals.probability')}
          size="xs"
          rightSection="%"
          value={probability}
          onChange={(event) => setProbability(event.currentTarget.value)}
          error={errors.probability}
          w={80}
        />
        <OutcomeSelect value={outcome} onChange={setOutcome} />
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            size="md"
            variant="default"
            disabled={index === 0}
            aria-label={t('deals.stage_up', { name: stage.name })}
            onClick={() => update.mutate({ id: stage.id, changes: { position: index - 1 } }, { onError: showError })}
          >
            ↑
          </ActionIcon>
          <ActionIcon
            size="md"
            variant="default"
            disabled={index === count - 1}
            aria-label={t('deals.stage_down', { name: stage.name })}
            onClick={() => update.mutate({ id: stage.id, changes: { position: index + 1 } }, { onError: showError })}
          >
            ↓
          </ActionIcon>
          {isDirty && (
            <Button size="xs" type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          )}
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => remove.mutate(stage.id, { onError: showError })}
            disabled={stage.deal_count > 0}
            aria-label={t('deals.stage_delete', { name: stage.name })}
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Group>
      {stage.deal_count > 0 && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('deals.stage_deal_count', { count: stage.deal_count })}
        </Text>
      )}
    </Paper>
  );
}

function NewStageForm() {
  const { t, locale } = useI18n();
  const { create } = useStageMutations();
  const [name, setName] = useState('');
  const [probability, setProbability] = useState('');
  const [outcome, setOutcome] = useState<DealOutcome>('open');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const values = { name, outcome, ...(probability.trim() ? { probability: probability.trim() } : {}) };
    const checked = validate(createDealStage, values, locale);
    setErrors(checked.errors);
    if (!checked.data) return;
    try {
      await create.mutateAsync(checked.data);
      setName('');
      setProbability('');
      setOutcome('open');
    } catch (failure) {
      const problem = serverErrors(failure, locale);
      setErrors(problem.fields);
      if (problem.general) notifications.show({ color: 'red', message: problem.general });
    }
  };
  return (
    <Paper withBorder p="xs" component="form" onSubmit={submit} noValidate bg="var(--mantine-color-gray-0)">
      <Group gap="xs" wrap="wrap" align="flex-start">
        <TextInput
          aria-label={t('deals.stage_name')}
          placeholder={t('deals.stage_new')}
          size="xs"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          style={{ flex: '1 1 140px' }}
        />
        <TextInput
          aria-label={t('deals.probability')}
          placeholder="0"
          size="xs"
          rightSection="%"
          value={probability}
          onChange={(event) => setProbability(event.currentTarget.value)}
          error={errors.probability}
          w={80}
        />
        <OutcomeSelect value={outcome} onChange={setOutcome} />
        <Button size="xs" type="submit" loading={create.isPending}>
          {t('deals.stage_add')}
        </Button>
      </Group>
    </Paper>
  );
}
