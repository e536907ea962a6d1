import { createTask, TASK_KINDS, type TaskKind } from '@clientbox/contracts';
import { Button, Group, Modal, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../../shared/ui/form-errors.ts';
import { useMe } from '../../accounts/use-me.ts';
import { type RelationRef, useMembers, useTaskMutations } from './use-activities.ts';

/** A new task or call-back request, for oneself or a colleague; about the relation when one is given. */
export function TaskFormModal({
  opened,
  onClose,
  relation,
  initialKind = 'task',
}: {
  opened: boolean;
  onClose(): void;
  relation?: RelationRef;
  initialKind?: TaskKind;
}) {
  const { t, locale } = useI18n();
  const me = useMe().data;
  const members = useMembers();
  const { create } = useTaskMutations();
  const [kind, setKind] = useState<TaskKind>(initialKind);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [assignee, setAssignee] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  const close = () => {
    setTitle('');
    setDescription('');
    setDueOn('');
    setAssignee(null);
    setErrors({});
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const values = {
      kind,
      title,
      description,
      due_on: dueOn,
      assignee_user_id: assignee ?? me?.user.id,
      ...(relation ? { [relation.type === 'organization' ? 'organization_id' : 'person_id']: relation.id } : {}),
    };
    const checked = validate(createTask, values, locale);
    setErrors(checked.errors);
    if (!checked.data) return;
    try {
      await create.mutateAsync(checked.data);
      notifications.show({ color: 'green', message: t('tasks.created') });
      close();
    } catch (failure) {
      const problem = serverErrors(failure, locale);
      setErrors(problem.fields);
      if (problem.general) notifications.show({ color: 'red', message: problem.general });
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('tasks.new')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate data-testid="task-form">
        <Stack gap="sm">
          <SegmentedControl
            aria-label={t('tasks.kind')}
            value={kind}
            onChange={(value) => setKind(value as TaskKind)}
            data={TASK_KINDS.map((value) => ({ value, label: t(`tasks.kind.${value}`) }))}
            fullWidth
            data-testid="task-form-kind"
          />
          <TextInput
            label={t('tasks.title_field')}
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={errors.title}
            required
            data-autofocus
            data-testid="task-form-title"
          />
          <Textarea
            label={t('tasks.description')}
            value={description}
            onChange={(event) => setDescription(event.currentTarget.value)}
            error={errors.description}
            autosize
            minRows={2}
          />
          <Group grow align="flex-start" wrap="wrap">
            <TextInput
              type="date"
              label={t('tasks.due_on')}
              value={dueOn}
              onChange={(event) => setDueOn(event.currentTarget.value)}
              error={errors.due_on}
              miw={150}
              data-testid="task-form-due"
            />
            <Select
              label={t('tasks.assignee')}
              data={(members.data?.data ?? []).map((member) => ({
                value: member.user_id,
                label: member.user_id === me?.user.id ? t('tasks.me', { name: member.name }) : member.name,
              }))}
              value={assignee ?? me?.user.id ?? null}
              onChange={setAssignee}
              error={errors.assignee_user_id}
              allowDeselect={false}
              searchable
              miw={180}
              data-testid="task-form-assignee"
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="task-form-submit">
              {t('tasks.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
