import { type Cents, divideHalfUp, PERCENT_SCALE, parseAmount, parseDecimal } from '@clientbox/contracts';

/**
 * The WIK scale (Besluit vergoeding voor buitengerechtelijke incassokosten, art. 2), domain rules
 * §4.3: a percentage per bracket of the principal, without interest. Reference data the operator
 * maintains; these are its starting rows. `up_to` null = the rest.
 */
export const WIK_SCALE = {
  brackets: [
    { up_to: '2500.00', percent: '15' },
    { up_to: '5000.00', percent: '10' },
    { up_to: '10000.00', percent: '5' },
    { up_to: '200000.00', percent: '1' },
    { up_to: null, percent: '0.5' },
  ],
  /** Art. 2 lid 1: never less than €40 (also the B2B floor of art. 6:96 lid 4 BW). */
  minimum: '40.00',
  maximum: '6775.00',
} as const;

const HUNDRED_PERCENT = parseDecimal('100', PERCENT_SCALE);

/**
 * The WIK collection costs on a principal: for consumers the mandatory maximum, for businesses the
 * default when no clause says otherwise (art. 6:96 BW). Several invoices in one letter: pass their
 * summed principal (verify). Rounded once, half up, after summing the brackets.
 */
export function wikCollectionCosts(principal: Cents): Cents {
  let exact = 0n;
  let lowerBound = 0n;
  for (const bracket of WIK_SCALE.brackets) {
    if (principal <= lowerBound) break;
    const upperBound = bracket.up_to === null ? principal : parseAmount(bracket.up_to);
    const portion = (principal < upperBound ? principal : upperBound) - lowerBound;
    exact += portion * parseDecimal(bracket.percent, PERCENT_SCALE);
    lowerBound = upperBound;
  }
  const costs = divideHalfUp(exact, HUNDRED_PERCENT);
  const minimum = parseAmount(WIK_SCALE.minimum);
  const maximum = parseAmount(WIK_SCALE.maximum);
  return costs < minimum ? minimum : costs > maximum ? maximum : costs;
}
