import type { Exporter } from '../../../kernel/export/export-registry.ts';
import { dealsExporter, dealStagesExporter } from './pipeline/pipeline.export.ts';
import { tasksExporter } from './tasks/tasks.export.ts';
import { timelineItemsExporter } from './timeline/timeline.export.ts';

/** What the activities add to the export archive (terms art. 17); stages before the deals in them. */
export const activityExporters: Exporter[] = [
  dealStagesExporter as Exporter,
  dealsExporter as Exporter,
  tasksExporter as Exporter,
  timelineItemsExporter as Exporter,
];
