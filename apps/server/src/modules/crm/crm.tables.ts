import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAtColumn, updatedAtColumn, versionColumn } from '../../kernel/db/columns.ts';
import { tenantIdColumn, users } from '../../kernel/db/schema.ts';

/**
 * An organization: lead, customer (debtor), supplier (creditor) or several at once. Contact
 * details live in the typed child tables; `search_text` is what the one search box matches.
 */
export const organizations = pgTable(
  'crm_organizations',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    tradingName: text('trading_name'),
    kvkNumber: text('kvk_number'),
    vatNumber: text('vat_number'),
    iban: text('iban'),
    bic: text('bic'),
    isLead: boolean('is_lead').notNull().default(false),
    isCustomer: boolean('is_customer').notNull().default(false),
    isSupplier: boolean('is_supplier').notNull().default(false),
    /** Numbers are given once, when the organization first becomes a customer or supplier. */
    debtorNumber: text('debtor_number'),
    creditorNumber: text('creditor_number'),
    /** Null: the tenant's default payment term applies. */
    paymentTermDays: integer('payment_term_days'),
    documentLocale: text('document_locale', { enum: ['nl', 'en'] })
      .notNull()
      .default('nl'),
    invoiceEmail: text('invoice_email'),
    website: text('website'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Lower-cased name, trading name, e-mails, numbers: matched by the search box (trigram index). */
    searchText: text('search_text').notNull().default(''),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('crm_organizations_debtor_key').on(table.tenantId, table.debtorNumber),
    uniqueIndex('crm_organizations_creditor_key').on(table.tenantId, table.creditorNumber),
    index('crm_organizations_name_idx').on(table.tenantId, table.name, table.id),
    index('crm_organizations_kvk_idx').on(table.tenantId, table.kvkNumber),
    index('crm_organizations_vat_idx').on(table.tenantId, table.vatNumber),
    index('crm_organizations_search_idx').using('gin', table.tenantId, sql`${table.searchText} gin_trgm_ops`),
  ],
);

/** A person; linked to any number of organizations, each link with its own role, e-mail and phone. */
export const persons = pgTable(
  'crm_persons',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull(),
    documentLocale: text('document_locale', { enum: ['nl', 'en'] })
      .notNull()
      .default('nl'),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    searchText: text('search_text').notNull().default(''),
    /** Set when the person's data was erased on request (GDPR art. 17); the row stays for history. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('crm_persons_name_idx').on(table.tenantId, table.lastName, table.firstName, table.id),
    index('crm_persons_search_idx').using('gin', table.tenantId, sql`${table.searchText} gin_trgm_ops`),
  ],
);

export const personOrganizationLinks = pgTable(
  'crm_person_organization_links',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    organizationId: uuid('organization_id').notNull(),
    role: text('role'),
    email: text('email'),
    phone: text('phone'),
    phoneE164: text('phone_e164'),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    uniqueIndex('crm_links_person_organization_key').on(table.tenantId, table.personId, table.organizationId),
    index('crm_links_organization_idx').on(table.tenantId, table.organizationId),
    index('crm_links_phone_idx').on(table.tenantId, table.phoneE164),
    foreignKey({
      name: 'crm_links_person_fk',
      columns: [table.tenantId, table.personId],
      foreignColumns: [persons.tenantId, persons.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'crm_links_organization_fk',
      columns: [table.tenantId, table.organizationId],
      foreignColumns: [organizations.tenantId, organizations.id],
    }).onDelete('cascade'),
  ],
);

/** Contact details belong to exactly one organization or one person. */
const ownedByOne = (name: string) => check(name, sql`(organization_id IS NULL) <> (person_id IS NULL)`);

const ownerColumns = () => ({
  tenantId: tenantIdColumn(),
  id: uuid('id').notNull().defaultRandom(),
  organizationId: uuid('organization_id'),
  personId: uuid('person_id'),
  position: integer('position').notNull().default(0),
});

export const relationEmails = pgTable(
  'crm_emails',
  { ...ownerColumns(), address: text('address').notNull(), label: text('label') },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    ownedByOne('crm_emails_owner_check'),
    index('crm_emails_organization_idx').on(table.tenantId, table.organizationId),
    index('crm_emails_person_idx').on(table.tenantId, table.personId),
    index('crm_emails_address_idx').on(table.tenantId, table.address),
    foreignKey({
      name: 'crm_emails_organization_fk',
      columns: [table.tenantId, table.organizationId],
      foreignColumns: [organizations.tenantId, organizations.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'crm_emails_person_fk',
      columns: [table.tenantId, table.personId],
      foreignColumns: [persons.tenantId, persons.id],
    }).onDelete('cascade'),
  ],
);

/** Numbers as typed, and as E.164 (default region NL) in an indexed column: VoIP looks callers up by it. */
export const relationPhones = pgTable(
  'crm_phones',
  { ...ownerColumns(), number: text('number').notNull(), e164: text('e164').notNull(), label: text('label') },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    ownedByOne('crm_phones_owner_check'),
    index('crm_phones_organization_idx').on(table.tenantId, table.organizationId),
    index('crm_phones_person_idx').on(table.tenantId, table.personId),
    index('crm_phones_e164_idx').on(table.tenantId, table.e164),
    foreignKey({
      name: 'crm_phones_organization_fk',
      columns: [table.tenantId, table.organizationId],
      foreignColumns: [organizations.tenantId, organizations.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'crm_phones_person_fk',
      columns: [table.tenantId, table.personId],
      foreignColumns: [persons.tenantId, persons.id],
    }).onDelete('cascade'),
  ],
);

export const relationAddresses = pgTable(
  'crm_addresses',
  {
    ...ownerColumns(),
    type: text('type', { enum: ['visiting', 'postal', 'invoice', 'delivery'] }).notNull(),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    country: text('country').notNull().default('NL'),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    ownedByOne('crm_addresses_owner_check'),
    index('crm_addresses_organization_idx').on(table.tenantId, table.organizationId),
    index('crm_addresses_person_idx').on(table.tenantId, table.personId),
    foreignKey({
      name: 'crm_addresses_organization_fk',
      columns: [table.tenantId, table.organizationId],
      foreignColumns: [organizations.tenantId, organizations.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'crm_addresses_person_fk',
      columns: [table.tenantId, table.personId],
      foreignColumns: [persons.tenantId, persons.id],
    }).onDelete('cascade'),
  ],
);

/**
 * The timeline of a relation: notes and contact moments written here, and items other modules
 * add through events (quotes, invoices, tickets, calls) with their source.
 */
export const timelineItems = pgTable(
  'crm_timeline_items',
  {
    ...ownerColumns(),
    kind: text('kind').notNull(),
    body: text('body').notNull().default(''),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name'),
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    ownedByOne('crm_timeline_owner_check'),
    index('crm_timeline_organization_idx').on(table.tenantId, table.organizationId, table.occurredAt),
    index('crm_timeline_person_idx').on(table.tenantId, table.personId, table.occurredAt),
    uniqueIndex('crm_timeline_source_key').on(table.tenantId, table.sourceType, table.sourceId, table.kind),
    foreignKey({
      name: 'crm_timeline_organization_fk',
      columns: [table.tenantId, table.organizationId],
      foreignColumns: [organizations.tenantId, organizations.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'crm_timeline_person_fk',
      columns: [table.tenantId, table.personId],
      foreignColumns: [persons.tenantId, persons.id],
    }).onDelete('cascade'),
  ],
);

/** Tasks and call-back requests, assigned to a colleague with a due date ("my tasks"). */
export const tasks = pgTable(
  'crm_tasks',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: ['task', 'callback'] })
      .notNull()
      .default('task'),
    title: text('title').notNull(),
    description: text('description'),
    dueOn: date('due_on', { mode: 'string' }),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id, { onDelete: 'set null' }),
    organizationId: uuid('organization_id'),
    personId: uuid('person_id'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdByName: text('created_by_name'),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('crm_tasks_assignee_idx').on(table.tenantId, table.assigneeUserId, table.doneAt, table.dueOn),
    index('crm_tasks_organization_idx').on(table.tenantId, table.organizationId),
    index('crm_tasks_person_idx').on(table.tenantId, table.personId),
    foreignKey({
      name: 'crm_tasks_organization_fk',
      columns: [table.tenantId, table.organizationId],
      foreignColumns: [organizations.tenantId, organizations.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'crm_tasks_person_fk',
      columns: [table.tenantId, table.personId],
      foreignColumns: [persons.tenantId, persons.id],
    }).onDelete('cascade'),
  ],
);

/** The tenant's pipeline stages, in order; exactly the won and lost stages close a deal. */
export const dealStages = pgTable(
  'crm_deal_stages',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    probability: integer('probability').notNull().default(0),
    outcome: text('outcome', { enum: ['open', 'won', 'lost'] })
      .notNull()
      .default('open'),
    createdAt: createdAtColumn(),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.id] })],
);

