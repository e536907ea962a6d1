import { operatorIdentity } from '@clientbox/contracts';
import type { Kernel } from '../kernel.ts';

/** The operator's identity from configuration: footers, the terms page and the helpdesk details. */
export function registerOperatorIdentityRoute(kernel: Kernel): void {
  kernel.route({
    method: 'GET',
    url: '/api/v1/public/operator',
    access: 'public',
    tags: ['Platform'],
    summary: 'Who runs this Clientbox: name, address, support e-mail, phone and helpdesk hours',
    response: { status: 200, schema: operatorIdentity },
    handler: async () => kernel.config.operator,
  });
}
