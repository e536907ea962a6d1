import { useNavigate, useSearch } from '@tanstack/react-router';
import { DOCUMENT_LIST_PATH, type DocumentKind } from './document-kind.ts';

export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** A day as the URL carries it: YYYY-MM-DD. */
export const isIsoDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The filters every document list has: a status of the kind and a customer. */
export interface DocumentListFilters<Status extends string> {
  status?: Status;
  customer_id?: string;
}

/** The status and customer filters from the URL (`?status=sent&customer_id=…`); anything else is left out. */
export function parseDocumentListSearch<Status extends string>(
  search: Record<string, unknown>,
  statuses: readonly Status[],
): DocumentListFilters<Status> {
  const filters: DocumentListFilters<Status> = {};
  if (statuses.includes(search.status as Status)) filters.status = search.status as Status;
  if (isUuid(search.customer_id)) filters.customer_id = search.customer_id;
  return filters;
}

/**
 * The filters of a document list as they stand in its URL, and the change of one of them: an
 * emptied filter leaves the URL, and the change replaces the history entry (no "back" per keystroke).
 */
export function useDocumentListSearch<Filters extends object>(kind: DocumentKind) {
  const navigate = useNavigate();
  // The list route's `validateSearch` has parsed them (`parseQuoteSearch`, `parseInvoiceSearch`).
  const search: object = useSearch({ strict: false });
  const filters = search as Filters;
  const setFilters = (changes: Partial<Filters>) =>
    void navigate({
      to: DOCUMENT_LIST_PATH[kind],
      search: Object.fromEntries(
        Object.entries({ ...filters, ...changes }).filter(([, value]) => value !== undefined && value !== ''),
      ),
      replace: true,
    });
  return { filters, setFilters };
}
