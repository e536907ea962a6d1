import { describe, expect, it } from 'vitest';
import { normalizeDecimalCell, proposeMapping, rowToInput } from './import-columns.ts';

describe('CSV import columns', () => {
  it('proposes a mapping from Dutch and English headers, the API names first', () => {
    expect(proposeMapping(['Artikelcode', 'Omschrijving', 'Naam', 'Prijs (€)', 'BTW %', 'Eenheid', 'Extra'])).toEqual({
      code: 'Artikelcode',
      name: 'Naam',
      description: 'Omschrijving',
      unit_code: 'Eenheid',
      unit_price: 'Prijs (€)',
      purchase_price: null,
      vat_category: null,
      vat_rate: 'BTW %',
      vat_rate_class: null,
      revenue_account: null,
      category: null,
      recurring_period: null,
    });
    const exported = ['code', 'name', 'unit_price', 'vat_rate', 'archived'];
    expect(proposeMapping(exported)).toMatchObject({
      code: 'code',
      name: 'name',
      unit_price: 'unit_price',
      vat_rate: 'vat_rate',
    });
  });

  it.each([
    ['12,50', '12.50'],
    ['€ 1.234,5', '1234.5'],
    ['1,234.50', '1234.50'],
    ['21%', '21'],
    ['0.1250', '0.1250'],
    ['EUR 7', '7'],
  ])('reads the number %j as %s', (cell, expected) => {
    expect(normalizeDecimalCell(cell)).toBe(expected);
  });

  it('turns a row into a request body: units and periods by name, empty cells left out or cleared', () => {
    const headers = ['code', 'name', 'eenheid', 'prijs', 'periode', 'omschrijving'];
    const mapping = {
      code: 'code',
      name: 'name',
      unit_code: 'eenheid',
      unit_price: 'prijs',
      recurring_period: 'periode',
      description: 'omschrijving',
    };
    const cells = ['A-1', "'-korting", 'Uren', '€ 85,00', 'Maandelijks', ''];
    expect(rowToInput(cells, headers, mapping, 'create')).toEqual({
      code: 'A-1',
      name: '-korting',
      unit_code: 'HUR',
      unit_price: '85.00',
      recurring_period: 'month',
    });
    expect(rowToInput(cells, headers, mapping, 'update')).toMatchObject({ description: null });
    expect(rowToInput(['A-1', '', '', '', '', ''], headers, mapping, 'update')).toEqual({
      code: 'A-1',
      name: '',
      unit_price: '',
      recurring_period: null,
      description: null,
    });
  });
});
