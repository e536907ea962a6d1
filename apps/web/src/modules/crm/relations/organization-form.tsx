import { createOrganization, type Organization, updateOrganization } from '@clientbox/contracts';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../shared/api/api-client.ts';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/nl.ts';
import { ContactFields, contactPayload, type ContactValues } from './contact-fields.tsx';
import { DuplicateWarning } from './duplicate-warning.tsx';
import { type PathErrors, serverPathErrors, validateWithPaths } from './relation-form-errors.ts';
import { useCreateOrganization, useOrganization, useUpdateOrganization } from './use-relations.ts';

const TEXT_FIELDS = [
  'name',
  'trading_name',
  'kvk_number',
  'vat_number',
  'iban',
  'bic',
  'invoice_email',
  'website',
  'payment_term_days',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type Values = Record<TextField, string> &
  ContactValues & { is_lead: boolean; is_customer: boolean; is_supplier: boolean; document_locale: 'nl' | 'en' };

function toValues(organization?: Organization): Values {
  return {
    ...(Object.fromEntries(
      TEXT_FIELDS.map((field) => [field, organization?.[field] === null ? '' : String(organization?.[field] ?? '')]),
    ) as Record<TextField, string>),
    is_lead: organization?.is_lead ?? false,
    is_customer: organization?.is_customer ?? false,
    is_supplier: organization?.is_supplier ?? false,
    document_locale: organization?.document_locale ?? 'nl',
    emails: organization?.emails.map((row) => ({ address: row.address, label: row.label ?? '' })) ?? [
      { address: '', label: '' },
    ],
    phones: organization?.phones.map((row) => ({ number: row.number, label: row.label ?? '' })) ?? [
      { number: '', label: '' },
    ],
    addresses: organization?.addresses.map((row) => ({
      type: row.type,
      street: row.street ?? '',
      postal_code: row.postal_code ?? '',
      city: row.city ?? '',
      country: row.country,
    })) ?? [{ type: 'visiting', street: '', postal_code: '', city: '', country: 'NL' }],
  };
}

function toPayload(values: Values) {
  const text = (value: string) => (value.trim() ? value.trim() : null);
  const term = values.payment_term_days.trim();
  return {
    name: values.name.trim(),
    trading_name: text(values.trading_name),
    kvk_number: text(values.kvk_number),
    vat_number: text(values.vat_number),
    iban: text(values.iban),
    bic: text(values.bic),
    invoice_email: text(values.invoice_email),
    website: text(values.website),
    payment_term_days: term === '' ? null : Number.isInteger(Number(term)) ? Number(term) : (term as unknown as number),
    is_lead: values.is_lead,
    is_customer: values.is_customer,
    is_supplier: values.is_supplier,
    document_locale: values.document_locale,
    ...contactPayload(values),
  };
}

export function OrganizationCreatePage() {
  return <OrganizationForm />;
}

export function OrganizationEditPage() {
  const { id } = useParams({ strict: false }) as { id: string };
  const { t } = useI18n();
  const organization = useOrganization(id);
  if (!organization.data) return <Alert color="gray">{t('common.loading')}</Alert>;
  return <OrganizationForm organization={organization.data} />;
}

/** Create or edit an organization: identifiers checked with the shared rules before sending, server errors per field. */
function OrganizationForm({ organization }: { organization?: Organization }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const create = useCreateOrganization();
  const update = useUpdateOrganization();
  const [values, setValues] = useState<Values>(() => toValues(organization));
  const [errors, setErrors] = useState<PathErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const payload = toPayload(values);
    const checked = validateWithPaths(organization ? updateOrganization : createOrganization, payload, locale);
    setErrors(checked.errors);
    setGeneral(null);
    if (!checked.data) return;
    try {
      const saved = organization
        ? await update.mutateAsync({ id: organization.id, changes: payload, version: organization.version })
        : await create.mutateAsync(payload);
      notifications.show({ color: 'green', message: t('common.saved') });
      await navigate({ to: '/crm/organizations/$id', params: { id: saved.id } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) return setGeneral(t('relations.conflict'));
      const problem = serverPathErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(problem.general);
    }
  };

  const input = (field: TextField) => (
    <TextInput
      key={field}
      label={t(`relations.field.${field}` as MessageKey)}
      value={values[field]}
      error={errors[field]}
      required={field === 'name'}
      inputMode={field === 'payment_term_days' ? 'numeric' : undefined}
      description={field === 'payment_term_days' ? t('relations.payment_term_hint') : undefined}
      onChange={(event) => setValues({ ...values, [field]: event.currentTarget.value })}
      data-testid={`organization-${field.replace(/_/g, '-')}`}
    />
  );

  return (
    <Stack maw={980}>
      <Title order={2}>{organization ? t('relations.edit_organization') : t('relations.new_organization')}</Title>
      <form onSubmit={submit} noValidate data-testid="organization-form">
        <Stack>
          {general && (
            <Alert color="red" role="alert" data-testid="organization-form-error">
              {general}
            </Alert>
          )}
          <Paper withBorder p="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {TEXT_FIELDS.map(input)}
              <NativeSelect
                label={t('relations.field.document_locale')}
                value={values.document_locale}
                data={[
                  { value: 'nl', label: t('relations.locale.nl') },
                  { value: 'en', label: t('relations.locale.en') },
                ]}
                onChange={(event) =>
                  setValues({ ...values, document_locale: event.currentTarget.value as Values['document_locale'] })
                }
              />
            </SimpleGrid>
            <Group mt="md" gap="lg">
              {(['is_lead', 'is_customer', 'is_supplier'] as const).map((flag) => (
                <Checkbox
                  key={flag}
                  label={t(`relations.field.${flag}` as MessageKey)}
                  checked={values[flag]}
                  onChange={(event) => setValues({ ...values, [flag]: event.currentTarget.checked })}
                  data-testid={`organization-${flag.replace(/_/g, '-')}`}
                />
              ))}
            </Group>
          </Paper>
          <ContactFields values={values} errors={errors} onChange={(contact) => setValues({ ...values, ...contact })} />
          <DuplicateWarning
            probe={{
              name: values.name,
              kvk_number: values.kvk_number,
              vat_number: values.vat_number,
              email: values.emails[0]?.address ?? '',
              phone: values.phones[0]?.number ?? '',
              exclude_id: organization?.id ?? '',
            }}
          />
          <Group>
            <Button type="submit" loading={create.isPending || update.isPending} data-testid="organization-form-submit">
              {t('common.save')}
            </Button>
            <Button
              variant="default"
              component={Link}
              to={organization ? `/crm/organizations/${organization.id}` : '/crm/organizations'}
            >
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
