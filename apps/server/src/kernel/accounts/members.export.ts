import type { Exporter } from '../export/export-registry.ts';
import { listMembers } from './members.ts';

interface MemberRow extends Record<string, unknown> {
  name: string;
  email: string;
  role: string;
  member_since: string;
}

/**
 * Who worked in the account, with which role. Export only: users are people with their own login
 * who may belong to other accounts too; an import cannot recreate a login (and must not hand
 * someone access), so a new account invites its colleagues again.
 */
export const membersExporter: Exporter<MemberRow> = {
  entity: 'accounts.members',
  csv: true,
  columns: ['name', 'email', 'role', 'member_since'],
  export: async (ctx) =>
    (await listMembers(ctx)).map((member) => ({
      name: member.name,
      email: member.email,
      role: member.role,
      member_since: member.created_at,
    })),
};
