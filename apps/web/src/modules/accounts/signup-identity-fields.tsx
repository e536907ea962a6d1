import { Checkbox, Input, NativeSelect, SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import type { FieldErrors } from '../../shared/ui/form-errors.ts';

export interface SignupIdentity {
  customer_type: 'business' | 'private';
  adult_confirmed: boolean;
  company_name: string;
  kvk_number: string;
  street: string;
  postal_code: string;
  city: string;
  country: string;
}

export const EMPTY_IDENTITY: SignupIdentity = {
  customer_type: 'business',
  adult_confirmed: false,
  company_name: '',
  kvk_number: '',
  street: '',
  postal_code: '',
  city: '',
  country: 'NL',
};

const COUNTRIES = ['NL', 'BE'] as const;

/**
 * Terms art. 4: who the customer is. A private person confirms being 18 or older; a business may
 * give its KvK number. The address is needed on every invoice.
 */
export function SignupIdentityFields({
  values,
  onChange,
  errors,
}: {
  values: SignupIdentity;
  onChange(values: SignupIdentity): void;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  const isPrivate = values.customer_type === 'private';
  const text = (name: 'company_name' | 'kvk_number' | 'street' | 'postal_code' | 'city', errorKey: string = name) => ({
    value: values[name],
    error: errors[errorKey],
    onChange: (event: { currentTarget: { value: string } }) =>
      onChange({ ...values, [name]: event.currentTarget.value }),
  });
  return (
    <Stack>
      <Input.Wrapper label={t('signup.customer_type')} error={errors.customer_type}>
        <SegmentedControl
          fullWidth
          mt={4}
          value={values.customer_type}
          onChange={(value) => onChange({ ...values, customer_type: value === 'private' ? 'private' : 'business' })}
          data={[
            { value: 'business', label: t('signup.business') },
            { value: 'private', label: t('signup.private') },
          ]}
          data-testid="signup-customer-type"
        />
      </Input.Wrapper>
      {isPrivate && (
        <Checkbox
          label={t('signup.adult')}
          checked={values.adult_confirmed}
          error={errors.adult_confirmed}
          onChange={(event) => onChange({ ...values, adult_confirmed: event.currentTarget.checked })}
          data-testid="signup-adult"
        />
      )}
      <TextInput
        label={isPrivate ? t('signup.private_name') : t('field.company_name')}
        autoComplete={isPrivate ? 'name' : 'organization'}
        required
        {...text('company_name')}
      />
      {!isPrivate && (
        <TextInput
          label={t('company.kvk_number')}
          description={t('signup.optional')}
          inputMode="numeric"
          {...text('kvk_number')}
        />
      )}
      <TextInput
        label={t('company.street')}
        autoComplete="street-address"
        required
        {...text('street', 'address.street')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t('company.postal_code')}
          autoComplete="postal-code"
          required
          {...text('postal_code', 'address.postal_code')}
        />
        <TextInput label={t('company.city')} autoComplete="address-level2" required {...text('city', 'address.city')} />
      </SimpleGrid>
      <NativeSelect
        label={t('company.country')}
        autoComplete="country"
        value={values.country}
        error={errors['address.country']}
        data={COUNTRIES.map((code) => ({ value: code, label: t(`country.${code}`) }))}
        onChange={(event) => onChange({ ...values, country: event.currentTarget.value })}
      />
    </Stack>
  );
}

/** The sign-up body as `signUp` expects it: the address nested, KvK only for a business. */
export function identityBody(values: SignupIdentity) {
  const isPrivate = values.customer_type === 'private';
  return {
    customer_type: values.customer_type,
    ...(isPrivate ? { adult_confirmed: values.adult_confirmed } : {}),
    company_name: values.company_name,
    ...(!isPrivate && values.kvk_number.trim() ? { kvk_number: values.kvk_number } : {}),
    address: { street: values.street, postal_code: values.postal_code, city: values.city, country: values.country },
  };
}
