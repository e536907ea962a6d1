import { describe, expect, it } from 'vitest';
import { orderModules } from './index.ts';

const m = (name: string, dependsOn: string[] = []) => ({ name, dependsOn });
const names = (list: { name: string }[]) => list.map((item) => item.name);

describe('orderModules', () => {
  it('starts dependencies first and keeps the given order otherwise', () => {
    expect(
      names(orderModules([m('invoices', ['crm', 'products']), m('crm'), m('products', ['crm']), m('tickets')])),
    ).toEqual(['crm', 'products', 'invoices', 'tickets']);
  });
  it.each([
    [[m('a', ['b']), m('b', ['c']), m('c', ['a'])], 'module_cycle', /a → b → c → a/],
    [[m('a', ['a'])], 'module_cycle', /a → a/],
    [[m('a', ['ghost'])], 'module_missing_dependency', /ghost/],
    [[m('a'), m('a')], 'module_duplicate', /twice/],
  ])('refuses a broken graph (%#)', (manifests, code, message) => {
    expect(() => orderModules(manifests)).toThrow(message);
    try {
      orderModules(manifests);
    } catch (error) {
      expect((error as { code: string }).code).toBe(code);
    }
  });
});
