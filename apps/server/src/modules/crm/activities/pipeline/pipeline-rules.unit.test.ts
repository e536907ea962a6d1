import { describe, expect, it } from 'vitest';
import { applyStage, placeAt } from './pipeline-rules.ts';

const NOW = new Date('2026-03-10T10:00:00Z');
const EARLIER = new Date('2026-02-01T09:00:00Z');
const open = { outcome: 'open' as const, closedAt: null, lostReason: null };
const won = { outcome: 'won' as const, closedAt: EARLIER, lostReason: null };
const lost = { outcome: 'lost' as const, closedAt: EARLIER, lostReason: 'Te duur' };

describe('a deal entering a stage', () => {
  it.each([
    [
      'new deal in an open stage',
      null,
      'open',
      undefined,
      { closedAt: null, lostReason: null, isProbabilityReset: false },
    ],
    ['open → won closes it now', open, 'won', undefined, { closedAt: NOW, lostReason: null, isProbabilityReset: true }],
    [
      'open → lost with a reason',
      open,
      'lost',
      'Geen budget',
      { closedAt: NOW, lostReason: 'Geen budget', isProbabilityReset: true },
    ],
    ['open → lost without a reason', open, 'lost', undefined, { error: 'lost_reason_required' }],
    ['open → lost with an empty reason', open, 'lost', null, { error: 'lost_reason_required' }],
    ['won → open reopens it', won, 'open', undefined, { closedAt: null, lostReason: null, isProbabilityReset: false }],
    [
      'lost → open drops the reason',
      lost,
      'open',
      undefined,
      { closedAt: null, lostReason: null, isProbabilityReset: false },
    ],
    [
      'won → another won stage keeps the date',
      won,
      'won',
      undefined,
      { closedAt: EARLIER, lostReason: null, isProbabilityReset: false },
    ],
    [
      'lost → lost keeps date and reason',
      lost,
      'lost',
      undefined,
      { closedAt: EARLIER, lostReason: 'Te duur', isProbabilityReset: false },
    ],
    [
      'lost: a new reason replaces the old one',
      lost,
      'lost',
      'Concurrent',
      { closedAt: EARLIER, lostReason: 'Concurrent', isProbabilityReset: false },
    ],
    ['lost: the reason cannot be cleared', lost, 'lost', null, { error: 'lost_reason_required' }],
    [
      'won → lost closes it again, now',
      won,
      'lost',
      'Afgezegd',
      { closedAt: NOW, lostReason: 'Afgezegd', isProbabilityReset: true },
    ],
    [
      'lost → won forgets the reason',
      lost,
      'won',
      undefined,
      { closedAt: NOW, lostReason: null, isProbabilityReset: true },
    ],
  ] as const)('%s', (_name, current, target, reason, expected) => {
    expect(applyStage(current, target, reason, NOW)).toEqual(expected);
  });
});

describe('placing a card in a column', () => {
  it.each([
    [['a', 'b', 'c'], 'c', 0, ['c', 'a', 'b']],
    [['a', 'b', 'c'], 'a', 2, ['b', 'c', 'a']],
    [['a', 'b', 'c'], 'a', 99, ['b', 'c', 'a']],
    [['a', 'b'], 'x', 1, ['a', 'x', 'b']],
    [[], 'x', 5, ['x']],
  ] as const)('%j: %s to %i', (ids, moved, index, expected) => {
    expect(placeAt(ids, moved, index)).toEqual(expected);
  });
});
