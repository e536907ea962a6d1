import type { Kernel } from '../../../kernel/kernel.ts';

/** Timeline (notes, contact moments), tasks and call-back requests, deals and pipeline stages. */
export function registerActivityRoutes(kernel: Kernel): void {
  void kernel;
}
