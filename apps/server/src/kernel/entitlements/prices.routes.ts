import { formatAmount, priceOrder, priceQuoteQuery } from '@clientbox/contracts';
import { z } from 'zod';
import type { Kernel } from '../kernel.ts';
import { pricesOn } from './price-list.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** The public price list and the price of an order (terms art. 11), for the pricing page and the order form. */
export function registerPriceRoutes(kernel: Kernel): void {
  kernel.route({
    method: 'GET',
    url: '/api/v1/public/prices',
    access: 'public',
    tags: ['Prices'],
    summary: 'The price list in force (EUR per month, excluding VAT)',
    query: z.strictObject({ on: z.iso.date({ message: 'invalid_date' }).optional() }),
    response: { status: 200 },
    handler: async ({ query }) => {
      const on = query.on ?? today();
      const prices = await pricesOn(kernel.database.owner, on);
      return {
        on,
        currency: 'EUR',
        excluding_vat: true,
        items: [...prices].map(([item, price]) => ({
          item,
          monthly: formatAmount(price.monthlyCents),
          valid_from: price.validFrom,
        })),
      };
    },
  });

  kernel.route({
    method: 'GET',
    url: '/api/v1/public/prices/quote',
    access: 'public',
    tags: ['Prices'],
    summary: 'The price of an order: modules, users and billing period (month, quarter, year)',
    query: priceQuoteQuery,
    response: { status: 200 },
    handler: async ({ query }) => {
      const on = query.on ?? today();
      const prices = await pricesOn(kernel.database.owner, on);
      const monthly = new Map([...prices].map(([item, price]) => [item, price.monthlyCents]));
      return { on, ...priceOrder(monthly, { modules: query.modules, users: query.users, period: query.period }) };
    },
  });
}
