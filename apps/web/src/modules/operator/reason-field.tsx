import { Textarea } from '@mantine/core';
import { useI18n } from '../../shared/i18n/i18n.tsx';

/** The reason an admin gives for a decision on a tenant or an order (kept with the decision). */
export function ReasonField({
  value,
  onChange,
  error,
  hint,
  minRows = 2,
  autoFocus = false,
  testId,
}: {
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string;
  minRows?: number;
  autoFocus?: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Textarea
      label={t('console.tenants.reason')}
      description={hint}
      autosize
      minRows={minRows}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error}
      data-autofocus={autoFocus || undefined}
      data-testid={testId}
    />
  );
}
