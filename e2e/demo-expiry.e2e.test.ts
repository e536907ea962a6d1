import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { AppProcess } from './support/app-process.ts';
import { setUpJourney } from './support/journey-setup.ts';
import { LABELS } from './support/labels.ts';
import { openPage } from './support/open-page.ts';
import { signUpOwner } from './support/owner-sign-up.ts';
import { callApi } from './support/page-api.ts';
import { downloadBytes } from './support/downloads.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const L = LABELS.nl;

function adminCli(app: AppProcess, args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'admin', '--', ...args], {
    cwd: root,
    env: app.env,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`admin ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

describe(`browser journey: the demo ends → only ordering and export (terms art. 10, 17) (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();

  it('after the 14 days the owner can only order or export; an order opens the app again', async () => {
    const run = `expiry${Date.now()}`;
    const { context, page, errors } = await openPage(journey, { acceptDownloads: true });

    await signUpOwner(page, journey.smtp, {
      company: `Verlopen ${run} BV`,
      name: 'Eva Eigenaar',
      email: `owner-${run}@journey.test`,
    });
    const tenantId = (await callApi<{ tenant: { id: string } }>(page, 'GET', '/api/v1/me')).tenant.id;

    // The demo's end comes: the CLI stores it as now, as the sweep would.
    adminCli(journey.app, ['tenant', 'expire-demo', tenantId, '--json']);
    // On PostgreSQL the CLI writes directly; the server sees it within its 5-second access cache.
    await expect
      .poll(
        async () => {
          await page.goto('/');
          return page
            .getByTestId('locked-notice')
            .waitFor({ timeout: 3_000 })
            .then(
              () => true,
              () => false,
            );
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(true);
    expect(await page.locator('[data-testid^="nav-module-"]').count()).toBe(0);
    const nav = page.getByRole('navigation');
    expect(await nav.getByRole('link', { name: 'Bedrijfsgegevens' }).count()).toBe(0);
    expect(await page.getByTestId('nav-order').isVisible()).toBe(true);

    // Not just hidden: the server refuses reads and writes of the data.
    const refused = await page.evaluate(async () => {
      const read = await fetch('/api/v1/company');
      const write = await fetch('/api/v1/company', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ city: 'Nergens' }),
      });
      return [read.status, (await read.json()).code, write.status];
    });
    expect(refused).toEqual([403, 'tenant_expired', 403]);
    await page.goto('/settings/company');
    await expect.poll(() => page.getByTestId('locked-notice').isVisible()).toBe(true);

    // Export works: one archive with a manifest and the company profile.
    await page.getByTestId('locked-export').click();
    await page.getByRole('button', { name: 'Export maken' }).click();
    const downloadLink = page.getByRole('link', { name: 'Downloaden' }).first();
    await expect.poll(() => downloadLink.isVisible(), { timeout: 30_000 }).toBe(true);
    const archive = unzipSync(new Uint8Array(await downloadBytes(page, downloadLink)));
    const manifest = JSON.parse(strFromU8(archive['manifest.json']!)) as { entities: { entity: string }[] };
    expect(JSON.stringify(manifest)).toContain('company.profile');
    expect(Object.keys(archive)).toEqual(expect.arrayContaining(['data/company.profile.json']));

    // Ordering is the way back.
    await page.getByTestId('locked-order').or(page.getByTestId('nav-order')).first().click();
    await expect.poll(() => page.getByTestId('order-form').isVisible()).toBe(true);
    await page.getByTestId('order-accept-terms').check();
    await page.getByTestId('order-submit').click();
    await expect.poll(() => page.getByTestId('order-result').textContent()).toContain(L.orderAccepted);
    await page.goto('/settings/company');
    await expect.poll(() => page.getByRole('heading', { name: 'Bedrijfsgegevens' }).isVisible()).toBe(true);
    expect(await page.getByTestId('locked-notice').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
