import { kernelThing } from '../../server/src/kernel/registry.ts';
export const page = kernelThing;
