import { MANDATE_SCHEMES, MANDATE_TYPES } from '@clientbox/contracts';
import { Select } from '@mantine/core';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import type { RelationOnPage } from '../../../shared/ui/relation-sections.tsx';

/** CORE or B2B; B2B is offered only for an organization (a person has the CORE refund right, §5.2). */
export function MandateSchemeSelect({
  value,
  relation,
  error,
  onChange,
  testId,
}: {
  value: string;
  relation: RelationOnPage;
  error?: string;
  onChange(value: string): void;
  testId: string;
}) {
  const { t } = useI18n();
  const schemes = MANDATE_SCHEMES.filter((scheme) => scheme === 'CORE' || relation.type === 'organization');
  return (
    <Select
      label={t('mandates.field.scheme')}
      data={schemes.map((scheme) => ({ value: scheme, label: t(`mandates.scheme.${scheme}.description`) }))}
      value={value}
      allowDeselect={false}
      error={error}
      onChange={(next) => onChange(next ?? 'CORE')}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}

/** Recurrent (the usual case) or one-off: a one-off mandate serves a single collection. */
export function MandateTypeSelect({
  value,
  error,
  onChange,
  testId,
}: {
  value: string;
  error?: string;
  onChange(value: string): void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Select
      label={t('mandates.field.type')}
      data={MANDATE_TYPES.map((type) => ({ value: type, label: t(`mandates.type.${type}`) }))}
      value={value}
      allowDeselect={false}
      error={error}
      onChange={(next) => onChange(next ?? 'recurrent')}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
