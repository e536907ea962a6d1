import type { RelationOnPage } from '../../../shared/ui/relation-sections.tsx';
import { CollectionHistorySection } from './collection-history-section.tsx';

/**
 * The collections history on an organization's or person's page, with pausing and resuming the
 * customer's reminders. Rendered through the relation page's slot, only for tenants with Invoices.
 */
export function CustomerCollectionsSection({ relation }: { relation: RelationOnPage }) {
  return <CollectionHistorySection of={{ customer_id: relation.id }} customerId={relation.id} />;
}
