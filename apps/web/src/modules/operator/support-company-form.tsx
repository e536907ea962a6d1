import { type Company, updateCompany } from '@clientbox/contracts';
import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../../shared/api/api-client.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../shared/i18n/nl.ts';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { operatorKeys, useUpdateSupportCompany } from './use-operator.ts';

/** The editable fields of the company profile, in the order of the tenant's own form. */
const FIELDS = Object.keys(updateCompany.shape) as (keyof typeof updateCompany.shape)[];
type Values = Record<(typeof FIELDS)[number], string>;

const toValues = (company: Company): Values =>
  Object.fromEntries(FIELDS.map((field) => [field, company[field] ?? ''])) as Values;

/** The tenant's company profile as support sees it: a form with a write grant, read-only otherwise. */
export function SupportCompanyForm({
  tenantId,
  company,
  isEditable,
}: {
  tenantId: string;
  company: Company;
  isEditable: boolean;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const update = useUpdateSupportCompany(tenantId);
  const [values, setValues] = useState<Values>(() => toValues(company));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => setValues(toValues(company)), [company]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const original = toValues(company);
    const changed = Object.fromEntries(
      FIELDS.filter((field) => values[field] !== original[field]).map((field) => [field, values[field]]),
    );
    const checked = validate(updateCompany, changed, locale);
    setErrors(checked.errors);
    setGeneral(null);
    if (!checked.data) return;
    try {
      await update.mutateAsync({ changes: checked.data, version: company.version });
      notifications.show({ color: 'green', message: t('common.saved') });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setGeneral(t('company.conflict'));
        await queryClient.invalidateQueries({ queryKey: operatorKeys.supportCompany(tenantId) });
        return;
      }
      if (error instanceof ApiError && error.problem.code === 'support_access_required') {
        // The tenant revoked the grant meanwhile: the page shows that instead of the form.
        await queryClient.invalidateQueries({ queryKey: operatorKeys.supportCompany(tenantId) });
      }
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      setGeneral(problem.general);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="console-support-company">
      <Stack>
        {general && (
          <Alert color="red" role="alert">
            {general}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {FIELDS.map((field) => (
            <TextInput
              key={field}
              label={t(`company.${field}` as MessageKey)}
              value={values[field]}
              error={errors[field]}
              readOnly={!isEditable}
              onChange={(event) => setValues({ ...values, [field]: event.currentTarget.value })}
            />
          ))}
        </SimpleGrid>
        {isEditable && (
          <Group>
            <Button type="submit" loading={update.isPending} data-testid="console-support-save">
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
