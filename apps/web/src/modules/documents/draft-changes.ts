/**
 * The fields of a draft's request body that differ from what it was read as (compared as JSON), for
 * a PATCH that sends only what changed: a list such as `lines` travels whole.
 */
export function changedFields(body: Record<string, unknown>, before: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(body).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify(before[field])),
  );
}
