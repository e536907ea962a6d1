import { createDeal, type Deal, type DealStage, updateDeal } from '@clientbox/contracts';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../../shared/ui/form-errors.ts';
import { toDecimalInput } from './activity-format.ts';
import { type PickedRelation, RelationPicker } from './relation-picker.tsx';
import { type RelationRef, useDealMutations, useDealStages } from './use-activities.ts';

function relationOf(deal: Deal | undefined): PickedRelation | null {
  if (deal?.organization_id)
    return { type: 'organization', id: deal.organization_id, name: deal.organization_name ?? '' };
  if (deal?.person_id) return { type: 'person', id: deal.person_id, name: deal.person_name ?? '' };
  return null;
}

/** A new deal (in the first open stage unless chosen), or changes to one; the relation fixed when given. */
export function DealFormModal({
  opened,
  onClose,
  deal,
  relation,
}: {
  opened: boolean;
  onClose(): void;
  deal?: Deal;
  relation?: RelationRef;
}) {
  const { t, locale } = useI18n();
  const stages = useDealStages();
  const { create, update } = useDealMutations();
  const [title, setTitle] = useState('');
  const [picked, setPicked] = useState<PickedRelation | null>(null);
  const [value, setValue] = useState('');
  const [closeOn, setCloseOn] = useState('');
  const [stageId, setStageId] = useState<string | null>(null);
  const [probability, setProbability] = useState('');
  const [lostReason, setLostReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  useEffect(() => {
    if (!opened) return;
    setTitle(deal?.title ?? '');
    setPicked(relationOf(deal));
    setValue(deal ? deal.value.replace('.', locale === 'nl' ? ',' : '.') : '');
    setCloseOn(deal?.expected_close_on ?? '');
    setStageId(deal?.stage_id ?? null);
    setProbability(deal && !deal.is_probability_from_stage ? deal.probability : '');
    setLostReason(deal?.lost_reason ?? '');
    setErrors({});
  }, [opened, deal?.id]);

  const stage: DealStage | undefined = stages.data?.find((candidate) => candidate.id === stageId);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const relationFields = relation
      ? { [relation.type === 'organization' ? 'organization_id' : 'person_id']: relation.id }
      : {
          organization_id: picked?.type === 'organization' ? picked.id : null,
          person_id: picked?.type === 'person' ? picked.id : null,
        };
    const values = {
      title,
      value: toDecimalInput(value, locale),
      expected_close_on: closeOn,
      probability: probability.trim() === '' ? null : probability.trim(),
      ...(stageId ? { stage_id: stageId } : {}),
      ...(stage?.outcome === 'lost' ? { lost_reason: lostReason } : {}),
      ...relationFields,
    };
    try {
      if (deal) {
        const checked = validate(updateDeal, values, locale);
        setErrors(checked.errors);
        if (!checked.data) return;
        await update.mutateAsync({ deal, changes: checked.data });
      } else {
        const checked = validate(createDeal, values, locale);
        setErrors(checked.errors);
        if (!checked.data) return;
        await create.mutateAsync(checked.data);
      }
      notifications.show({ color: 'green', message: t(deal ? 'common.saved' : 'deals.created') });
      onClose();
    } catch (failure) {
      const problem = serverErrors(failure, locale);
      setErrors(problem.fields);
      if (problem.general) notifications.show({ color: 'red', message: problem.general });
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(deal ? 'deals.edit' : 'deals.new')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="deal-form">
        <Stack gap="sm">
          <TextInput
            label={t('deals.title_field')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
            data-testid="deal-form-title"
          />
          {!relation && (
            <RelationPicker value={picked} onChange={setPicked} error={errors.organization_id ?? errors.person_id} />
          )}
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              label={t('deals.value')}
              leftSection="€"
              inputMode="decimal"
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
              error={errors.value}
              miw={140}
              data-testid="deal-form-value"
            />
            <TextInput
              type="date"
              label={t('deals.expected_close_on')}
              value={closeOn}
              onChange={(event) => setCloseOn(event.currentTarget.value)}
              error={errors.expected_close_on}
              miw={150}
            />
          </Group>
          <Group grow align="flex-start" wrap="wrap">
            <Select
              label={t('deals.stage')}
              placeholder={stages.data?.find((candidate) => candidate.outcome === 'open')?.name}
              data={(stages.data ?? []).map((candidate) => ({ value: candidate.id, label: candidate.name }))}
              value={stageId}
              onChange={setStageId}
              error={errors.stage_id}
              miw={160}
              data-testid="deal-form-stage"
            />
            <TextInput
              label={t('deals.probability')}
              rightSection="%"
              inputMode="numeric"
              placeholder={
                stage?.probability ?? stages.data?.find((candidate) => candidate.outcome === 'open')?.probability
              }
              value={probability}
              onChange={(event) => setProbability(event.currentTarget.value)}
              error={errors.probability}
              miw={120}
            />
          </Group>
          {stage?.outcome === 'lost' && (
            <TextInput
              label={t('deals.lost_reason')}
              value={lostReason}
              onChange={(event) => setLostReason(event.currentTarget.value)}
              error={errors.lost_reason}
              required
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} data-testid="deal-form-submit">
              {t(deal ? 'common.save' : 'deals.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
