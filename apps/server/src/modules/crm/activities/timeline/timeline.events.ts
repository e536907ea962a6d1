import { isAppError } from '../../../../kernel/errors/app-error.ts';
import type { Kernel } from '../../../../kernel/kernel.ts';
import { addTimelineItem, type TimelineItemRequest } from './add-timeline-item.ts';

/**
 * For work that is not in a request of its own module (a job, a module that does not declare
 * `dependsOn: ['crm']`): publish this event with a `TimelineItemRequest` as payload and the item
 * is added after the publishing transaction commits.
 */
export const TIMELINE_ITEM_REQUESTED = 'crm.timeline_item_requested';

export function subscribeTimelineEvents(kernel: Kernel): void {
  kernel.jobs.subscribe<TimelineItemRequest>(TIMELINE_ITEM_REQUESTED, 'crm.add-timeline-item', async (delivery) => {
    try {
      await addTimelineItem({ tenantId: delivery.tenantId, tx: delivery.tx }, delivery.event.payload);
    } catch (error) {
      // The relation was deleted before the event arrived: its timeline went with it.
      if (isAppError(error) && ['organization_not_found', 'person_not_found'].includes(error.code)) return;
      throw error;
    }
  });
}
