import { createPriceChange, type Subscription } from '@clientbox/contracts';
import { Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { ConfirmDialog } from '../../shared/ui/confirm-dialog.tsx';
import { useCheckedSubmit } from '../../shared/ui/use-checked-submit.ts';
import { decimalFromInput, formatUnitPriceLabel, priceInputValue } from '../products/product-labels.ts';
import { useCreatePriceChange } from './use-subscriptions.ts';

/**
 * A new price for some lines from a day on, announced to the customer by e-mail at once; the
 * server refuses a day within the notice time (`price_change_too_soon` at the date).
 */
export function SubscriptionPriceChangeDialog({
  subscription,
  onClose,
}: {
  subscription: Subscription;
  onClose(): void;
}) {
  const { t, locale } = useI18n();
  const create = useCreatePriceChange();
  const items = subscription.lines.filter((line) => line.kind === 'item');
  const [prices, setPrices] = useState<Record<string, string>>(() =>
    Object.fromEntries(items.map((line) => [line.line_key, priceInputValue(line.unit_price, locale)])),
  );
  const [requestedFrom, setRequestedFrom] = useState('');
  const [reason, setReason] = useState('');
  const { errors, general, submit } = useCheckedSubmit(createPriceChange, async (body) => {
    await create.mutateAsync({ id: subscription.id, body });
    notifications.show({ color: 'green', message: t('subscriptions.price_change.done') });
    onClose();
  });
  // Only the lines whose price was changed are announced.
  const changed = items
    .filter(
      (line) =>
        decimalFromInput(prices[line.line_key] ?? '') !== decimalFromInput(priceInputValue(line.unit_price, locale)),
    )
    .map((line) => ({ line_key: line.line_key, unit_price: decimalFromInput(prices[line.line_key] ?? '') }));
  return (
    <ConfirmDialog
      opened
      title={t('subscriptions.price_change.title')}
      confirmLabel={t('subscriptions.price_change.confirm')}
      isBusy={create.isPending}
      error={general ?? (errors.lines && changed.length === 0 ? t('subscriptions.price_change.nothing') : null)}
      onConfirm={() =>
        void submit({ requested_from: requestedFrom, lines: changed, ...(reason.trim() ? { reason } : {}) })
      }
      onClose={onClose}
      testId="subscription-price-change-dialog"
    >
      <Stack gap="sm">
        <Text size="sm">{t('subscriptions.price_change.intro')}</Text>
        {items.map((line) => (
          <Group key={line.line_key} gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              style={{ flex: 1, minWidth: 0 }}
              label={line.description}
              description={t('subscriptions.price_change.current', {
                price: formatUnitPriceLabel(line.unit_price, locale),
              })}
              inputMode="decimal"
              value={prices[line.line_key] ?? ''}
              error={errors.lines && changed.length > 0 ? errors.lines : undefined}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setPrices((current) => ({ ...current, [line.line_key]: value }));
              }}
              data-testid="subscription-price-change-price"
            />
          </Group>
        ))}
        <TextInput
          type="date"
          label={t('subscriptions.price_change.requested_from')}
          value={requestedFrom}
          error={errors.requested_from}
          onChange={(event) => setRequestedFrom(event.currentTarget.value)}
          data-testid="subscription-price-change-from"
        />
        <Textarea
          label={t('subscriptions.price_change.reason')}
          autosize
          minRows={2}
          value={reason}
          error={errors.reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-testid="subscription-price-change-reason"
        />
      </Stack>
    </ConfirmDialog>
  );
}
