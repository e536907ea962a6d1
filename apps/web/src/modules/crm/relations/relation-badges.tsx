import type { Organization } from '@clientbox/contracts';
import { Badge, Group } from '@mantine/core';
import { useI18n } from '../../../shared/i18n/i18n.tsx';

/** Lead, customer (with debtor number), supplier (with creditor number). */
export function RelationBadges({ organization }: { organization: Organization }) {
  const { t } = useI18n();
  return (
    <Group gap={4} wrap="wrap">
      {organization.is_lead && (
        <Badge color="yellow" variant="light">
          {t('relations.lead')}
        </Badge>
      )}
      {organization.is_customer && (
        <Badge color="blue" variant="light" data-testid="badge-customer">
          {t('relations.customer')}
          {organization.debtor_number ? ` ${organization.debtor_number}` : ''}
        </Badge>
      )}
      {organization.is_supplier && (
        <Badge color="grape" variant="light">
          {t('relations.supplier')}
          {organization.creditor_number ? ` ${organization.creditor_number}` : ''}
        </Badge>
      )}
    </Group>
  );
}
