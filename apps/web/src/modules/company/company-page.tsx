import { type Company, updateCompany } from '@clientbox/contracts';
import {
  Alert,
  Button,
  FileButton,
  Group,
  Image,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../../shared/api/api-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../shared/i18n/nl.ts';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { canManage, useMe } from '../accounts/use-me.ts';
import { useCompany, useUpdateCompany, useUploadLogo } from './use-company.ts';

const FIELDS = [
  'legal_name',
  'trading_name',
  'street',
  'postal_code',
  'city',
  'country',
  'kvk_number',
  'vat_number',
  'iban',
  'bic',
  'sepa_creditor_id',
  'email',
  'phone',
  'website',
] as const;
type Field = (typeof FIELDS)[number];
/** The text fields as typed, and the default payment term as typed (a number once it is one). */
type Values = Record<Field | 'default_payment_term_days', string>;

function toValues(company: Company): Values {
  const fields = Object.fromEntries(FIELDS.map((field) => [field, company[field] ?? '']));
  return { ...fields, default_payment_term_days: String(company.default_payment_term_days) } as Values;
}

/** "30" → 30; anything else goes to the schema as typed, which names what is wrong with it. */
function termFromInput(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function CompanyPage() {
  const { t, locale } = useI18n();
  const company = useCompany();
  const isEditable = canManage(useMe().data);
  const update = useUpdateCompany();
  const upload = useUploadLogo();
  const [values, setValues] = useState<Values | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [logoVersion, setLogoVersion] = useState(0);

  useEffect(() => {
    if (company.data) setValues(toValues(company.data));
  }, [company.data]);
  if (!company.data || !values) return <Text>{t('common.loading')}</Text>;
  const current = company.data;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const original = toValues(current);
    const changed: Record<string, unknown> = Object.fromEntries(
      FIELDS.filter((field) => values[field] !== original[field]).map((field) => [field, values[field]]),
    );
    const term = termFromInput(values.default_payment_term_days);
    if (term !== current.default_payment_term_days) changed.default_payment_term_days = term;
    const checked = validate(updateCompany, changed, locale);
    // The term cannot be emptied: a tenant always has a default.
    if (term === null) checked.errors.default_payment_term_days = t('error.required');
    setErrors(checked.errors);
    setGeneral(null);
    if (!checked.data || term === null) return;
    try {
      await update.mutateAsync({ changes: checked.data, version: current.version });
      notifications.show({ color: 'green', message: t('common.saved') });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setGeneral(t('company.conflict'));
        await company.refetch();
        return;
      }
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(problem.general);
    }
  };

  const uploadLogo = async (file: File | null) => {
    if (!file) return;
    try {
      await upload.mutateAsync(file);
      setLogoVersion((version) => version + 1);
      notifications.show({ color: 'green', message: t('company.logo_saved') });
    } catch (error) {
      const problem = serverErrors(error, locale);
      notifications.show({ color: 'red', message: problem.fields.file ?? problem.general ?? t('error.generic') });
    }
  };

  const input = (field: Field) => (
    <TextInput
      key={field}
      label={t(`company.${field}` as MessageKey)}
      value={values[field]}
      error={errors[field]}
      readOnly={!isEditable}
      onChange={(event) => setValues({ ...values, [field]: event.currentTarget.value })}
    />
  );

  return (
    <Stack maw={860}>
      <Title order={2}>{t('company.title')}</Title>
      {!isEditable && <Alert color="gray">{t('common.read_only')}</Alert>}
      <form onSubmit={submit} noValidate>
        <Stack>
          {general && (
            <Alert color="red" role="alert">
              {general}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {FIELDS.map(input)}
            <TextInput
              label={t('company.default_payment_term_days')}
              description={t('company.default_payment_term_hint')}
              inputMode="numeric"
              value={values.default_payment_term_days}
              error={errors.default_payment_term_days}
              readOnly={!isEditable}
              onChange={(event) => setValues({ ...values, default_payment_term_days: event.currentTarget.value })}
              data-testid="company-default-payment-term-days"
            />
          </SimpleGrid>
          {isEditable && (
            <Group>
              <Button type="submit" loading={update.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="sm">
          {t('company.logo')}
        </Title>
        <Group align="center">
          {current.has_logo && (
            <Image
              src={`/api/v1/company/logo?v=${current.version}-${logoVersion}`}
              alt={t('company.logo')}
              h={64}
              w="auto"
              fit="contain"
            />
          )}
          {isEditable && (
            <FileButton onChange={uploadLogo} accept="image/png,image/jpeg,image/webp">
              {(props) => (
                <Button variant="default" loading={upload.isPending} {...props}>
                  {t('company.logo_upload')}
                </Button>
              )}
            </FileButton>
          )}
          <Text size="sm" c="dimmed">
            {t('company.logo_hint')}
          </Text>
        </Group>
      </Paper>
    </Stack>
  );
}
