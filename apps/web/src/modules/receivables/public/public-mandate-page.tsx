import { formatIban, type PublicMandate } from '@clientbox/contracts';
import { Alert, Box, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { type ReactNode, useEffect, useState } from 'react';
import { LanguageSwitch } from '../../../app/language-switch.tsx';
import { ApiError } from '../../../shared/api/api-client.ts';
import { formatDate } from '../../../shared/i18n/format-date.ts';
import { type Locale, LocaleScope, useI18n } from '../../../shared/i18n/i18n.tsx';
import { PublicMandateSignForm } from './public-mandate-sign-form.tsx';
import { usePublicMandate } from './use-public-mandate.ts';

/**
 * `/m/{token}`: the page a mandate request links to. No login — the debtor has no account; the
 * link's token is the key. It speaks the debtor's document language unless they switch.
 */
export function PublicMandatePage() {
  const { token } = useParams({ strict: false }) as { token: string };
  const app = useI18n();
  const mandate = usePublicMandate(token);
  const [chosenLocale, setChosenLocale] = useState<Locale | null>(null);
  const locale = chosenLocale ?? mandate.data?.language ?? app.locale;
  return (
    <LocaleScope locale={locale} setLocale={setChosenLocale}>
      <Frame creditor={mandate.data?.creditor.name ?? null}>
        {mandate.data ? (
          <MandateView mandate={mandate.data} token={token} />
        ) : mandate.error instanceof ApiError && mandate.error.status === 404 ? (
          <NotFound />
        ) : mandate.error ? (
          <LoadError onRetry={() => void mandate.refetch()} />
        ) : (
          <Center py="xl">
            <Loader aria-label={app.t('common.loading')} />
          </Center>
        )}
      </Frame>
    </LocaleScope>
  );
}

/** The creditor's name and a language switch, nothing of the app: the debtor deals with the creditor. */
function Frame({ creditor, children }: { creditor: string | null; children: ReactNode }) {
  return (
    <Box bg="gray.0" mih="100vh" px={{ base: 'xs', sm: 'md' }} py="md" data-testid="public-mandate-layout">
      <Box maw={760} mx="auto">
        <Group justify="space-between" wrap="nowrap" gap="sm" mb="md">
          <Text fw={700} size="lg" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {creditor ?? ''}
          </Text>
          <LanguageSwitch isLoggedIn={false} />
        </Group>
        {children}
      </Box>
    </Box>
  );
}

function MandateView({ mandate, token }: { mandate: PublicMandate; token: string }) {
  const { t, locale } = useI18n();
  useEffect(() => {
    const previous = document.title;
    document.title = `${t('public_mandate.title')} – ${mandate.creditor.name}`;
    return () => void (document.title = previous);
  }, [t, mandate.creditor.name]);
  const scheme =
    mandate.type === 'one_off'
      ? (`public_mandate.scheme.${mandate.scheme}.one_off` as const)
      : (`public_mandate.scheme.${mandate.scheme}` as const);
  const address = [
    mandate.creditor.address.street,
    [mandate.creditor.address.postal_code, mandate.creditor.address.city].filter(Boolean).join(' '),
  ]
    .filter(Boolean)
    .join(', ');
  const rows: [string, ReactNode][] = [
    [t('public_mandate.creditor'), [mandate.creditor.name, address].filter(Boolean).join(', ')],
    [t('public_mandate.creditor_id'), mandate.creditor.creditor_id ?? '–'],
    [t('public_mandate.debtor'), mandate.customer_name ?? '–'],
    [t('public_mandate.mandate_id'), mandate.mandate_id],
    [t('public_mandate.scheme'), t(scheme)],
  ];
  return (
    <Stack gap="md" data-testid="public-mandate" data-status={mandate.status}>
      <Paper withBorder p="md" radius="md">
        <Title order={1} size="h3" mb="xs">
          {t('public_mandate.title')}
        </Title>
        <Text size="sm" mb="sm">
          {t('public_mandate.intro', { creditor: mandate.creditor.name })}
        </Text>
        <Table variant="vertical" layout="fixed" withTableBorder={false}>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={{ base: 120, sm: 200 }}>{label}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md" radius="md" data-testid="public-mandate-legal-text">
        <Title order={2} size="h5" mb="xs">
          {t('public_mandate.legal_text')}
        </Title>
        <Text size="sm">{mandate.legal_text[locale]}</Text>
      </Paper>
      {mandate.signed ? (
        <Alert color="green" title={t('public_mandate.signed.title')} data-testid="public-mandate-signed">
          {t(mandate.signed.place ? 'public_mandate.signed.text' : 'public_mandate.signed.text_no_place', {
            name: mandate.signed.name,
            date: formatDate(mandate.signed.signed_on, locale),
            place: mandate.signed.place ?? '',
            iban: formatIban(mandate.signed.iban),
          })}
        </Alert>
      ) : mandate.can_sign ? (
        <PublicMandateSignForm token={token} />
      ) : (
        <Alert color="gray">{t('public_mandate.revoked')}</Alert>
      )}
    </Stack>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Paper withBorder p="lg" radius="md" maw={560} mx="auto" data-testid="public-mandate-not-found">
      <Title order={1} size="h3" mb="sm">
        {t('public_mandate.not_found.title')}
      </Title>
      <Text size="sm">{t('public_mandate.not_found.text')}</Text>
    </Paper>
  );
}

function LoadError({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Alert color="red" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('public_mandate.load_error')}</Text>
        <Button size="xs" variant="light" onClick={onRetry}>
          {t('public_mandate.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
