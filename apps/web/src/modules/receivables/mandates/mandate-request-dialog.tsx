import { type Mandate, type MandateScheme, requestMandate } from '@clientbox/contracts';
import { Button, Checkbox, CopyButton, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { serverErrors } from '../../../shared/ui/form-errors.ts';
import type { RelationOnPage } from '../../../shared/ui/relation-sections.tsx';
import { useCheckedSubmit } from '../../../shared/ui/use-checked-submit.ts';
import { MandateSchemeSelect, MandateTypeSelect } from './mandate-choice-fields.tsx';
import { useRequestMandate, useSendMandateRequest } from './use-mandates.ts';

/** The signing link of a pending mandate, to copy and send to the customer. */
export function MandateSigningLink({ url }: { url: string }) {
  const { t } = useI18n();
  return (
    <Stack gap={4}>
      <TextInput
        label={t('mandates.request_link')}
        description={t('mandates.request_link_hint')}
        value={url}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        data-testid="mandate-signing-link"
      />
      <Group justify="flex-end">
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'default'}
              color={copied ? 'green' : undefined}
              onClick={copy}
              data-testid="mandate-copy-link"
            >
              {copied ? t('mandates.link_copied') : t('mandates.copy_link')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

/** The request made, and whether its link went out by e-mail. */
interface Requested {
  mandate: Mandate;
  sentTo: string | null;
  isSent: boolean;
  sendFailure: string | null;
}

/**
 * "Online laten tekenen": a pending mandate whose link the customer opens to sign (`/m/{token}`).
 * First the scheme and type, and whether Clientbox e-mails the link (to an address given here,
 * else the customer's own); then the link to copy, for sending it another way too.
 */
export function MandateRequestDialog({ relation, onClose }: { relation: RelationOnPage; onClose(): void }) {
  const { t, locale } = useI18n();
  const request = useRequestMandate();
  const send = useSendMandateRequest();
  const [scheme, setScheme] = useState<MandateScheme>('CORE');
  const [type, setType] = useState('recurrent');
  const [byEmail, setByEmail] = useState(false);
  const [address, setAddress] = useState('');
  const [requested, setRequested] = useState<Requested | null>(null);
  const form = useCheckedSubmit(requestMandate, async (body) => {
    const mandate = await request.mutateAsync(body);
    if (!byEmail || body.send_to) {
      setRequested({ mandate, sentTo: body.send_to ?? null, isSent: byEmail, sendFailure: null });
      return;
    }
    // No address given: the server takes the customer's; the request stands even if that fails.
    try {
      const sending = await send.mutateAsync({ id: mandate.id, body: {} });
      setRequested({ mandate, sentTo: sending.to, isSent: true, sendFailure: null });
    } catch (error) {
      const problem = serverErrors(error, locale);
      const failure = problem.general ?? Object.values(problem.fields)[0] ?? null;
      setRequested({ mandate, sentTo: null, isSent: false, sendFailure: failure });
    }
  });
  const created = requested?.mandate ?? null;

  if (created?.public_url)
    return (
      <Modal
        opened
        onClose={onClose}
        title={t('mandates.request_title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack data-testid="mandate-request-created" data-id={created.id}>
          <Text size="sm">
            {t('mandates.field.mandate_id')}: <strong>{created.mandate_id}</strong>
          </Text>
          {requested?.isSent && (
            <Text size="sm" c="green" data-testid="mandate-request-sent">
              {requested.sentTo
                ? t('mandates.request_sent_to', { address: requested.sentTo })
                : t('mandates.request_sent')}
            </Text>
          )}
          {requested?.sendFailure && (
            <Text size="sm" c="red" data-testid="mandate-request-send-failed">
              {requested.sendFailure}
            </Text>
          )}
          <MandateSigningLink url={created.public_url} />
          <Group justify="flex-end">
            <Button onClick={onClose} data-testid="mandate-request-done">
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    );

  return (
    <ConfirmDialog
      opened
      title={t('mandates.request_title')}
      confirmLabel={t('mandates.request_create')}
      error={form.general}
      isBusy={request.isPending || send.isPending}
      onConfirm={() =>
        void form.submit({
          customer_id: relation.id,
          scheme,
          type,
          ...(byEmail && address.trim() ? { send_to: address.trim() } : {}),
        })
      }
      onClose={onClose}
      testId="mandate-request-dialog"
    >
      <Text size="sm" c="dimmed">
        {t('mandates.request_hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <MandateSchemeSelect
          value={scheme}
          relation={relation}
          error={form.errors.scheme}
          onChange={(value) => setScheme(value as MandateScheme)}
          testId="mandate-request-scheme"
        />
        <MandateTypeSelect value={type} error={form.errors.type} onChange={setType} testId="mandate-request-type" />
      </SimpleGrid>
      <Checkbox
        label={t('mandates.request_send')}
        checked={byEmail}
        onChange={(event) => setByEmail(event.currentTarget.checked)}
        data-testid="mandate-request-by-email"
      />
      {byEmail && (
        <TextInput
          type="email"
          label={t('mandates.request_send_to')}
          description={t('mandates.request_send_to_hint')}
          value={address}
          error={form.errors.send_to}
          onChange={(event) => setAddress(event.currentTarget.value)}
          data-testid="mandate-request-send-to"
        />
      )}
    </ConfirmDialog>
  );
}
