import { formatDecimal, parseQuantity, QUANTITY_SCALE } from '@clientbox/contracts';

export interface CreditRequest {
  lineIndex: number;
  quantity?: string | undefined;
}

export interface CreditableLine {
  kind: 'item' | 'text' | 'heading';
  quantity: string;
  /** Σ quantity already on credit notes (drafts included) for this line. */
  credited: string;
}

export type CreditIssue = { field: string; code: 'unknown_line' | 'not_creditable' | 'exceeds_uncredited' };

/**
 * The quantity to credit per invoice line: all that is still uncredited when none is asked,
 * never more (domain rules §1.3: partial credit is allowed, never more than still open per line).
 * Returns the quantities by line index, or the issues with their field paths.
 */
export function creditQuantities(
  lines: CreditableLine[],
  requests: CreditRequest[] | undefined,
): { quantities: Map<number, string>; issues: CreditIssue[] } {
  const quantities = new Map<number, string>();
  const issues: CreditIssue[] = [];
  const open = (line: CreditableLine) => parseQuantity(line.quantity) - parseQuantity(line.credited);
  const asked: CreditRequest[] =
    requests ?? lines.flatMap((line, lineIndex) => (line.kind === 'item' && open(line) > 0n ? [{ lineIndex }] : []));
  for (const [position, request] of asked.entries()) {
    const field = `lines.${position}`;
    const line = lines[request.lineIndex];
    if (!line) issues.push({ field: `${field}.line_index`, code: 'unknown_line' });
    else if (line.kind !== 'item') issues.push({ field: `${field}.line_index`, code: 'not_creditable' });
    else {
      const remaining = open(line) - parseQuantity(quantities.get(request.lineIndex) ?? '0');
      const wanted = request.quantity === undefined ? remaining : parseQuantity(request.quantity);
      if (wanted <= 0n || wanted > remaining) issues.push({ field: `${field}.quantity`, code: 'exceeds_uncredited' });
      else {
        const before = parseQuantity(quantities.get(request.lineIndex) ?? '0');
        quantities.set(request.lineIndex, trimmed(formatDecimal(before + wanted, QUANTITY_SCALE)));
      }
    }
  }
  if (asked.length === 0 && issues.length === 0) issues.push({ field: 'lines', code: 'exceeds_uncredited' });
  return { quantities, issues };
}

/** "2.5000" → "2.5", "3.0000" → "3": quantities as a person writes them. */
function trimmed(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/\.?0+$/, '') : decimal;
}
