import { ADDRESS_TYPES } from '@clientbox/contracts';
import { ActionIcon, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import type { MessageKey } from '../../../shared/i18n/nl.ts';
import type { PathErrors } from './relation-form-errors.ts';

export interface EmailRow {
  address: string;
  label: string;
}
export interface PhoneRow {
  number: string;
  label: string;
}
export interface AddressRow {
  type: (typeof ADDRESS_TYPES)[number];
  street: string;
  postal_code: string;
  city: string;
  country: string;
}
export interface ContactValues {
  emails: EmailRow[];
  phones: PhoneRow[];
  addresses: AddressRow[];
}

const EMPTY = {
  emails: (): EmailRow => ({ address: '', label: '' }),
  phones: (): PhoneRow => ({ number: '', label: '' }),
  addresses: (): AddressRow => ({ type: 'visiting', street: '', postal_code: '', city: '', country: 'NL' }),
};

/** Empty rows are left out; labels without text become null. */
export function contactPayload(values: ContactValues) {
  const orNull = (text: string) => (text.trim() ? text.trim() : null);
  return {
    emails: values.emails
      .filter((row) => row.address.trim())
      .map((row) => ({ address: row.address, label: orNull(row.label) })),
    phones: values.phones
      .filter((row) => row.number.trim())
      .map((row) => ({ number: row.number, label: orNull(row.label) })),
    addresses: values.addresses
      .filter((row) => row.street.trim() || row.postal_code.trim() || row.city.trim())
      .map((row) => ({
        type: row.type,
        street: orNull(row.street),
        postal_code: orNull(row.postal_code),
        city: orNull(row.city),
        country: row.country || 'NL',
      })),
  };
}

/** Repeatable e-mail, phone and address rows; each row shows its own error from the server. */
export function ContactFields({
  values,
  errors,
  onChange,
}: {
  values: ContactValues;
  errors: PathErrors;
  onChange(values: ContactValues): void;
}) {
  const { t } = useI18n();
  const setRow = <K extends keyof ContactValues>(list: K, index: number, row: ContactValues[K][number]) =>
    onChange({ ...values, [list]: values[list].map((current, i) => (i === index ? row : current)) });
  const addRow = (list: keyof ContactValues) => onChange({ ...values, [list]: [...values[list], EMPTY[list]()] });
  const removeRow = (list: keyof ContactValues, index: number) =>
    onChange({ ...values, [list]: values[list].filter((_, i) => i !== index) });
  const remove = (list: keyof ContactValues, index: number) => (
    <ActionIcon
      variant="subtle"
      color="gray"
      mt={{ base: 0, sm: 26 }}
      aria-label={t('relations.remove_row')}
      onClick={() => removeRow(list, index)}
      data-testid={`contact-${list}-remove-${index}`}
    >
      ×
    </ActionIcon>
  );

  return (
    <Stack gap="md">
      <Paper withBorder p="sm">
        <Text fw={600} mb="xs">
          {t('relations.emails')}
        </Text>
        <Stack gap="xs">
          {values.emails.map((row, index) => (
            <Group key={index} align="flex-start" wrap="nowrap" gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }} spacing="xs">
                <TextInput
                  label={t('relations.email_address')}
                  type="email"
                  value={row.address}
                  error={errors[`emails.${index}.address`]}
                  onChange={(event) => setRow('emails', index, { ...row, address: event.currentTarget.value })}
                  data-testid={`contact-email-${index}`}
                />
                <TextInput
                  label={t('relations.label')}
                  value={row.label}
                  error={errors[`emails.${index}.label`]}
                  onChange={(event) => setRow('emails', index, { ...row, label: event.currentTarget.value })}
                />
              </SimpleGrid>
              {remove('emails', index)}
            </Group>
          ))}
          <Group>
            <Button variant="light" size="xs" onClick={() => addRow('emails')} data-testid="contact-email-add">
              {t('relations.add_email')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <Paper withBorder p="sm">
        <Text fw={600} mb="xs">
          {t('relations.phones')}
        </Text>
        <Stack gap="xs">
          {values.phones.map((row, index) => (
            <Group key={index} align="flex-start" wrap="nowrap" gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }} spacing="xs">
                <TextInput
                  label={t('relations.phone_number')}
                  type="tel"
                  value={row.number}
                  error={errors[`phones.${index}.number`]}
                  onChange={(event) => setRow('phones', index, { ...row, number: event.currentTarget.value })}
                  data-testid={`contact-phone-${index}`}
                />
                <TextInput
                  label={t('relations.label')}
                  value={row.label}
                  error={errors[`phones.${index}.label`]}
                  onChange={(event) => setRow('phones', index, { ...row, label: event.currentTarget.value })}
                />
              </SimpleGrid>
              {remove('phones', index)}
            </Group>
          ))}
          <Group>
            <Button variant="light" size="xs" onClick={() => addRow('phones')} data-testid="contact-phone-add">
              {t('relations.add_phone')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <Paper withBorder p="sm">
        <Text fw={600} mb="xs">
          {t('relations.addresses')}
        </Text>
        <Stack gap="sm">
          {values.addresses.map((row, index) => (
            <Group key={index} align="flex-start" wrap="nowrap" gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} style={{ flex: 1 }} spacing="xs">
                <NativeSelect
                  label={t('relations.address_type')}
                  value={row.type}
                  data={ADDRESS_TYPES.map((type) => ({
                    value: type,
                    label: t(`relations.address_type.${type}` as MessageKey),
                  }))}
                  error={errors[`addresses.${index}.type`]}
                  onChange={(event) =>
                    setRow('addresses', index, { ...row, type: event.currentTarget.value as AddressRow['type'] })
                  }
                  data-testid={`contact-address-type-${index}`}
                />
                <TextInput
                  label={t('relations.street')}
                  value={row.street}
                  error={errors[`addresses.${index}.street`]}
                  onChange={(event) => setRow('addresses', index, { ...row, street: event.currentTarget.value })}
                  data-testid={`contact-address-street-${index}`}
                />
                <TextInput
                  label={t('relations.postal_code')}
                  value={row.postal_code}
                  error={errors[`addresses.${index}.postal_code`]}
                  onChange={(event) => setRow('addresses', index, { ...row, postal_code: event.currentTarget.value })}
                  data-testid={`contact-address-postal-code-${index}`}
                />
                <TextInput
                  label={t('relations.city')}
                  value={row.city}
                  error={errors[`addresses.${index}.city`]}
                  onChange={(event) => setRow('addresses', index, { ...row, city: event.currentTarget.value })}
                  data-testid={`contact-address-city-${index}`}
                />
                <TextInput
                  label={t('relations.country')}
                  value={row.country}
                  maxLength={2}
                  error={errors[`addresses.${index}.country`]}
                  onChange={(event) => setRow('addresses', index, { ...row, country: event.currentTarget.value })}
                  data-testid={`contact-address-country-${index}`}
                />
              </SimpleGrid>
              {remove('addresses', index)}
            </Group>
          ))}
          <Group>
            <Button variant="light" size="xs" onClick={() => addRow('addresses')} data-testid="contact-address-add">
              {t('relations.add_address')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