export const deals = pgTable(
  'crm_deals',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    organizationId: uuid('organization_id'),
    personId: uuid('person_id'),
    stageId: uuid('stage_id').notNull(),
    valueCents: bigint('value_cents', { mode: 'bigint' })
      .notNull()
      .default(sql`0`),
    currency: text('currency').notNull().default('EUR'),
    expectedCloseOn: date('expected_close_on', { mode: 'string' }),
    probability: integer('probability'),
    lostReason: text('lost_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Order within its board column. */
    position: integer('position').notNull().default(0),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    version: versionColumn(),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('crm_deals_stage_idx').on(table.tenantId, table.stageId, table.position),
    index('crm_deals_closed_idx').on(table.tenantId, table.closedAt),
    foreignKey({
      name: 'crm_deals_stage_fk',
      columns: [table.tenantId, table.stageId],
      foreignColumns: [dealStages.tenantId, dealStages.id],
    }),
    // No cascade: deleting a relation keeps its deals (the use case detaches them first).
    foreignKey({
      name: 'crm_deals_organization_fk',
      columns: [table.tenantId, table.organizationId],
      foreignColumns: [organizations.tenantId, organizations.id],
    }),
    foreignKey({
      name: 'crm_deals_person_fk',
      columns: [table.tenantId, table.personId],
      foreignColumns: [persons.tenantId, persons.id],
    }),
  ],
);

/** A user's saved list view (filters, sort, columns) per list. */
export const savedViews = pgTable(
  'crm_saved_views',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    list: text('list').notNull(),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAtColumn(),
  },
  (table) => [
    primaryKey({ columns: [table.tenantId, table.id] }),
    index('crm_saved_views_user_idx').on(table.tenantId, table.userId, table.list),
  ],
);

/** Per tenant sequence state for debtor and creditor numbers (gapless is not required, unique is). */
export const relationNumberSeries = pgTable(
  'crm_number_series',
  {
    tenantId: tenantIdColumn(),
    series: text('series', { enum: ['debtor', 'creditor'] }).notNull(),
    next: integer('next').notNull().default(1),
  },
  (table) => [primaryKey({ columns: [table.tenantId, table.series] })],
);
