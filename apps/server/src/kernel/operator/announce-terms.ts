import { sql } from 'drizzle-orm';
import type { Kernel } from '../kernel.ts';

/** Art. 3: a new terms version is announced by e-mail to the owner of every tenant still in use. */
export async function announceTermsVersion(
  kernel: Pick<Kernel, 'database' | 'sendMail' | 'config'>,
  version: { version: string; effective_from: string },
): Promise<number> {
  const owners = (
    (await kernel.database.owner.execute(sql`
      SELECT u.email, u.name, u.locale, t.name AS tenant_name
        FROM memberships m JOIN users u ON u.id = m.user_id JOIN tenants t ON t.id = m.tenant_id
       WHERE m.role = 'owner' AND t.state <> 'deactivated'`)) as unknown as {
      rows: { email: string; name: string; locale: string; tenant_name: string }[];
    }
  ).rows;
  for (const owner of owners) {
    await kernel.sendMail(owner.email, owner.locale === 'en' ? 'en' : 'nl', 'terms_update', {
      name: owner.name,
      tenant_name: owner.tenant_name,
      version: version.version,
      effective_from: version.effective_from,
      url: `${kernel.config.publicBaseUrl}/terms`,
    });
  }
  return owners.length;
}
