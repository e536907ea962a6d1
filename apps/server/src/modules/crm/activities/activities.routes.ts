import type { Kernel } from '../../../kernel/kernel.ts';
import { activityExporters } from './activities.export.ts';
import { registerPipelineRoutes } from './pipeline/pipeline.routes.ts';
import { registerTaskRoutes } from './tasks/tasks.routes.ts';
import { subscribeTimelineEvents } from './timeline/timeline.events.ts';
import { registerTimelineRoutes } from './timeline/timeline.routes.ts';

/**
 * Timeline (notes, contact moments, items other modules add), tasks and call-back requests,
 * deals and pipeline stages; with their exporters and the timeline event.
 */
export function registerActivityRoutes(kernel: Kernel): void {
  registerTimelineRoutes(kernel);
  registerTaskRoutes(kernel);
  registerPipelineRoutes(kernel);
  subscribeTimelineEvents(kernel);
  for (const exporter of activityExporters) kernel.exports.register(exporter);
}
