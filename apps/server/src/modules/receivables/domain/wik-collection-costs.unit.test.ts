import { formatAmount, parseAmount } from '@clientbox/contracts';
import { describe, expect, it } from 'vitest';
import { wikCollectionCosts } from './wik-collection-costs.ts';

describe('wikCollectionCosts (domain rules §4.3)', () => {
  it.each([
    // Every column of the rulebook's table.
    ['100.00', '40.00'],
    ['1210.00', '181.50'],
    ['2500.00', '375.00'],
    ['3000.00', '425.00'],
    ['7500.00', '750.00'],
    ['10000.00', '875.00'],
    ['25000.00', '1025.00'],
    ['200000.00', '2775.00'],
    ['500000.00', '4275.00'],
    ['1000000.00', '6775.00'],
    ['2000000.00', '6775.00'],
    // Around the €40 floor and the bracket edges; the rounding happens once, half up.
    ['266.66', '40.00'],
    ['266.67', '40.00'],
    ['300.00', '45.00'],
    ['2500.01', '375.00'],
    ['6050.00', '677.50'],
    ['200000.10', '2775.00'],
    ['200000.01', '2775.00'],
    ['999999.99', '6775.00'],
  ])('principal %s → %s', (principal, expected) => {
    expect(formatAmount(wikCollectionCosts(parseAmount(principal)))).toBe(expected);
  });
});
