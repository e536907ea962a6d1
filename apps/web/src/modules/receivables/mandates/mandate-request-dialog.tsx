import { type Mandate, type MandateScheme, requestMandate } from '@clientbox/contracts';
import { Button, CopyButton, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import type { RelationOnPage } from '../../../shared/ui/relation-sections.tsx';
import { useCheckedSubmit } from '../../../shared/ui/use-checked-submit.ts';
import { MandateSchemeSelect, MandateTypeSelect } from './mandate-choice-fields.tsx';
import { useRequestMandate } from './use-mandates.ts';

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

/**
 * "Online laten tekenen": a pending mandate whose link the customer opens to sign (`/m/{token}`).
 * First the scheme and type, then the link to copy. The link is not e-mailed by Clientbox (the
 * server has no such action); the user sends it the way they reach this customer.
 */
export function MandateRequestDialog({ relation, onClose }: { relation: RelationOnPage; onClose(): void }) {
  const { t } = useI18n();
  const request = useRequestMandate();
  const [scheme, setScheme] = useState<MandateScheme>('CORE');
  const [type, setType] = useState('recurrent');
  const [created, setCreated] = useState<Mandate | null>(null);
  const form = useCheckedSubmit(requestMandate, async (body) => setCreated(await request.mutateAsync(body)));

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
      isBusy={request.isPending}
      error={form.general}
      onConfirm={() => void form.submit({ customer_id: relation.id, scheme, type })}
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
    </ConfirmDialog>
  );
}
