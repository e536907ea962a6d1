import { formatMoney } from '@clientbox/contracts';
import type { Kernel } from '../kernel.ts';
import { translate } from '../i18n/index.ts';
import type { OrderRow } from './order-dto.ts';
import { tenantOwners } from './tenant-owners.ts';

/** Tells the tenant's owners what happened to an order (art. 6): received, accepted or refused. */
export async function sendOrderMails(kernel: Pick<Kernel, 'database' | 'sendMail' | 'config'>, order: OrderRow) {
  const owners = await tenantOwners(kernel.database.owner, order.tenantId);
  const url = `${kernel.config.publicBaseUrl}/order`;
  for (const owner of owners) {
    const base = { name: owner.name, tenant_name: owner.tenantName };
    if (order.status === 'pending') await kernel.sendMail(owner.email, owner.locale, 'order_received', base);
    else if (order.status === 'refused')
      await kernel.sendMail(owner.email, owner.locale, 'order_refused', {
        ...base,
        reason: order.refusalReason ?? '',
        url,
      });
    else if (order.status === 'accepted') {
      const modules = order.modules.map((name) => translate(owner.locale, `module.${name}` as never)).join(', ');
      const summary = translate(owner.locale, 'order.summary', {
        modules,
        users: String(order.users),
        period: translate(owner.locale, `period.${order.period}`),
        monthly: formatMoney(order.monthlyCents, owner.locale),
      });
      await kernel.sendMail(owner.email, owner.locale, 'order_accepted', {
        ...base,
        summary,
        url: kernel.config.publicBaseUrl,
      });
    }
  }
}
