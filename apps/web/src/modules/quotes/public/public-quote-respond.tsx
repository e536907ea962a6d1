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
import { type FormEvent, type ReactNode, useState } from 'react';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { usePublicAnswerForm } from './use-public-answer-form.ts';
import { useAcceptQuote, useDeclineQuote } from './use-public-quote.ts';

/** One answer's form in its panel: title, fields, and the button that sends it (the full width on a phone). */
function AnswerPanel({
  title,
  testId,
  onSubmit,
  submit,
  cancel,
  children,
}: {
  title: string;
  testId: string;
  onSubmit(event: FormEvent): void;
  submit: { label: string; color: string; isLoading: boolean; isDisabled: boolean; testId: string };
  cancel?: { label: string; onClick(): void };
  children: ReactNode;
}) {
  const width = { base: '100%', sm: 'auto' };
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} radius="md" data-testid={testId}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {title}
          </Title>
          {children}
          <Group>
            <Button
              type="submit"
              color={submit.color}
              loading={submit.isLoading}
              disabled={submit.isDisabled}
              w={width}
              data-testid={submit.testId}
            >
              {submit.label}
            </Button>
            {cancel && (
              <Button variant="default" onClick={cancel.onClick} w={width}>
                {cancel.label}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
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
  const [general, setGeneral] = useState<string | null>(null);
  const acceptForm = usePublicAnswerForm(acceptQuote, accept, supplier, setGeneral);
  const declineForm = usePublicAnswerForm(declineQuote, decline, supplier, setGeneral);

  const submitAccept = (event: FormEvent) => {
    event.preventDefault();
    acceptForm.submit({ name, accept_terms: isAgreed, selected_optional_lines: selectedLines });
  };

  const submitDecline = (event: FormEvent) => {
    event.preventDefault();
    declineForm.submit({ reason });
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
      <AnswerPanel
        title={t('public_quote.accept.title')}
        testId="public-quote-accept"
        onSubmit={submitAccept}
        submit={{
          label: t('public_quote.accept.submit'),
          color: 'green',
          isLoading: accept.isPending,
          isDisabled: isBusy,
          testId: 'public-quote-accept-submit',
        }}
      >
        <Text size="sm">{t('public_quote.accept.text')}</Text>
        <TextInput
          label={t('public_quote.accept.name')}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={acceptForm.errors.name}
          autoComplete="name"
          required
          maw={420}
          data-testid="public-quote-accept-name"
        />
        <Checkbox
          label={t('public_quote.accept.terms', { number: quote.number, supplier, total: totalLabel })}
          checked={isAgreed}
          onChange={(event) => setIsAgreed(event.currentTarget.checked)}
          error={acceptForm.errors.accept_terms}
          data-testid="public-quote-accept-terms"
        />
      </AnswerPanel>
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
        <AnswerPanel
          title={t('public_quote.decline.title')}
          testId="public-quote-decline"
          onSubmit={submitDecline}
          submit={{
            label: t('public_quote.decline.submit'),
            color: 'red',
            isLoading: decline.isPending,
            isDisabled: isBusy,
            testId: 'public-quote-decline-submit',
          }}
          cancel={{ label: t('public_quote.decline.cancel'), onClick: () => setIsDeclining(false) }}
        >
          <Textarea
            label={t('public_quote.decline.reason')}
            description={t('public_quote.decline.reason_hint', { supplier })}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={declineForm.errors.reason}
            autosize
            minRows={3}
            required
            data-testid="public-quote-decline-reason"
          />
        </AnswerPanel>
      </Collapse>
    </Stack>
  );
}
