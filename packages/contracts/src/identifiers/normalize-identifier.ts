/** Domain rule §6: trim, drop spaces, dots and dashes, upper-case — before any check. */
export function normalizeIdentifier(input: string): string {
  return input.replace(/[\s.-]/g, '').toUpperCase();
}

/** Letters to numbers (A=10 … Z=35) and mod 97 over the resulting digit string, chunked to stay in safe integers. */
export function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const char of alphanumeric) {
    const code = char.charCodeAt(0);
    const digits = code >= 65 && code <= 90 ? String(code - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}
