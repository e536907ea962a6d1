import {
  amsterdamDate,
  createVatRate,
  nextVatRate,
  rateClassesOf,
  type VatRate,
  vatRateOn,
} from '@clientbox/contracts';
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { formatDate } from '../../shared/i18n/format-date.ts';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { type FieldErrors, serverErrors, validate } from '../../shared/ui/form-errors.ts';
import { canManage, useMe } from '../accounts/use-me.ts';
import { decimalFromInput, formatPercent, rateClassName } from './product-labels.ts';
import { useCreateVatRate, useVatRates } from './use-products.ts';

const NEW_CLASS = '__new__';

/** `/settings/vat-rates`: the dated rates per class; admins add a rate from a date on. */
export function VatRatesPage() {
  const { t, locale } = useI18n();
  const isAdmin = canManage(useMe().data);
  const rates = useVatRates().data?.data ?? [];
  const today = amsterdamDate();
  const classes = rateClassesOf(rates);

  return (
    <Stack maw={900}>
      <Title order={2}>{t('vat_rates.title')}</Title>
      <Text size="sm">{t('vat_rates.intro')}</Text>
      <Table.ScrollContainer minWidth={460}>
        <Table striped verticalSpacing="xs" data-testid="vat-rate-classes">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('vat_rates.class')}</Table.Th>
              <Table.Th ta="right">{t('vat_rates.today')}</Table.Th>
              <Table.Th>{t('vat_rates.next')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {classes.map((rateClass) => {
              const next = nextVatRate(rates, rateClass, today);
              return (
                <Table.Tr key={rateClass} data-testid="vat-rate-class" data-rate-class={rateClass}>
                  <Table.Td>{rateClassName(rateClass, locale)}</Table.Td>
                  <Table.Td ta="right">{formatPercent(vatRateOn(rates, rateClass, today), locale)}</Table.Td>
                  <Table.Td>
                    {next
                      ? `${formatDate(next.valid_from, locale)}: ${formatPercent(next.percent, locale)}`
                      : t('vat_rates.none')}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {isAdmin ? <AddVatRate classes={classes} /> : <Alert color="gray">{t('vat_rates.admin_only')}</Alert>}
      <Title order={3} size="h5">
        {t('vat_rates.history')}
      </Title>
      <RateHistory
        rates={[...rates].sort(
          (a, b) =>
            classes.indexOf(a.rate_class) - classes.indexOf(b.rate_class) || a.valid_from.localeCompare(b.valid_from),
        )}
      />
    </Stack>
  );
}

function RateHistory({ rates }: { rates: VatRate[] }) {
  const { t, locale } = useI18n();
  return (
    <Table.ScrollContainer minWidth={460}>
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('vat_rates.class')}</Table.Th>
            <Table.Th ta="right">{t('vat_rates.percent')}</Table.Th>
            <Table.Th>{t('vat_rates.valid_from')}</Table.Th>
            <Table.Th>{t('vat_rates.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rates.map((rate) => (
            <Table.Tr key={rate.id}>
              <Table.Td>{rateClassName(rate.rate_class, locale)}</Table.Td>
              <Table.Td ta="right">{formatPercent(rate.percent, locale)}</Table.Td>
              <Table.Td>{formatDate(rate.valid_from, locale)}</Table.Td>
              <Table.Td>{rate.note}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AddVatRate({ classes }: { classes: string[] }) {
  const { t, locale } = useI18n();
  const create = useCreateVatRate();
  const [rateClass, setRateClass] = useState('reduced');
  const [newClass, setNewClass] = useState('');
  const [percent, setPercent] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const values = {
      rate_class: rateClass === NEW_CLASS ? newClass.trim() : rateClass,
      percent: decimalFromInput(percent),
      valid_from: validFrom,
      note,
    };
    const checked = validate(createVatRate, values, locale);
    setErrors(checked.errors);
    if (!checked.data) return;
    try {
      await create.mutateAsync(checked.data);
      notifications.show({ color: 'green', message: t('vat_rates.added') });
      setPercent('');
      setValidFrom('');
      setNote('');
    } catch (error) {
      const problem = serverErrors(error, locale);
      setErrors(problem.fields);
      if (problem.general) notifications.show({ color: 'red', message: problem.general });
    }
  };

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        {t('vat_rates.add_title')}
      </Title>
      <form onSubmit={submit} noValidate data-testid="vat-rate-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('vat_rates.class')}
              data={[
                ...classes.map((value) => ({ value, label: rateClassName(value, locale) })),
                { value: NEW_CLASS, label: t('vat_rates.new_class') },
              ]}
              value={rateClass}
              allowDeselect={false}
              onChange={(value) => value && setRateClass(value)}
            />
            {rateClass === NEW_CLASS && (
              <TextInput
                label={t('vat_rates.new_class_name')}
                value={newClass}
                error={errors.rate_class}
                onChange={(event) => setNewClass(event.currentTarget.value)}
              />
            )}
            <TextInput
              label={t('vat_rates.percent')}
              inputMode="decimal"
              value={percent}
              error={errors.percent}
              onChange={(event) => setPercent(event.currentTarget.value)}
              data-testid="vat-rate-percent"
            />
            <TextInput
              type="date"
              label={t('vat_rates.valid_from')}
              value={validFrom}
              error={errors.valid_from}
              onChange={(event) => setValidFrom(event.currentTarget.value)}
              data-testid="vat-rate-valid-from"
            />
            <TextInput
              label={t('vat_rates.note')}
              value={note}
              error={errors.note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={create.isPending} data-testid="vat-rate-add">
              {t('vat_rates.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
