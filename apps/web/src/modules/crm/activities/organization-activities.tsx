import { RelationActivities } from './relation-activities.tsx';

/** The activities of an organization (timeline, tasks, deals), for its page. */
export function OrganizationActivities({ organizationId }: { organizationId: string }) {
  return <RelationActivities relation={{ type: 'organization', id: organizationId }} />;
}

export { PersonActivities } from './person-activities.tsx';
