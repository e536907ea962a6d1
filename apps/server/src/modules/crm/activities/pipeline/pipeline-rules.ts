import type { DealOutcome } from '@clientbox/contracts';

/** The pipeline a new tenant starts with (Dutch names: data the tenant renames as it likes). */
export const DEFAULT_STAGES: readonly { name: string; probability: number; outcome: DealOutcome }[] = [
  { name: 'Nieuw', probability: 10, outcome: 'open' },
  { name: 'Gekwalificeerd', probability: 25, outcome: 'open' },
  { name: 'Offerte', probability: 50, outcome: 'open' },
  { name: 'Onderhandeling', probability: 75, outcome: 'open' },
  { name: 'Gewonnen', probability: 100, outcome: 'won' },
  { name: 'Verloren', probability: 0, outcome: 'lost' },
];

export interface DealClosing {
  closedAt: Date | null;
  lostReason: string | null;
}

export type StageChangeResult = (DealClosing & { isProbabilityReset: boolean }) | { error: 'lost_reason_required' };

/**
 * What a deal's closing fields become when it is put in a stage (also when it stays: a changed
 * lost reason). Entering a won or lost stage closes it now and drops its own probability (the
 * stage's 100 % or 0 % applies); leaving one reopens it. A lost deal always has a reason.
 * `lostReason`: undefined keeps the stored one, null clears it.
 */
export function applyStage(
  current: (DealClosing & { outcome: DealOutcome }) | null,
  target: DealOutcome,
  lostReason: string | null | undefined,
  now: Date,
): StageChangeResult {
  const isSameOutcome = current?.outcome === target;
  if (target === 'open') return { closedAt: null, lostReason: null, isProbabilityReset: false };
  const closedAt = isSameOutcome && current?.closedAt ? current.closedAt : now;
  if (target === 'won') return { closedAt, lostReason: null, isProbabilityReset: !isSameOutcome };
  const reason = lostReason === undefined ? (isSameOutcome ? (current?.lostReason ?? null) : null) : lostReason;
  if (!reason) return { error: 'lost_reason_required' };
  return { closedAt, lostReason: reason, isProbabilityReset: !isSameOutcome };
}

/** The ids of a list with `movedId` taken out and put back at `index` (past the end: last). */
export function placeAt(ids: readonly string[], movedId: string, index: number): string[] {
  const others = ids.filter((id) => id !== movedId);
  const at = Math.max(0, Math.min(index, others.length));
  return [...others.slice(0, at), movedId, ...others.slice(at)];
}
