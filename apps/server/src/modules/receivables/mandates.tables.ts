import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, updatedAtColumn, versionColumn } from '../../kernel/db/columns.ts';
import { tenantIdColumn, users } from '../../kernel/db/schema.ts';

/**
 * SEPA direct-debit mandates (machtigingen, domain rule §5.2). A mandate is never deleted, so
 * its `mandate_id` is never given out again: ending one sets `revoked`. `pending` is an online
 * request the customer has not signed yet (it has a `public_token` and no account details);
 * `expired` (36 months without a collection) is computed from the dates, never stored.
 */
export const mandates = pgTable(
  'mandates',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    /** The creditor's reference for this mandate in every collection (`MndtId`, ≤ 35 SEPA characters). */
    mandateId: text('mandate_id').notNull(),
    /** The debtor: an organization or a person of the CRM (one of the two; cleared if the CRM record goes). */
    organizationId: uuid('organization_id'),
    personId: uuid('person_id'),
    scheme: text('scheme', { enum: ['CORE', 'B2B'] }).notNull(),
    type: text('type', { enum: ['recurrent', 'one_off'] })
      .notNull()
      .default('recurrent'),
    status: text('status', { enum: ['pending', 'active', 'revoked'] })
      .notNull()
      .default('active'),
    /** The legal date of signature (`DtOfSgntr`); null only while pending. */
    signedOn: date('signed_on', { mode: 'string' }),
    debtorName: text('debtor_name'),
    iban: text('iban'),
    bic: text('bic'),
    /**
     * The account of the last collection when the IBAN changed since: the next collection reports
     * the amendment (`AmdmntInd`, `OrgnlDbtrAcct` or `SMNDA`, §5.1) and then clears it.
     */
    originalIban: text('original_iban'),
    /** Where the debtor signed (the mandate form's "plaats"). */
    signedPlace: text('signed_place'),
    /** Online signing only: the moment, IP address and browser, as evidence of consent. */
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signedIp: text('signed_ip'),
    signedUserAgent: text('signed_user_agent'),
    /** The day of the latest collection; with `signed_on` it decides the 36-month expiry. */
    lastCollectionOn: date('last_collection_on', { mode: 'string' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    /** The customer's signing link `/m/{token}` (online requests only), unguessable and unique. */
    publicToken: text('public_token'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    // Per tenant, i.e. per creditor identifier; revoked mandates keep theirs.
    uniqueIndex('mandates_mandate_id_key').on(table.tenantId, table.mandateId),
    uniqueIndex('mandates_public_token_key').on(table.publicToken),
    index('mandates_created_idx').on(table.tenantId, table.createdAt, table.id),
    index('mandates_organization_idx').on(table.tenantId, table.organizationId),
    index('mandates_person_idx').on(table.tenantId, table.personId),
    check('mandates_one_debtor', sql`num_nonnulls(${table.organizationId}, ${table.personId}) <= 1`),
    check('mandates_b2b_organization', sql`${table.scheme} = 'CORE' OR ${table.personId} IS NULL`),
    check(
      'mandates_signed_complete',
      sql`${table.status} = 'pending' OR ${table.revokedAt} IS NOT NULL OR (${table.signedOn} IS NOT NULL AND ${table.debtorName} IS NOT NULL AND ${table.iban} IS NOT NULL)`,
    ),
    check('mandates_mandate_id_format', sql`${table.mandateId} ~ '^[A-Za-z0-9/?:().,''+-]{1,35}$'`),
  ],
);
