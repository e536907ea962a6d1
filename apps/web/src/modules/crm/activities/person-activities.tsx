import { RelationActivities } from './relation-activities.tsx';

/** The activities of a person (timeline, tasks, deals), for their page. */
export function PersonActivities({ personId }: { personId: string }) {
  return <RelationActivities relation={{ type: 'person', id: personId }} />;
}
