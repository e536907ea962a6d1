import { formatAmount, parseAmount } from '@clientbox/contracts';
import { describe, expect, it } from 'vitest';
import { allocatePayment, orderForAllocation } from './payment-allocation.ts';

const claim = { costs: parseAmount('145.20'), interest: parseAmount('36.30'), principal: parseAmount('1210.00') };
const formatted = (parts: { costs: bigint; interest: bigint; principal: bigint }) =>
  [parts.costs, parts.interest, parts.principal].map(formatAmount);

describe('allocatePayment: costs → interest → principal (art. 6:44 BW, §4.5)', () => {
  it.each([
    // payment, allocated [costs, interest, principal], open [costs, interest, principal], remainder
    ['1000.00', ['145.20', '36.30', '818.50'], ['0.00', '0.00', '391.50'], '0.00'],
    ['100.00', ['100.00', '0.00', '0.00'], ['45.20', '36.30', '1210.00'], '0.00'],
    ['160.00', ['145.20', '14.80', '0.00'], ['0.00', '21.50', '1210.00'], '0.00'],
    ['1391.50', ['145.20', '36.30', '1210.00'], ['0.00', '0.00', '0.00'], '0.00'],
    ['1500.00', ['145.20', '36.30', '1210.00'], ['0.00', '0.00', '0.00'], '108.50'],
    ['0.00', ['0.00', '0.00', '0.00'], ['145.20', '36.30', '1210.00'], '0.00'],
  ])('payment %s', (amount, allocated, open, remainder) => {
    const allocation = allocatePayment(claim, parseAmount(amount));
    expect(formatted(allocation.allocated)).toEqual(allocated);
    expect(formatted(allocation.open)).toEqual(open);
    expect(formatAmount(allocation.remainder)).toBe(remainder);
  });

  it('refuses a negative payment', () => {
    expect(() => allocatePayment(claim, -1n)).toThrow(RangeError);
  });
});

describe('orderForAllocation (art. 6:43 BW, §4.5)', () => {
  const invoices = [
    { number: '2026-00010', dueDate: '2026-03-16' },
    { number: '2026-00009', dueDate: '2026-03-16' },
    { number: '2026-00003', dueDate: '2026-04-01' },
    { number: '2025-00120', dueDate: '2026-01-15' },
  ];
  const numbers = (designated?: string | null) => orderForAllocation(invoices, designated).map((i) => i.number);

  it('takes the oldest due date first, then the lowest number', () => {
    expect(numbers()).toEqual(['2025-00120', '2026-00009', '2026-00010', '2026-00003']);
  });

  it('puts the invoice the debtor designates first', () => {
    expect(numbers('2026-00003')).toEqual(['2026-00003', '2025-00120', '2026-00009', '2026-00010']);
  });

  it('ignores a designation of an invoice that is not open and compares numbers by their digits', () => {
    expect(numbers('2024-00001')).toEqual(numbers(null));
    const unpadded = [
      { number: 'F-10', dueDate: '2026-03-16' },
      { number: 'F-9', dueDate: '2026-03-16' },
    ];
    expect(orderForAllocation(unpadded).map((i) => i.number)).toEqual(['F-9', 'F-10']);
  });
});
