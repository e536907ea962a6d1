import { indexSubscriptions } from '@clientbox/contracts';
import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { hasMessage, useI18n } from '../../shared/i18n/i18n.tsx';
import { useCheckedSubmit } from '../../shared/ui/use-checked-submit.ts';
import { decimalFromInput } from '../products/product-labels.ts';
import { type IndexationResult, useIndexSubscriptions } from './use-subscriptions.ts';

/**
 * The yearly indexation: every line of every running subscription up by a percentage from a day
 * on; each becomes a price change announced to its customer. Subscriptions the server skips are listed.
 */
export function IndexationSection() {
  const { t } = useI18n();
  // The server names why it skipped a subscription with a code (`ends_before_new_price`).
  const skipReason = (reason: string) => {
    const key = `subscriptions.indexation.skip.${reason}`;
    return hasMessage(key) ? t(key) : reason;
  };
  const index = useIndexSubscriptions();
  const [percent, setPercent] = useState('');
  const [requestedFrom, setRequestedFrom] = useState('');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<IndexationResult | null>(null);
  const { errors, general, submit } = useCheckedSubmit(indexSubscriptions, async (body) => {
    setResult(await index.mutateAsync(body));
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    void submit({
      percent: decimalFromInput(percent),
      requested_from: requestedFrom,
      ...(reason.trim() ? { reason } : {}),
    });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={onSubmit} noValidate data-testid="subscription-indexation">
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('subscriptions.indexation.title')}
          </Title>
          <Text size="sm">{t('subscriptions.indexation.intro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('subscriptions.indexation.percent')}
              inputMode="decimal"
              rightSection="%"
              value={percent}
              error={errors.percent}
              onChange={(event) => setPercent(event.currentTarget.value)}
              data-testid="subscription-indexation-percent"
            />
            <TextInput
              type="date"
              label={t('subscriptions.indexation.requested_from')}
              value={requestedFrom}
              error={errors.requested_from}
              onChange={(event) => setRequestedFrom(event.currentTarget.value)}
              data-testid="subscription-indexation-from"
            />
          </SimpleGrid>
          <Textarea
            label={t('subscriptions.indexation.reason')}
            autosize
            minRows={2}
            value={reason}
            error={errors.reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-testid="subscription-indexation-reason"
          />
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={index.isPending} data-testid="subscription-indexation-submit">
              {t('subscriptions.indexation.submit')}
            </Button>
          </Group>
          {result && (
            <Alert color="green" data-testid="subscription-indexation-result">
              <Text size="sm">
                {t('subscriptions.indexation.result', {
                  subscriptions: result.subscriptions,
                  price_changes: result.price_changes,
                })}
              </Text>
              {result.skipped.length > 0 && (
                <>
                  <Text size="sm" mt="xs">
                    {t('subscriptions.indexation.skipped', { count: result.skipped.length })}
                  </Text>
                  <List size="sm">
                    {result.skipped.map((skipped) => (
                      <List.Item
                        key={skipped.subscription_id}
                        data-testid="subscription-indexation-skipped"
                        data-reason={skipped.reason}
                      >
                        <Anchor component={Link} to={`/subscriptions/${skipped.subscription_id}`} size="sm">
                          {skipped.subscription_id.slice(0, 8)}
                        </Anchor>
                        {': '}
                        {skipReason(skipped.reason)}
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
