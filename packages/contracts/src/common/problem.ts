import { z } from 'zod';

/** RFC 9457 problem details, as every error of the API is answered. */
export const fieldError = z.object({
  field: z.string(),
  code: z.string(),
  message: z.string(),
  /** Values the message names, for a client that words it itself (e.g. `date`: the earliest allowed day). */
  params: z.record(z.string(), z.string()).optional(),
});

export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  request_id: z.string().optional(),
  errors: z.array(fieldError).optional(),
});
export type Problem = z.infer<typeof problem>;
export type FieldError = z.infer<typeof fieldError>;

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ object: z.literal('list'), data: z.array(item), has_more: z.boolean() });
}

export const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  starting_after: z.string().optional(),
});
