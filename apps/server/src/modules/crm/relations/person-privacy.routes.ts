import { person, personalData, relationIdParams } from '@clientbox/contracts';
import type { Kernel } from '../../../kernel/kernel.ts';
import { erasePerson } from './use-cases/erase-person.ts';
import { getPersonalData } from './use-cases/get-personal-data.ts';

/** The data-subject tools of GDPR art. 15/20 (access, portability) and art. 17 (erasure), for admins. */
export function registerPersonPrivacyRoutes(kernel: Kernel): void {
  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    minimumRole: 'admin',
    tags: ['Persons'],
    method: 'GET',
    url: '/api/v1/persons/:id/personal-data',
    summary:
      'Everything stored about the person as JSON (GDPR art. 15/20): the person with links and contact details, timeline items and tasks. Audited.',
    params: relationIdParams,
    response: { status: 200, schema: personalData },
    errors: [403, 404],
    handler: async ({ ctx, params, reply }) => {
      const data = await getPersonalData(ctx, params.id);
      reply.header('cache-control', 'private, no-store');
      return data;
    },
  });

  kernel.route({
    access: 'tenant',
    entitlement: 'crm',
    minimumRole: 'admin',
    tags: ['Persons'],
    method: 'POST',
    url: '/api/v1/persons/:id/erase',
    summary:
      'Erase the person (GDPR art. 17): names become [erased], contact details and link e-mail/phone are removed, ' +
      'note bodies on their timeline replaced; the record stays for history. Idempotent.',
    params: relationIdParams,
    response: { status: 200, schema: person },
    errors: [403, 404],
    handler: ({ ctx, params }) => erasePerson(ctx, params.id),
  });
}
