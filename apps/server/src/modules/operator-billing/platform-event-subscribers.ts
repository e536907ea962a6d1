import type { Kernel } from '../../kernel/kernel.ts';
import {
  type ContractAcceptedEvent,
  type DeactivationScheduledEvent,
  type OrderCancelledEvent,
  PLATFORM_EVENTS,
  type TenantCancelledEvent,
} from '../../kernel/orders/platform-billing-events.ts';
import type { Tx } from '../../kernel/db/database.ts';
import { PAYMENT_RECORDED, type PaymentRecordedEvent } from '../invoices/index.ts';
import { FINAL_NOTICE_SENT, type FinalNoticeSentEvent } from '../receivables/index.ts';
import { claimPlatformEvent } from './operator-billing.repository.ts';
import { applyContract } from './use-cases/apply-contract.ts';
import { endContractByCancellation, endContractByDeactivation } from './use-cases/end-contract.ts';
import { invoiceCancellationFee } from './use-cases/invoice-cancellation-fee.ts';
import { requestAccessReview } from './use-cases/review-tenant-access.ts';
import { systemContext } from './use-cases/system-context.ts';

/**
 * What the operator's billing does on the platform's events (written by the kernel into the
 * operator's tenant) and on its own tenant's payments and final notices. Each platform event is
 * applied once (its id claimed in the same transaction).
 */
export function registerPlatformEventSubscribers(kernel: Kernel): void {
  const deps = { storage: kernel.storage, jobs: kernel.jobs };
  const today = () => kernel.clock.today();

  function once<Payload>(
    type: string,
    name: string,
    apply: (tenantId: string, tx: Tx, payload: Payload) => Promise<void>,
  ) {
    kernel.jobs.subscribe<Payload>(type, name, async ({ tenantId, event, tx }) => {
      if (!(await claimPlatformEvent(tx, tenantId, event.id))) return;
      await apply(tenantId, tx, event.payload);
    });
  }

  once<ContractAcceptedEvent>(
    PLATFORM_EVENTS.contractAccepted,
    'operator-billing.apply-contract',
    (tenantId, tx, event) => applyContract(systemContext(tenantId, tx), event, today(), deps),
  );
  once<TenantCancelledEvent>(
    PLATFORM_EVENTS.tenantCancelled,
    'operator-billing.end-by-cancellation',
    (tenantId, tx, event) => endContractByCancellation(systemContext(tenantId, tx), event, today()),
  );
  once<DeactivationScheduledEvent>(
    PLATFORM_EVENTS.deactivationScheduled,
    'operator-billing.end-by-deactivation',
    (tenantId, tx, event) => endContractByDeactivation(systemContext(tenantId, tx), event, today(), deps),
  );
  once<OrderCancelledEvent>(
    PLATFORM_EVENTS.orderCancelled,
    'operator-billing.cancellation-fee',
    (tenantId, tx, event) => invoiceCancellationFee(systemContext(tenantId, tx), event, deps),
  );

  // Art. 13: a final notice or a payment may change whether a tenant keeps access.
  kernel.jobs.subscribe<FinalNoticeSentEvent>(
    FINAL_NOTICE_SENT,
    'operator-billing.final-notice',
    ({ tenantId, event, tx }) => requestAccessReview({ tenantId, tx }, event.payload.customer_id, kernel.jobs),
  );
  kernel.jobs.subscribe<PaymentRecordedEvent>(PAYMENT_RECORDED, 'operator-billing.payment', ({ tenantId, event, tx }) =>
    requestAccessReview({ tenantId, tx }, event.payload.customer_id, kernel.jobs),
  );
}
