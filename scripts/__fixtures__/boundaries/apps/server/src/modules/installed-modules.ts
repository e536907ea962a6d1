import { alphaModule } from './alpha/module.ts';
import { betaModule } from './beta/module.ts';
export const installed = [alphaModule, betaModule];
