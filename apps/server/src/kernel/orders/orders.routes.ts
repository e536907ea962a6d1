import {
  cancelContract as cancelContractBody,
  contractCancellation,
  order,
  orderOverview,
  placeOrder as placeOrderBody,
} from '@clientbox/contracts';
import { cancelContract } from './cancel-contract.ts';
import { sendCancellationMails } from './order-mails.ts';
import type { Kernel } from '../kernel.ts';
import { sendOrderMails } from './order-mails.ts';
import { toOrderDto } from './order-dto.ts';
import { getOrderOverview } from './order-overview.ts';
import { placeOrder } from './place-order.ts';
import { requireTenantRole } from './require-tenant-role.ts';

/** The tenant's order (terms art. 6, 10, 11): available in every state but deactivated. */
export function registerOrderRoutes(kernel: Kernel): void {
  kernel.route({
    method: 'GET',
    url: '/api/v1/order',
    access: 'tenant',
    minimumRole: 'admin',
    availableWhenLocked: 'order',
    tags: ['Orders'],
    summary: 'The contract (latest accepted order) with agreed prices, a pending order and announced price changes',
    response: { status: 200, schema: orderOverview },
    handler: ({ ctx }) => getOrderOverview(ctx.tx, ctx.tenantId),
  });

  kernel.route({
    method: 'POST',
    url: '/api/v1/order',
    access: 'user',
    tags: ['Orders'],
    summary: 'Place or change the order (owner): accepted at once, or pending when the operator reviews orders',
    body: placeOrderBody,
    response: { status: 201, schema: order },
    errors: [403, 409],
    handler: async ({ body, principal, request }) => {
      const { tenantId, userId } = requireTenantRole(principal, 'owner');
      const placed = await placeOrder(kernel.database, {
        tenantId,
        userId,
        actor: principal.actor,
        meta: { requestId: request.id, ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
        order: body,
      });
      kernel.tenantAccess.forget(tenantId);
      await sendOrderMails(kernel, placed);
      return toOrderDto(placed);
    },
  });

  kernel.route({
    method: 'POST',
    url: '/api/v1/order/cancel',
    access: 'user',
    tags: ['Orders'],
    summary:
      'Cancel the contract (owner, art. 8): the account is deactivated within five working days; export stays possible',
    body: cancelContractBody,
    response: { status: 200, schema: contractCancellation },
    errors: [403, 409],
    handler: async ({ body, principal, request }) => {
      const { tenantId } = requireTenantRole(principal, 'owner');
      const cancelled = await cancelContract(kernel.database, {
        tenantId,
        actor: principal.actor,
        meta: { requestId: request.id, ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
        ...(body.reason ? { reason: body.reason } : {}),
      });
      kernel.tenantAccess.forget(tenantId);
      await sendCancellationMails(kernel, tenantId, new Date(cancelled.deactivation_due_at), body.reason ?? null);
      return cancelled;
    },
  });
}
