import { describe, expect, it } from 'vitest';
import { type Exporter, importOrder } from './export-registry.ts';

const exporter = (entity: string, importAfter?: string[]): Exporter => ({
  entity,
  export: async () => [],
  hasData: async () => false,
  import: async () => undefined,
  ...(importAfter ? { importAfter } : {}),
});

const entities = (list: Exporter[]) => importOrder(list).map((item) => item.entity);

describe('import order', () => {
  it('keeps the registration order when nothing asks otherwise', () => {
    expect(entities([exporter('company.profile'), exporter('crm.organizations')])).toEqual([
      'company.profile',
      'crm.organizations',
    ]);
  });

  it('puts an entity after the ones it names, also when those were registered later', () => {
    expect(
      entities([
        exporter('company.profile'),
        exporter('crm.deals', ['crm.deal_stages', 'crm.organizations']),
        exporter('crm.deal_stages'),
        exporter('crm.organizations'),
      ]),
    ).toEqual(['company.profile', 'crm.deal_stages', 'crm.organizations', 'crm.deals']);
  });

  it('ignores entities this installation does not have, and refuses a cycle', () => {
    expect(entities([exporter('crm.tasks', ['crm.unknown'])])).toEqual(['crm.tasks']);
    expect(() => entities([exporter('a.one', ['a.two']), exporter('a.two', ['a.one'])])).toThrow(/cycle/);
  });
});
