import type { Kernel } from '../../../kernel/kernel.ts';

/** Organizations, persons, their contact details, search and phone lookup. */
export function registerRelationRoutes(kernel: Kernel): void {
  void kernel;
}
