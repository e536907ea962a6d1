/** Public surface of the CRM module for modules that declare it in `dependsOn`. */
export { crmModule } from './module.ts';
export { addTimelineItem, type TimelineItemRequest } from './activities/timeline/add-timeline-item.ts';
export { TIMELINE_ITEM_REQUESTED } from './activities/timeline/timeline.events.ts';
export { type CustomerForDocument, getCustomerForDocument } from './relations/use-cases/get-customer-for-document.ts';
export { findOrganizationsByIban } from './relations/use-cases/find-organizations-by-iban.ts';
/** The operator's billing enters its tenants as customers. */
export { createOrganization } from './relations/use-cases/create-organization.ts';
export { createPerson } from './relations/use-cases/create-person.ts';
