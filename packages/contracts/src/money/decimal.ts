/**
 * Exact decimal arithmetic on bigint: a value is an integer count of 10^-scale units. No JS
 * number ever holds money (domain rules §0: 2.675 → 2.68, where floating point gives 2.67).
 */
export class MoneyFormatError extends Error {
  readonly code: 'invalid_amount' | 'too_many_decimals';
  constructor(code: MoneyFormatError['code'], input: string) {
    super(`${code}: ${input}`);
    this.code = code;
  }
}

/** "12.3456" at scale 4 → 123456n. More decimals than the scale is an error, never a silent rounding. */
export function parseDecimal(input: string, scale: number): bigint {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?$/.exec(input.trim());
  if (!match) throw new MoneyFormatError('invalid_amount', input);
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > scale) throw new MoneyFormatError('too_many_decimals', input);
  const units = BigInt(whole + fraction.padEnd(scale, '0'));
  return sign === '-' ? -units : units;
}

/** 123456n at scale 4 → "12.3456". */
export function formatDecimal(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Divides and rounds half away from zero (the domain's roundHalfUp): −2.625 → −2.63. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (n * 2n + d) / (d * 2n);
  return negative ? -rounded : rounded;
}

export function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}
