import { helper } from '../../kernel/helper.ts';
import { own } from './own.ts';
import { gamma } from '../gamma/index.ts';
import { gammaSecret } from '../gamma/secret.ts';
import { beta } from '../beta/index.ts';
import { betaInternal } from '../beta/internal.ts';
export const all = [helper, own, gamma, gammaSecret, beta, betaInternal];
