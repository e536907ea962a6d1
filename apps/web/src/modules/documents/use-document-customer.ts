import type { Organization, Person } from '@clientbox/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../shared/api/api-client.ts';
import type { PickedRelation } from '../crm/activities/relation-picker.tsx';

/** The customer of a quote or invoice: looked up in the CRM, shared by both modules' screens. */
export const documentCustomerKeys = {
  all: ['document-customers'] as const,
  /** An organization or person, with its name. */
  customer: (id: string) => [...documentCustomerKeys.all, 'customer', id] as const,
  /** Where the customer gets its quotes and invoices by e-mail. */
  recipient: (id: string) => [...documentCustomerKeys.all, 'recipient', id] as const,
};

/**
 * A document names its customer by id only: it is an organization or, failing that, a person
 * of the CRM. The editors and the list filters need which one (for the picker and for the link
 * to fix its address).
 */
export function useDocumentCustomer(id: string | null | undefined) {
  return useQuery({
    queryKey: documentCustomerKeys.customer(id ?? ''),
    enabled: Boolean(id),
    staleTime: 60_000,
    queryFn: async (): Promise<PickedRelation | null> => {
      try {
        const organization = await api<Organization>('GET', `/api/v1/organizations/${id}`);
        return { type: 'organization', id: organization.id, name: organization.name };
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404)) throw error;
      }
      try {
        const person = await api<Person>('GET', `/api/v1/persons/${id}`);
        return { type: 'person', id: person.id, name: person.name };
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/**
 * The address the server sends a document to when none is given, as the CRM has it: the
 * organization's invoice e-mail address, else its (or the person's) first e-mail address.
 */
export function useDocumentRecipient(customer: PickedRelation | null) {
  return useQuery({
    queryKey: documentCustomerKeys.recipient(customer?.id ?? ''),
    enabled: Boolean(customer),
    queryFn: async (): Promise<string | null> => {
      if (customer!.type === 'organization') {
        const organization = await api<Organization>('GET', `/api/v1/organizations/${customer!.id}`);
        return organization.invoice_email ?? organization.emails[0]?.address ?? null;
      }
      const person = await api<Person>('GET', `/api/v1/persons/${customer!.id}`);
      return person.emails[0]?.address ?? null;
    },
  });
}

/** The customer's page in the CRM. */
export function customerPath(customer: PickedRelation): string {
  return customer.type === 'organization' ? `/crm/organizations/${customer.id}` : `/crm/persons/${customer.id}`;
}

/** The page of the customer where its address and VAT number are changed. */
export function customerEditPath(customer: PickedRelation): string {
  return `${customerPath(customer)}/edit`;
}
