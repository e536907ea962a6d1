import type { FieldError } from '@clientbox/contracts';
import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { ApiError } from '../../shared/api/api-client.ts';
import { hasMessage, translate, useI18n } from '../../shared/i18n/i18n.tsx';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';
import { customerEditPath } from './use-invoices.ts';

/** The fields a 422 `invoice_incomplete` names, or null for any other failure. */
export function missingFieldsOf(error: unknown): FieldError[] | null {
  if (error instanceof ApiError && error.problem.code === 'invoice_incomplete') return error.problem.errors ?? [];
  return null;
}

type Group = 'company' | 'customer' | 'invoice';
const groupOf = (field: string): Group =>
  field.startsWith('company.') ? 'company' : field.startsWith('customer.') ? 'customer' : 'invoice';

/**
 * What the law still requires before the invoice can be finalized (art. 35a Wet OB), grouped by
 * where it is filled in: the company profile, the customer's page, or this invoice.
 */
export function InvoiceIncomplete({ missing, customer }: { missing: FieldError[]; customer: PickedRelation | null }) {
  const { t, locale } = useI18n();
  const label = (item: FieldError) => {
    const key = `invoice.missing.${item.field}`;
    if (hasMessage(key)) return translate(locale, key);
    const code = `error.${item.code}`;
    return `${item.field}: ${hasMessage(code) ? translate(locale, code) : item.code}`;
  };
  const groups = (['company', 'customer', 'invoice'] as const)
    .map((group) => ({ group, items: missing.filter((item) => groupOf(item.field) === group) }))
    .filter(({ items }) => items.length > 0);

  return (
    <Alert color="red" title={t('invoice.incomplete_title')} role="alert" data-testid="invoice-incomplete">
      <Stack gap="sm">
        <Text size="sm">{t('invoice.incomplete_text')}</Text>
        {groups.map(({ group, items }) => (
          <div key={group} data-testid={`invoice-incomplete-${group}`}>
            <Text size="sm" fw={600}>
              {group === 'customer' && customer
                ? `${t('invoice.incomplete_customer')}: ${customer.name}`
                : t(`invoice.incomplete_${group}`)}
            </Text>
            <List size="sm" withPadding>
              {items.map((item) => (
                <List.Item key={item.field} data-testid="invoice-incomplete-item" data-field={item.field}>
                  {label(item)}
                </List.Item>
              ))}
            </List>
            {group === 'company' && (
              <Anchor component={Link} to="/settings/company" size="sm" data-testid="invoice-fix-company">
                {t('invoice.fix_company')} →
              </Anchor>
            )}
            {group === 'customer' && customer && (
              <Anchor component={Link} to={customerEditPath(customer)} size="sm" data-testid="invoice-fix-customer">
                {t('invoice.fix_customer')} →
              </Anchor>
            )}
          </div>
        ))}
      </Stack>
    </Alert>
  );
}
