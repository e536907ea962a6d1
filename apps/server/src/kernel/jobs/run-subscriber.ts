import type { Database } from '../db/database.ts';
import type { EventHandler, JobLogger, OutboxEvent } from './job-types.ts';

export interface SubscriberDefinition {
  type: string;
  name: string;
  handler: EventHandler<unknown>;
}

/** The pg-boss job data of one event delivery. */
export interface EventMessage {
  tenantId: string;
  event: OutboxEvent<unknown>;
}

/**
 * One delivery of an event to a subscriber, in the event's tenant transaction. A failure rolls the
 * subscriber's writes back and is thrown, so pg-boss tries again until its attempts are used up.
 */
export async function runSubscriber(
  deps: { database: Database; logger: JobLogger },
  subscriber: SubscriberDefinition,
  message: EventMessage,
  attempt: { retryCount: number; retries: number; signal: AbortSignal },
): Promise<void> {
  const { tenantId, event } = message;
  try {
    await deps.database.withTenant(tenantId, (tx) =>
      subscriber.handler({ tenantId, event, tx, signal: attempt.signal }),
    );
  } catch (error) {
    const isFinal = attempt.retryCount >= attempt.retries;
    const details = {
      subscriber: subscriber.name,
      type: event.type,
      eventId: event.id,
      tenantId,
      attempt: attempt.retryCount + 1,
      err: error,
    };
    if (isFinal) deps.logger.error(details, 'event subscriber failed for good');
    else deps.logger.warn(details, 'event subscriber failed; it will be retried');
    throw error;
  }
}
