import { sql } from 'drizzle-orm';
import { check, foreignKey, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { updatedAtColumn, versionColumn } from '../../kernel/db/columns.ts';
import { storedFiles, tenantIdColumn } from '../../kernel/db/schema.ts';

/** One row per tenant: the legal and contact details printed on every document. */
export const companyProfiles = pgTable(
  'company_profiles',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    legalName: text('legal_name').notNull(),
    tradingName: text('trading_name'),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    country: text('country').notNull().default('NL'),
    kvkNumber: text('kvk_number'),
    vatNumber: text('vat_number'),
    iban: text('iban'),
    bic: text('bic'),
    /** SEPA creditor identifier (incassant-ID, domain rule §5.3), validated by the contract. */
    sepaCreditorId: text('sepa_creditor_id'),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    logoFileId: uuid('logo_file_id'),
    /** Days to pay when neither the invoice nor the customer has its own term. */
    defaultPaymentTermDays: integer('default_payment_term_days').notNull().default(14),
    version: versionColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('company_profiles_tenant_key').on(table.tenantId),
    // The tenant is part of the key, so a logo can only be a file of the same tenant.
    foreignKey({
      name: 'company_profiles_logo_fk',
      columns: [table.tenantId, table.logoFileId],
      foreignColumns: [storedFiles.tenantId, storedFiles.id],
    }),
    check('company_profiles_default_payment_term_days_range', sql`${table.defaultPaymentTermDays} BETWEEN 0 AND 365`),
  ],
);
