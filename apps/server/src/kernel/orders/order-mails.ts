import { formatMoney } from '@clientbox/contracts';
import type { Kernel } from '../kernel.ts';
import { translate } from '../i18n/index.ts';
import type { OrderRow } from './order-dto.ts';
import { formatDate } from '../operator/format-date.ts';
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

/**
 * Art. 8: confirms a cancellation to the owners — the day the account is deactivated and where
 * to export the data before that (the deactivation notice, with the cancellation as its reason).
 */
export async function sendCancellationMails(
  kernel: Pick<Kernel, 'database' | 'sendMail' | 'config'>,
  tenantId: string,
  dueAt: Date,
  reason: string | null,
) {
  for (const owner of await tenantOwners(kernel.database.owner, tenantId)) {
    await kernel.sendMail(owner.email, owner.locale, 'deactivation_notice', {
      name: owner.name,
      tenant_name: owner.tenantName,
      reason: translate(owner.locale, 'contract.cancelled_by_you', { reason: reason ?? '—' }),
      date: formatDate(dueAt, owner.locale),
      url: `${kernel.config.publicBaseUrl}/settings/export`,
    });
  }
}
