import { acceptQuote, declineQuote, type PublicQuote } from '@clientbox/contracts';
import {
  Alert,
  Button,
  Checkbox,
  Collapse,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../../../shared/api/api-client.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { publicQuoteMessage } from './public-quote-format.ts';
import { useAcceptQuote, useDeclineQuote } from './use-public-quote.ts';

type FieldErrors = Record<string, string>;
type Translate = ReturnType<typeof useI18n>['t'];

/** The problems of a form, by top-level field, as codes (the same zod schema the server checks). */
function issuesOf(schema: z.ZodType, values: unknown): Record<string, string> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return {};
  const codes: Record<string, string> = {};
  for (const issue of parsed.error.issues) codes[String(issue.path[0] ?? '')] ??= issue.message;
  return codes;
}

/**
 * A failed answer in the page's words: field errors of a 400 at their field (a ticked line the
 * server refuses has no field of its own: it is a general message), everything else general.
 */
function answerErrors(error: unknown, t: Translate, supplier: string): { fields: FieldErrors; general: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, general: t('public_quote.error.generic') };
  const fields: FieldErrors = {};
  let general: string | null = null;
  for (const fieldError of error.problem.errors ?? []) {
    const field = fieldError.field.split('.')[0]!;
    if (field === 'selected_optional_lines') general = publicQuoteMessage(t, fieldError.code, supplier);
    else fields[field] ??= publicQuoteMessage(t, fieldError.code, supplier);
  }
  if (!Object.keys(fields).length && !general) general = publicQuoteMessage(t, error.problem.code, supplier);
  return { fields, general };
}

function translateCodes(codes: Record<string, string>, t: Translate, supplier: string): FieldErrors {
  return Object.fromEntries(
    Object.entries(codes).map(([field, code]) => [field, publicQuoteMessage(t, code, supplier)]),
  );
}

/**
 * Accept (name, the checkbox that names the amount agreed to) or decline (a reason). A refusal of
 * the server (409: expired, replaced, answered meanwhile) is told here; the page then reloads the
 * quote and shows the state it is in.
 */
export function PublicQuoteRespond({
  quote,
  token,
  selectedLines,
  totalLabel,
}: {
  quote: PublicQuote;
  token: string;
  selectedLines: number[];
  totalLabel: string;
}) {
  const { t } = useI18n();
  const supplier = quote.supplier.name;
  const accept = useAcceptQuote(token);
  const decline = useDeclineQuote(token);
  const [name, setName] = useState('');
  const [isAgreed, setIsAgreed] = useState(false);
  const [reason, setReason] = useState('');
  const [isDeclining, setIsDeclining] = useState(false);
  const [acceptErrors, setAcceptErrors] = useState<FieldErrors>({});
  const [declineErrors, setDeclineErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  const submitAccept = (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    const body = { name, accept_terms: isAgreed, selected_optional_lines: selectedLines };
    const errors = translateCodes(issuesOf(acceptQuote, body), t, supplier);
    setAcceptErrors(errors);
    if (Object.keys(errors).length) return;
    accept.mutate(acceptQuote.parse(body), {
      onError: (error) => {
        const { fields, general } = answerErrors(error, t, supplier);
        setAcceptErrors(fields);
        setGeneral(general);
      },
    });
  };

  const submitDecline = (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    const body = { reason };
    const errors = translateCodes(issuesOf(declineQuote, body), t, supplier);
    setDeclineErrors(errors);
    if (Object.keys(errors).length) return;
    decline.mutate(declineQuote.parse(body), {
      onError: (error) => {
        const { fields, general } = answerErrors(error, t, supplier);
        setDeclineErrors(fields);
        setGeneral(general);
      },
    });
  };

  const isBusy = accept.isPending || decline.isPending;
  const refusal = general && (
    <Alert color="orange" role="alert" data-testid="public-quote-refused">
      {general}
    </Alert>
  );
  if (!quote.can_respond) return refusal || null;

  return (
    <Stack gap="md">
      {refusal}
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" data-testid="public-quote-accept">
        <form onSubmit={submitAccept} noValidate>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('public_quote.accept.title')}
            </Title>
            <Text size="sm">{t('public_quote.accept.text')}</Text>
            <TextInput
              label={t('public_quote.accept.name')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={acceptErrors.name}
              autoComplete="name"
              required
              maw={420}
              data-testid="public-quote-accept-name"
            />
            <Checkbox
              label={t('public_quote.accept.terms', { number: quote.number, supplier, total: totalLabel })}
              checked={isAgreed}
              onChange={(event) => setIsAgreed(event.currentTarget.checked)}
              error={acceptErrors.accept_terms}
              data-testid="public-quote-accept-terms"
            />
            <Group>
              <Button
                type="submit"
                color="green"
                loading={accept.isPending}
                disabled={isBusy}
                w={{ base: '100%', sm: 'auto' }}
                data-testid="public-quote-accept-submit"
              >
                {t('public_quote.accept.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {!isDeclining && (
        <Group>
          <Button
            variant="subtle"
            color="red"
            onClick={() => setIsDeclining(true)}
            data-testid="public-quote-decline-open"
          >
            {t('public_quote.decline.open')}
          </Button>
        </Group>
      )}
      <Collapse expanded={isDeclining}>
        <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" data-testid="public-quote-decline">
          <form onSubmit={submitDecline} noValidate>
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('public_quote.decline.title')}
              </Title>
              <Textarea
                label={t('public_quote.decline.reason')}
                description={t('public_quote.decline.reason_hint', { supplier })}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={declineErrors.reason}
                autosize
                minRows={3}
                required
                data-testid="public-quote-decline-reason"
              />
              <Group>
                <Button
                  type="submit"
                  color="red"
                  loading={decline.isPending}
                  disabled={isBusy}
                  w={{ base: '100%', sm: 'auto' }}
                  data-testid="public-quote-decline-submit"
                >
                  {t('public_quote.decline.submit')}
                </Button>
                <Button variant="default" onClick={() => setIsDeclining(false)} w={{ base: '100%', sm: 'auto' }}>
                  {t('public_quote.decline.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Collapse>
    </Stack>
  );
}
