import type { FieldError } from '@clientbox/contracts';
import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { ApiError } from '../../shared/api/api-client.ts';
import { hasMessage, translate, useI18n } from '../../shared/i18n/i18n.tsx';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import type { DocumentKind } from './document-kind.ts';
import { customerEditPath } from './use-document-customer.ts';

/** The fields a 422 `invoice_incomplete` or `quote_incomplete` names, or null for any other failure. */
export function missingFieldsOf(error: unknown, code: 'invoice_incomplete' | 'quote_incomplete'): FieldError[] | null {
  if (error instanceof ApiError && error.problem.code === code) return error.problem.errors ?? [];
  return null;
}

type Group = 'company' | 'customer' | 'document';
/** Where each missing field is filled in; a quote's `email` is the customer's address to send to. */
const groupOf = (field: string): Group =>
  field.startsWith('company.')
    ? 'company'
    : field.startsWith('customer.') || field === 'email'
      ? 'customer'
      : 'document';

/**
 * What a quote or invoice still needs before it can go out, grouped by where it is filled in: the
 * company profile, the customer's page, or the document itself. A field is named by
 * `<kind>.missing.<field>`, else by the invoice's text for it (the supplier's details are the same).
 */
export function DocumentIncomplete({
  kind,
  missing,
  customer,
  title,
  text,
  documentLabel,
}: {
  kind: DocumentKind;
  missing: FieldError[];
  customer: PickedRelation | null;
  title: string;
  text: string;
  /** The heading of what is missing on the document itself ("Deze offerte"). */
  documentLabel: string;
}) {
  const { t, locale } = useI18n();
  const label = (item: FieldError) => {
    for (const key of [`${kind}.missing.${item.field}`, `invoice.missing.${item.field}`])
      if (hasMessage(key)) return translate(locale, key);
    const code = `error.${item.code}`;
    return `${item.field}: ${hasMessage(code) ? translate(locale, code) : item.code}`;
  };
  const groups = (['company', 'customer', 'document'] as const)
    .map((group) => ({ group, items: missing.filter((item) => groupOf(item.field) === group) }))
    .filter(({ items }) => items.length > 0);
  const testId = (part: string) => `${kind}-${part}`;

  return (
    <Alert color="red" title={title} role="alert" data-testid={testId('incomplete')}>
      <Stack gap="sm">
        <Text size="sm">{text}</Text>
        {groups.map(({ group, items }) => (
          <div key={group} data-testid={testId(`incomplete-${group === 'document' ? kind : group}`)}>
            <Text size="sm" fw={600}>
              {group === 'customer' && customer
                ? `${t('invoice.incomplete_customer')}: ${customer.name}`
                : group === 'document'
                  ? documentLabel
                  : t(`invoice.incomplete_${group}`)}
            </Text>
            <List size="sm" withPadding>
              {items.map((item) => (
                <List.Item key={item.field} data-testid={testId('incomplete-item')} data-field={item.field}>
                  {label(item)}
                </List.Item>
              ))}
            </List>
            {group === 'company' && (
              <Anchor component={Link} to="/settings/company" size="sm" data-testid={testId('fix-company')}>
                {t('invoice.fix_company')} →
              </Anchor>
            )}
            {group === 'customer' && customer && (
              <Anchor component={Link} to={customerEditPath(customer)} size="sm" data-testid={testId('fix-customer')}>
                {t('invoice.fix_customer')} →
              </Anchor>
            )}
          </div>
        ))}
      </Stack>
    </Alert>
  );
}
