import { Alert, Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { formatDateTime } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { serverErrors } from '../../shared/ui/form-errors.ts';
import { QuoteStatusBadge } from './quote-status-badge.tsx';
import { useQuoteRevisions } from './use-quotes.ts';

/** Every version of the quote, oldest first, each a link to its own page (this one marked). */
export function QuoteRevisions({ quoteId }: { quoteId: string }) {
  const { t, locale } = useI18n();
  const revisions = useQuoteRevisions(quoteId);
  if (revisions.error) return <Alert color="red">{serverErrors(revisions.error, locale).general}</Alert>;
  const versions = revisions.data?.data ?? [];
  if (versions.length < 2) return null;
  return (
    <Stack gap="xs" data-testid="quote-revisions">
      <Title order={3} size="h4">
        {t('quote.revisions')}
      </Title>
      {versions.map((version) => (
        <Paper
          key={version.id}
          withBorder
          p="sm"
          data-testid="quote-revision"
          data-revision={version.revision}
          data-current={version.id === quoteId}
        >
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Group gap="xs" wrap="wrap">
              {version.id === quoteId ? (
                <Text size="sm" fw={600}>
                  {t('quote.revision_item', { revision: version.revision })} ({t('quote.revision_this')})
                </Text>
              ) : (
                <Anchor component={Link} to={`/quotes/${version.id}`} size="sm" data-testid="quote-revision-link">
                  {t('quote.revision_item', { revision: version.revision })}
                </Anchor>
              )}
              <QuoteStatusBadge status={version.status} testId="quote-revision-status" />
            </Group>
            {version.sent_at && (
              <Text size="xs" c="dimmed">
                {t('quote.sent_at')} {formatDateTime(version.sent_at, locale)}
              </Text>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
