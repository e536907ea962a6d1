import { describe, expect, it } from 'vitest';
import { importFieldOf, organizationRowToInput, proposeOrganizationMapping } from './organization-import-columns.ts';

describe('organization import columns', () => {
  it.each([
    [
      ['Naam', 'KvK-nummer', 'BTW-nummer', 'E-mail', 'Telefoon', 'Plaats', 'Klant'],
      ['name', 'kvk_number', 'vat_number', 'email', 'phone', 'city', 'is_customer'],
    ],
    [
      ['Company', 'VAT', 'e-mail', 'Phone', 'Postal code', 'Country', 'Supplier'],
      ['name', 'vat_number', 'email', 'phone', 'postal_code', 'country', 'is_supplier'],
    ],
  ])('maps %j', (headers, fields) => {
    const mapping = proposeOrganizationMapping(headers);
    expect(fields.map((field) => mapping[field as keyof typeof mapping])).toEqual(headers);
  });

  it('turns a row into the body of POST /organizations', () => {
    const headers = ['Naam', 'Telefoon', 'Plaats', 'Klant', 'Leverancier'];
    const mapping = proposeOrganizationMapping(headers);
    expect(organizationRowToInput(['Acme', '020 123 4567', 'Utrecht', 'ja', 'nee'], headers, mapping)).toEqual({
      name: 'Acme',
      is_customer: true,
      is_supplier: false,
      phones: [{ number: '020 123 4567' }],
      addresses: [{ type: 'visiting', city: 'Utrecht' }],
    });
    expect(organizationRowToInput(['Acme', '', '', 'misschien', ''], headers, mapping)).toEqual({
      name: 'Acme',
      is_customer: 'misschien',
    });
  });

  it('reports list fields as the file column', () => {
    expect(importFieldOf('phones.0.number')).toBe('phone');
    expect(importFieldOf('kvk_number')).toBe('kvk_number');
  });
});
