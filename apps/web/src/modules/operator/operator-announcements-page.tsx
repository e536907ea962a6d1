import { announcement } from '@clientbox/contracts';
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { formatDateTime } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { useAnnouncements, useOperatorMe, useSendAnnouncement } from './use-operator.ts';

type Kind = 'service' | 'newsletter';

/** Terms art. 19: service messages reach everyone; newsletters only who did not unsubscribe. */
export function OperatorAnnouncementsPage() {
  const { t, locale } = useI18n();
  const history = useAnnouncements();
  const isAdmin = useOperatorMe().data?.role === 'admin';
  return (
    <Stack maw={1000}>
      <Title order={2}>{t('console.announcements.title')}</Title>
      {isAdmin ? (
        <AnnouncementForm />
      ) : (
        <Text size="sm" c="dimmed">
          {t('console.admin_only')}
        </Text>
      )}
      <Paper withBorder p="md" radius="md">
        <Title order={3} size="h5" mb="xs">
          {t('console.announcements.history')}
        </Title>
        {history.data?.length === 0 && <Text c="dimmed">{t('console.announcements.none')}</Text>}
        {!!history.data?.length && (
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing={4} fz="sm" data-testid="console-announcements">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('console.announcements.sent_at')}</Table.Th>
                  <Table.Th>{t('console.announcements.kind')}</Table.Th>
                  <Table.Th>{t('console.announcements.subject')}</Table.Th>
                  <Table.Th>{t('console.announcements.recipients')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {history.data.map((sent) => (
                  <Table.Tr key={sent.id}>
                    <Table.Td>{formatDateTime(sent.created_at, locale)}</Table.Td>
                    <Table.Td>
                      <Badge color={sent.kind === 'newsletter' ? 'teal' : 'indigo'} variant="light">
                        {t(`console.announcements.kind.${sent.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{sent.subject}</Table.Td>
                    <Table.Td>{sent.recipient_count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}

function AnnouncementForm() {
  const { t, locale } = useI18n();
  const send = useSendAnnouncement();
  const [values, setValues] = useState<{ kind: Kind; subject: string; body: string }>({
    kind: 'service',
    subject: '',
    body: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [isConfirming, setConfirming] = useState(false);
  const [sentTo, setSentTo] = useState<number | null>(null);

  const check = (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    setSentTo(null);
    const checked = validate(announcement, values, locale);
    setErrors(checked.errors);
    if (checked.data) setConfirming(true);
  };
  const confirm = async () => {
    try {
      const sent = await send.mutateAsync(values);
      setSentTo(sent.recipient_count);
      setValues({ ...values, subject: '', body: '' });
      setConfirming(false);
    } catch (error) {
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(problem.general);
      setConfirming(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={check} noValidate data-testid="console-announcement-form">
        <Stack>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          {sentTo !== null && (
            <Alert color="green" data-testid="console-announcement-result">
              {t('console.announcements.sent', { count: sentTo })}
            </Alert>
          )}
          <div>
            <Text size="sm" fw={500} mb={4} id="announcement-kind">
              {t('console.announcements.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="announcement-kind"
              value={values.kind}
              onChange={(kind) => setValues({ ...values, kind: kind as Kind })}
              data={[
                { value: 'service', label: t('console.announcements.kind.service') },
                { value: 'newsletter', label: t('console.announcements.kind.newsletter') },
              ]}
              data-testid="console-announcement-kind"
            />
            <Text size="sm" c="dimmed" mt={4} data-testid="console-announcement-hint">
              {t(
                values.kind === 'newsletter'
                  ? 'console.announcements.newsletter_hint'
                  : 'console.announcements.service_hint',
              )}
            </Text>
          </div>
          <TextInput
            label={t('console.announcements.subject')}
            value={values.subject}
            onChange={(event) => setValues({ ...values, subject: event.currentTarget.value })}
            error={errors.subject}
            data-testid="console-announcement-subject"
          />
          <Textarea
            label={t('console.announcements.body')}
            autosize
            minRows={6}
            maxRows={20}
            value={values.body}
            onChange={(event) => setValues({ ...values, body: event.currentTarget.value })}
            error={errors.body}
            data-testid="console-announcement-body"
          />
          <Group>
            <Button type="submit" data-testid="console-announcement-send">
              {t('console.announcements.send')}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmDialog
        opened={isConfirming}
        title={`${t(`console.announcements.kind.${values.kind}`)}: ${values.subject}`}
        confirmLabel={t('console.announcements.send')}
        isBusy={send.isPending}
        onConfirm={confirm}
        onClose={() => setConfirming(false)}
        testId="console-dialog-announcement"
      >
        <Text size="sm">{t('console.announcements.confirm')}</Text>
      </ConfirmDialog>
    </Paper>
  );
}
