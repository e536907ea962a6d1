import type { PublicQuote } from '@clientbox/contracts';
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { formatLegalDate } from './public-quote-format.ts';

const STATUS_COLORS: Record<PublicQuote['status'], string> = {
  draft: 'gray',
  sent: 'blue',
  viewed: 'blue',
  accepted: 'green',
  declined: 'red',
  expired: 'orange',
  superseded: 'gray',
};

function Party({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <Stack gap={2} style={{ minWidth: 0, overflowWrap: 'anywhere' }} data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

function Detail({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

/** Title, status, the PDF as sent, and who offers what to whom: the supplier as the law has it printed (name, address, KvK, VAT). */
export function PublicQuoteParties({ quote }: { quote: PublicQuote }) {
  const { t, locale } = useI18n();
  const { supplier, customer } = quote;
  const title =
    quote.revision > 1
      ? t('public_quote.title_revision', { number: quote.number, revision: quote.revision })
      : t('public_quote.title', { number: quote.number });
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group gap="sm" wrap="wrap" style={{ minWidth: 0 }}>
            <Title order={1} size="h2" data-testid="public-quote-title" style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Title>
            <Badge
              color={STATUS_COLORS[quote.status]}
              variant="light"
              data-testid="public-quote-status"
              data-status={quote.status}
            >
              {t(`public_quote.status.${quote.status}`)}
            </Badge>
          </Group>
          <Button
            component="a"
            href={quote.pdf_url}
            target="_blank"
            rel="noopener"
            variant="light"
            size="sm"
            data-testid="public-quote-pdf"
          >
            {t('public_quote.pdf')}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Party label={t('public_quote.from')} testId="public-quote-supplier">
            <Text size="sm" fw={600}>
              {supplier.name}
            </Text>
            <Text size="sm">{supplier.address.street}</Text>
            <Text size="sm">
              {supplier.address.postal_code} {supplier.address.city}
            </Text>
            <Text size="sm" data-testid="public-quote-supplier-kvk">
              {t('public_quote.kvk_number', { number: supplier.kvk_number })}
            </Text>
            <Text size="sm" data-testid="public-quote-supplier-vat">
              {t('public_quote.vat_number', { number: supplier.vat_number })}
            </Text>
            {supplier.email && (
              <Anchor href={`mailto:${supplier.email}`} size="sm" data-testid="public-quote-supplier-email">
                {supplier.email}
              </Anchor>
            )}
            {supplier.phone && (
              <Anchor href={`tel:${supplier.phone.replace(/[^+\d]/g, '')}`} size="sm">
                {supplier.phone}
              </Anchor>
            )}
            {supplier.website && (
              <Anchor href={websiteUrl(supplier.website)} target="_blank" rel="noopener noreferrer" size="sm">
                {supplier.website}
              </Anchor>
            )}
          </Party>
          <Party label={t('public_quote.to')} testId="public-quote-customer">
            <Text size="sm" fw={600}>
              {customer.name}
            </Text>
            {customer.contact_name && (
              <Text size="sm">{t('public_quote.attention', { name: customer.contact_name })}</Text>
            )}
            {customer.address && (
              <>
                <Text size="sm">{customer.address.street}</Text>
                <Text size="sm">
                  {customer.address.postal_code} {customer.address.city}
                </Text>
              </>
            )}
          </Party>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="xs">
          <Detail label={t('public_quote.number')} value={quote.number} testId="public-quote-number" />
          <Detail label={t('public_quote.revision')} value={String(quote.revision)} testId="public-quote-revision" />
          <Detail
            label={t('public_quote.issue_date')}
            value={formatLegalDate(quote.issue_date, locale)}
            testId="public-quote-issue-date"
          />
          <Detail
            label={t('public_quote.valid_until')}
            value={formatLegalDate(quote.valid_until, locale)}
            testId="public-quote-valid-until"
          />
          {quote.buyer_reference && (
            <Detail
              label={t('public_quote.buyer_reference')}
              value={quote.buyer_reference}
              testId="public-quote-reference"
            />
          )}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** The company profile stores the website as typed ("www.example.nl"): a link needs the scheme. */
function websiteUrl(website: string): string {
  return /^https?:\/\//i.test(website) ? website : `https://${website}`;
}
