const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The sequence number inside a document number of `format`: "2026-00123" with "{YYYY}-{seq:05}"
 * → 123. Null when the number does not have that format (written under another one).
 */
export function sequenceInNumber(format: string, number: string): number | null {
  const pattern = format
    .split(/(\{YYYY\}|\{seq(?::\d+)?\})/)
    .map((part) => {
      if (part === '{YYYY}') return '\\d{4}';
      if (/^\{seq(?::\d+)?\}$/.test(part)) return '(\\d+)';
      return escapeRegExp(part);
    })
    .join('');
  const match = new RegExp(`^${pattern}$`).exec(number);
  return match ? Number(match[1]) : null;
}
