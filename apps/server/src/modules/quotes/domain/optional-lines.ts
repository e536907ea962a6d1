export interface SelectableLine {
  kind: 'item' | 'text' | 'heading';
  isOptional: boolean;
}

/**
 * Whether a line counts for nothing in the total: an optional line the customer has not ticked.
 * Before the customer answers nothing is ticked, so a quote's total is without its options.
 */
export function isExcluded(line: SelectableLine, index: number, selected: readonly number[] | null): boolean {
  return line.isOptional && !(selected ?? []).includes(index);
}

/**
 * The problems with the optional lines a customer ticked (indexes in the quote's lines), per
 * position in their list: an index past the last line, a line that is not optional, a repeat.
 */
export function selectionIssues(
  lines: readonly SelectableLine[],
  selected: readonly number[],
): { position: number; code: 'unknown_line' | 'not_an_optional_line' | 'duplicate_line' }[] {
  const issues: { position: number; code: 'unknown_line' | 'not_an_optional_line' | 'duplicate_line' }[] = [];
  selected.forEach((index, position) => {
    const line = lines[index];
    if (!line) issues.push({ position, code: 'unknown_line' });
    else if (!line.isOptional || line.kind !== 'item') issues.push({ position, code: 'not_an_optional_line' });
    else if (selected.indexOf(index) !== position) issues.push({ position, code: 'duplicate_line' });
  });
  return issues;
}
