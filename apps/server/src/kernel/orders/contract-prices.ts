/**
 * Terms art. 11: a tenant keeps the monthly price agreed at its order until a price change
 * applies to it, and a change applies no earlier than one month after the tenant was told:
 * from max(valid_from, announced + 1 month). Pure, so the order screen, the operator console
 * and (later) the billing run read the same answer.
 */
export interface DatedPrice {
  id: string;
  item: string;
  monthlyCents: bigint;
  validFrom: string;
}

export interface AppliedPriceChange {
  item: string;
  monthlyCents: bigint;
  appliesFrom: string;
  announcedAt: Date;
}

export function addOneMonth(date: Date): string {
  const next = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()));
  // 31 January + 1 month is the last day of February, not 3 March.
  if (next.getUTCDate() !== date.getUTCDate()) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

/** Price changes announced to this tenant for the items of its contract, with the date each applies. */
export function announcedChanges(
  agreed: ReadonlyMap<string, bigint>,
  placedOn: string,
  prices: readonly DatedPrice[],
  noticeSentAt: ReadonlyMap<string, Date>,
): AppliedPriceChange[] {
  const changes: AppliedPriceChange[] = [];
  for (const price of prices) {
    const sentAt = noticeSentAt.get(price.id);
    if (!agreed.has(price.item) || price.validFrom <= placedOn || !sentAt) continue;
    const earliest = addOneMonth(sentAt);
    changes.push({
      item: price.item,
      monthlyCents: price.monthlyCents,
      appliesFrom: price.validFrom > earliest ? price.validFrom : earliest,
      announcedAt: sentAt,
    });
  }
  return changes.sort((a, b) => a.appliesFrom.localeCompare(b.appliesFrom));
}

/** The monthly price per item the tenant pays on `on` (YYYY-MM-DD). */
export function contractPricesOn(
  agreed: ReadonlyMap<string, bigint>,
  changes: readonly AppliedPriceChange[],
  on: string,
): Map<string, bigint> {
  const result = new Map(agreed);
  for (const change of changes) if (change.appliesFrom <= on) result.set(change.item, change.monthlyCents);
  return result;
}
