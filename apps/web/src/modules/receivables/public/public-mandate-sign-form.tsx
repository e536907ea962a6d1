import { signMandate } from '@clientbox/contracts';
import { Alert, Button, Checkbox, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../shared/api/api-client.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/nl.ts';
import { useSignMandate } from './use-public-mandate.ts';

const KNOWN_CODES = [
  'required',
  'too_long',
  'invalid_iban',
  'invalid_bic',
  'mandate_acceptance_required',
  'mandate_already_signed',
  'mandate_revoked',
] as const;

type Translate = ReturnType<typeof useI18n>['t'];

function message(t: Translate, code: string): string {
  return (KNOWN_CODES as readonly string[]).includes(code)
    ? t(`public_mandate.error.${code}` as MessageKey)
    : t('public_mandate.error.generic');
}

/** The debtor's part: name, IBAN, BIC (abroad only), place and the checkbox, checked with the contract's schema. */
export function PublicMandateSignForm({ token }: { token: string }) {
  const { t } = useI18n();
  const sign = useSignMandate(token);
  const [values, setValues] = useState({ name: '', iban: '', bic: '', place: '', accept: false });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setGeneral(null);
    const parsed = signMandate.safeParse({ ...values, bic: values.bic });
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[String(issue.path[0] ?? '')] ??= message(t, issue.message);
      setErrors(found);
      return;
    }
    setErrors({});
    sign.mutate(parsed.data, {
      onError: (error) => {
        if (!(error instanceof ApiError)) return setGeneral(t('public_mandate.error.generic'));
        const fields = Object.fromEntries(
          (error.problem.errors ?? []).map((fieldError) => [fieldError.field, message(t, fieldError.code)]),
        );
        setErrors(fields);
        if (!Object.keys(fields).length) setGeneral(message(t, error.problem.code));
      },
    });
  };

  const text = (field: 'name' | 'iban' | 'bic' | 'place', autoComplete: string) => (
    <TextInput
      label={t(`public_mandate.${field}`)}
      value={values[field]}
      error={errors[field]}
      autoComplete={autoComplete}
      required={field !== 'bic'}
      data-testid={`public-mandate-${field}`}
      onChange={(event) => setValues({ ...values, [field]: event.currentTarget.value })}
    />
  );

  return (
    <Paper withBorder p="md" radius="md" data-testid="public-mandate-sign">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('public_mandate.sign')}
          </Title>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('name', 'name')}
            {text('iban', 'off')}
            {text('bic', 'off')}
            {text('place', 'address-level2')}
          </SimpleGrid>
          <Checkbox
            label={t('public_mandate.accept')}
            data-testid="public-mandate-accept"
            checked={values.accept}
            error={errors.accept}
            onChange={(event) => setValues({ ...values, accept: event.currentTarget.checked })}
          />
          <Button
            type="submit"
            data-testid="public-mandate-submit"
            loading={sign.isPending}
            w={{ base: '100%', sm: 'auto' }}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('public_mandate.sign')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
