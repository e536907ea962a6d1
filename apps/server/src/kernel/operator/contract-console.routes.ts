import { cancelPendingOrder as cancelPendingOrderBody, order, registerCancellation } from '@clientbox/contracts';
import { z } from 'zod';
import type { Kernel } from '../kernel.ts';
import { cancelContract } from '../orders/cancel-contract.ts';
import { cancelPendingOrder } from '../orders/cancel-pending-order.ts';
import { sendCancellationMails } from '../orders/order-mails.ts';
import { toOrderDto } from '../orders/order-dto.ts';
import type { OperatorSessions } from './operator-sessions.ts';
import { requireOperator } from './require-operator.ts';

const tags = ['Operator console'];

/** The console's side of ending a contract: a cancellation received by e-mail (art. 8), an undelivered order cancelled (art. 14). */
export function registerContractConsoleRoutes(kernel: Kernel, sessions: OperatorSessions): void {
  const meta = (request: { id: string; ip: string; headers: Record<string, unknown> }) => ({
    requestId: request.id,
    ip: request.ip,
    userAgent: (request.headers['user-agent'] as string | undefined) ?? null,
  });

  kernel.route({
    method: 'POST',
    url: '/api/v1/operator/tenants/:id/cancellation',
    access: 'public',
    tags,
    summary:
      "Register a tenant's cancellation received by e-mail (art. 8): deactivation within five working days of receipt",
    params: z.strictObject({ id: z.uuid({ message: 'invalid_id' }) }),
    body: registerCancellation,
    response: { status: 200 },
    errors: [409],
    handler: async ({ request, params, body }) => {
      const operator = await requireOperator(sessions, request, 'admin');
      const cancelled = await cancelContract(kernel.database, {
        tenantId: params.id,
        actor: { type: 'operator', id: operator.id, name: operator.name },
        meta: meta(request),
        ...(body.received_on ? { receivedOn: body.received_on } : {}),
        ...(body.reason ? { reason: body.reason } : {}),
      });
      kernel.tenantAccess.forget(params.id);
      await sendCancellationMails(kernel, params.id, new Date(cancelled.deactivation_due_at), body.reason ?? null);
      return cancelled;
    },
  });

  kernel.route({
    method: 'POST',
    url: '/api/v1/operator/orders/:tenantId/:orderId/cancel',
    access: 'public',
    tags,
    summary: 'Cancel an order before delivery (art. 14): it is withdrawn and 10% of its price is invoiced',
    params: z.strictObject({ tenantId: z.uuid({ message: 'invalid_id' }), orderId: z.uuid({ message: 'invalid_id' }) }),
    body: cancelPendingOrderBody,
    response: { status: 200, schema: order },
    errors: [409],
    handler: async ({ request, params, body }) => {
      const operator = await requireOperator(sessions, request, 'admin');
      const cancelled = await cancelPendingOrder(kernel.database, {
        tenantId: params.tenantId,
        orderId: params.orderId,
        actor: { type: 'operator', id: operator.id, name: operator.name },
        meta: meta(request),
        ...(body.reason ? { reason: body.reason } : {}),
      });
      return toOrderDto(cancelled);
    },
  });
}
