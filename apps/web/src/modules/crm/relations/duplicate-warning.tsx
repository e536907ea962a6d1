import type { DuplicateReason } from '@clientbox/contracts';
import { Alert, Anchor, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../../../shared/i18n/i18n.tsx';
import { useOrganizationDuplicates } from './use-relations.ts';

export interface DuplicateProbe {
  name: string;
  kvk_number: string;
  vat_number: string;
  email: string;
  phone: string;
  exclude_id: string;
}

/** Before saving: organizations that may already be this one, each with why and a link to it. */
export function DuplicateWarning({ probe }: { probe: DuplicateProbe }) {
  const { t } = useI18n();
  const [debounced] = useDebouncedValue(probe, 400);
  const duplicates = useOrganizationDuplicates({ ...debounced });
  const candidates = duplicates.data?.data ?? [];
  if (candidates.length === 0) return null;
  return (
    <Alert color="yellow" title={t('relations.duplicates_title')} data-testid="organization-duplicates">
      <Text size="sm" mb="xs">
        {t('relations.duplicates_text')}
      </Text>
      <List size="sm" spacing={2}>
        {candidates.map((candidate) => (
          <List.Item key={candidate.id} data-testid="organization-duplicate">
            <Anchor component={Link} to={`/crm/organizations/${candidate.id}`} target="_blank">
              {candidate.name}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              (
              {candidate.reasons.map((reason: DuplicateReason) => t(`relations.duplicate_reason.${reason}`)).join(', ')}
              )
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
