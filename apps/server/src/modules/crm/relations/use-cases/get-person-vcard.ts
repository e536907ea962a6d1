import type { TenantContext } from '../../../../kernel/tenancy/tenant-context.ts';
import { toVCard } from '../domain/vcard.ts';
import { getPerson } from './get-person.ts';

/** The person as a vCard 4.0: their own e-mails and phones, then those of their links. */
export async function getPersonVCard(ctx: TenantContext, id: string): Promise<{ fileName: string; text: string }> {
  const person = await getPerson(ctx, id);
  const emails = [
    ...person.emails.map((email) => ({ address: email.address, label: email.label })),
    ...person.organizations.flatMap((link) =>
      link.email ? [{ address: link.email, label: link.organization_name }] : [],
    ),
  ];
  const phones = [
    ...person.phones.map((phone) => ({ e164: phone.e164, label: phone.label })),
    ...person.organizations.flatMap((link) =>
      link.phone_e164 ? [{ e164: link.phone_e164, label: link.organization_name }] : [],
    ),
  ];
  const unique = <T>(items: T[], key: (item: T) => string) =>
    items.filter((item, index) => items.findIndex((other) => key(other) === key(item)) === index);
  const text = toVCard({
    firstName: person.first_name,
    lastName: person.last_name,
    organizations: person.organizations.map((link) => ({ name: link.organization_name, role: link.role })),
    emails: unique(emails, (email) => email.address),
    phones: unique(phones, (phone) => phone.e164),
  });
  const slug =
    person.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'person';
  return { fileName: `${slug}.vcf`, text };
}
