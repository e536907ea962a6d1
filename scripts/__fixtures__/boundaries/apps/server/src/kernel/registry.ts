import { beta } from '../modules/beta/index.ts';
export const kernelThing = beta;
