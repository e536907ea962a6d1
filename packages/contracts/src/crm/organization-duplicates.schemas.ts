import { z } from 'zod';
import { uuid } from '../common/fields.ts';

const probe = z.string().trim().max(200, { message: 'too_long' }).optional();

/** What is being entered; every field is optional and matched leniently (no format errors). */
export const organizationDuplicatesQuery = z.strictObject({
  name: probe,
  kvk_number: probe,
  vat_number: probe,
  email: probe,
  phone: probe,
  /** The organization being edited, left out of the candidates. */
  exclude_id: uuid.optional(),
});
export type OrganizationDuplicatesQuery = z.infer<typeof organizationDuplicatesQuery>;

export const DUPLICATE_REASONS = ['kvk_number', 'vat_number', 'email', 'phone', 'similar_name'] as const;
export const duplicateReason = z.enum(DUPLICATE_REASONS);
export type DuplicateReason = z.infer<typeof duplicateReason>;

export const organizationDuplicate = z.object({
  id: z.uuid(),
  name: z.string(),
  kvk_number: z.string().nullable(),
  vat_number: z.string().nullable(),
  debtor_number: z.string().nullable(),
  reasons: z.array(duplicateReason),
  /** Trigram similarity of the names (0–1) when the name is a reason. */
  name_similarity: z.number().nullable(),
});
export type OrganizationDuplicate = z.infer<typeof organizationDuplicate>;

export const organizationDuplicates = z.object({
  object: z.literal('list'),
  data: z.array(organizationDuplicate),
  has_more: z.literal(false),
});
export type OrganizationDuplicates = z.infer<typeof organizationDuplicates>;

/** Merge `duplicate_id` into the organization of the path; the duplicate is deleted. */
export const mergeOrganization = z.strictObject({ duplicate_id: uuid });
export type MergeOrganization = z.infer<typeof mergeOrganization>;
