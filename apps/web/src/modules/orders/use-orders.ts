import {
  type BillingPeriod,
  billingPeriod,
  type CancelContract,
  type ContractCancellation,
  type ModuleName,
  moduleName,
  type Order,
  type OrderOverview,
  parseAmount,
  type PlaceOrder,
  type PriceItem,
} from '@clientbox/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/api-client.ts';
import { accountKeys } from '../accounts/use-me.ts';

export const orderKeys = {
  prices: ['prices'] as const,
  overview: ['order_overview'] as const,
};

export interface PriceList {
  on: string;
  currency: 'EUR';
  excluding_vat: boolean;
  items: { item: PriceItem; monthly: string; valid_from: string }[];
}

/** Today's public price list, with the monthly cents per item that `priceOrder()` needs. */
export function usePriceList() {
  return useQuery({
    queryKey: orderKeys.prices,
    queryFn: () => api<PriceList>('GET', '/api/v1/public/prices'),
    select: (list) => ({
      ...list,
      monthlyCents: new Map(list.items.map((price) => [price.item, parseAmount(price.monthly)])),
    }),
    staleTime: 5 * 60_000,
  });
}

export function useOrderOverview(isEnabled: boolean) {
  return useQuery({
    queryKey: orderKeys.overview,
    queryFn: () => api<OrderOverview>('GET', '/api/v1/order'),
    enabled: isEnabled,
  });
}

/** An accepted order changes modules, seats and state at once: everything shown from `me` follows. */
export function usePlaceOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (order: PlaceOrder) => api<Order>('POST', '/api/v1/order', { body: order }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orderKeys.overview }),
        queryClient.invalidateQueries({ queryKey: accountKeys.me }),
        // Ordering accepts the terms in force (art. 3), so the acceptance banner goes away.
        queryClient.invalidateQueries({ queryKey: ['terms_status'] }),
      ]);
    },
  });
}

/** Art. 8: the owner cancels; the deactivation day shows on the order page and in `me`'s access. */
export function useCancelContract() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CancelContract) => api<ContractCancellation>('POST', '/api/v1/order/cancel', { body }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: orderKeys.overview }),
        queryClient.invalidateQueries({ queryKey: accountKeys.me }),
      ]);
    },
  });
}

/** The modules, users and billing period of an order as the forms edit them. */
export interface OrderChoiceValue {
  modules: ModuleName[];
  /** '' while the field is empty. */
  users: number | '';
  period: BillingPeriod;
}

export const DEFAULT_CHOICE: OrderChoiceValue = { modules: [], users: 1, period: 'month' };

/** Search params that carry a choice from the pricing page to the sign-up form. */
export interface OrderChoiceSearch {
  modules?: string;
  users?: number;
  period?: BillingPeriod;
}

export function parseOrderChoiceSearch(search: Record<string, unknown>): OrderChoiceSearch {
  const result: OrderChoiceSearch = {};
  if (typeof search.modules === 'string' && search.modules) result.modules = search.modules;
  const users = Number(search.users);
  if (Number.isInteger(users) && users >= 1 && users <= 10_000) result.users = users;
  const period = billingPeriod.safeParse(search.period);
  if (period.success) result.period = period.data;
  return result;
}

export function choiceFromSearch(search: OrderChoiceSearch): OrderChoiceValue {
  const modules = (search.modules ?? '')
    .split(',')
    .map((name) => moduleName.safeParse(name.trim()))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []));
  return {
    modules: [...new Set(modules)],
    users: search.users ?? DEFAULT_CHOICE.users,
    period: search.period ?? DEFAULT_CHOICE.period,
  };
}

export function searchFromChoice(choice: OrderChoiceValue): OrderChoiceSearch {
  return {
    ...(choice.modules.length ? { modules: choice.modules.join(',') } : {}),
    ...(choice.users !== '' ? { users: choice.users } : {}),
    period: choice.period,
  };
}
