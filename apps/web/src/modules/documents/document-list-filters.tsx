import { Loader, Select } from '@mantine/core';
import { useI18n } from '../../shared/i18n/i18n.tsx';
import { RelationPicker } from '../crm/activities/relation-picker.tsx';
import type { DocumentKind } from './document-kind.ts';
import { useDocumentCustomer } from './use-document-customer.ts';

/** The status filter of a quote or invoice list; a small loader while the list reloads for it. */
export function DocumentStatusFilter<Status extends string>({
  kind,
  options,
  value,
  isLoading,
  onChange,
}: {
  kind: DocumentKind;
  options: { value: Status; label: string }[];
  value: Status | undefined;
  isLoading: boolean;
  onChange(status: Status | undefined): void;
}) {
  const { t } = useI18n();
  return (
    <Select
      label={t(`${kind}s.status_filter`)}
      placeholder={t(`${kind}s.status_all`)}
      data={options}
      value={value ?? null}
      clearable
      onChange={(picked) => onChange((picked ?? undefined) as Status | undefined)}
      rightSection={isLoading ? <Loader size="xs" /> : undefined}
      data-testid={`${kind}s-status`}
    />
  );
}

/** The customer filter of a quote or invoice list: the picker shows the customer of a linked URL by name. */
export function DocumentCustomerFilter({
  kind,
  customerId,
  onChange,
}: {
  kind: DocumentKind;
  customerId: string | undefined;
  onChange(customerId: string | undefined): void;
}) {
  const { t } = useI18n();
  const customer = useDocumentCustomer(customerId);
  if (customerId && customer.isPending) return <Loader size="sm" />;
  return (
    <RelationPicker
      key={customerId ?? 'none'}
      value={customer.data ?? null}
      onChange={(picked) => onChange(picked?.id)}
      label={t(`${kind}s.customer_filter`)}
      placeholder={t(`${kind}s.customer_placeholder`)}
      testId={`${kind}s-customer`}
    />
  );
}
