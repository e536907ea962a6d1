export { divideHalfUp, formatDecimal, MoneyFormatError, parseDecimal } from './decimal.ts';
export * from './money.ts';
