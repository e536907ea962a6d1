import { z } from 'zod';
import { timestamp } from '../common/fields.ts';
import { task, timelineItem } from './activities.schemas.ts';
import { person } from './relations.schemas.ts';

/** GDPR art. 15/20: everything stored about one person (links and contact details are in `person`). */
export const personalData = z.object({
  object: z.literal('personal_data'),
  generated_at: timestamp,
  person,
  timeline_items: z.array(timelineItem),
  tasks: z.array(task),
});
export type PersonalData = z.infer<typeof personalData>;

/** What a person's name becomes when their data is erased (GDPR art. 17). */
export const ERASED_NAME = '[erased]';
