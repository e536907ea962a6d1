import { z } from 'zod';
import { organizationListQuery, personListQuery } from './relations.schemas.ts';

const format = z.enum(['csv', 'xlsx'], { message: 'invalid_export_format' }).default('csv');

/** The list's filters and sort, without paging: the whole (filtered) list as a file. */
export const organizationExportQuery = organizationListQuery
  .omit({ limit: true, starting_after: true })
  .extend({ format });
export type OrganizationExportQuery = z.infer<typeof organizationExportQuery>;

export const personExportQuery = personListQuery.omit({ limit: true, starting_after: true }).extend({ format });
export type PersonExportQuery = z.infer<typeof personExportQuery>;
