import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { acceptInvitation } from './support/colleague-invitation.ts';
import { WAIT } from './support/constants.ts';
import { setUpJourney } from './support/journey-setup.ts';
import { LABELS } from './support/labels.ts';
import { openPage } from './support/open-page.ts';
import { signUpOwner } from './support/owner-sign-up.ts';
import { callApi } from './support/page-api.ts';
import { pageWidth, PHONE } from './support/viewport.ts';

const L = LABELS.nl;

/** The Dutch texts of the activities screens (apps/web/src/shared/i18n/nl.ts). */
const T = {
  logCall: 'Gesprek vastleggen',
  discussed: 'Wat is er besproken?',
  addTask: 'Taak toevoegen',
  callback: 'Terugbelverzoek',
  taskTitle: 'Omschrijving',
  dueOn: 'Uiterlijk op',
  createTask: 'Taak aanmaken',
  myTasks: 'Mijn taken',
  newDeal: 'Nieuwe verkoopkans',
  dealTitle: 'Titel',
  dealValue: 'Waarde',
  createDeal: 'Verkoopkans aanmaken',
  lostReason: 'Reden van verlies',
  markLost: 'Als verloren markeren',
};

/** The organization page of the relations screens, which shows the activities component. */
const organizationPage = (id: string) => `/crm/organizations/${id}`;

const column = (page: Page, stage: string) => page.locator(`[data-testid="deal-column"][data-stage-name="${stage}"]`);
const cardTitles = (area: Locator) =>
  area
    .locator('[data-testid="deal-card"]')
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-deal-title') ?? ''));

describe(`browser journey: CRM timeline, call-back for a colleague, the sales board (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const journey = setUpJourney();

  it('logs a call, gives a colleague a call-back that shows under their "Mijn taken", and moves deals on the board', async () => {
    const run = `crm${Date.now()}`;
    const ownerEmail = `owner-${run}@journey.test`;
    const colleagueEmail = `colleague-${run}@journey.test`;
    const errors: string[] = [];

    // The owner signs up and verifies.
    const owner = await openPage(journey, { errors });
    const page = owner.page;
    await signUpOwner(page, journey.smtp, { company: `Relaties ${run} BV`, name: 'Olga Owner', email: ownerEmail });
    await expect
      .poll(() => page.getByRole('heading', { name: `${L.welcome}, Olga Owner` }).isVisible(), WAIT)
      .toBe(true);

    // A colleague is invited and accepts in a browser of their own.
    await page.getByRole('navigation').getByRole('link', { name: L.users }).click();
    await page.getByLabel(L.email).fill(colleagueEmail);
    await page.getByRole('button', { name: L.invite, exact: true }).click();
    const invitation = await journey.smtp.waitFor((mail) => mail.to.includes(colleagueEmail));
    const colleague = await openPage(journey, { errors });
    const other = colleague.page;
    await acceptInvitation(other, invitation, 'Cees Collega');
    expect(await other.getByTestId('nav-my-tasks-count').count()).toBe(0);

    // An organization, made through the API as any script would.
    const { id: organizationId } = await callApi(page, 'POST', '/api/v1/organizations', {
      name: 'Bakkerij Brood & Co',
    });

    // The owner logs a call on the organization's timeline.
    await page.goto(organizationPage(organizationId));
    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.isVisible(), WAIT).toBe(true);
    await timeline.getByLabel(T.discussed).fill('Gebeld over de kerstbestelling; wil een offerte');
    await timeline.getByRole('button', { name: T.logCall }).click();
    const item = timeline.getByTestId('timeline-item').first();
    await expect
      .poll(() => item.getByTestId('timeline-item-body').textContent(), WAIT)
      .toBe('Gebeld over de kerstbestelling; wil een offerte');
    expect(await item.getByTestId('timeline-item-kind').textContent()).toBe('Gesprek');
    expect(await item.textContent()).toContain('Olga Owner');

    // … and asks the colleague to call back, due yesterday (so it is overdue).
    await page.getByTestId('relation-tasks').getByRole('button', { name: T.addTask }).click();
    const form = page.getByTestId('task-form');
    await expect.poll(() => form.isVisible(), WAIT).toBe(true);
    await form.getByLabel(T.taskTitle).fill('Bakker terugbellen over de offerte');
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
      new Date(Date.now() - 86_400_000),
    );
    await form.getByLabel(T.dueOn).fill(yesterday);
    await form.getByTestId('task-form-assignee').click();
    await page.getByRole('option', { name: 'Cees Collega' }).click();
    await form.getByRole('button', { name: T.createTask }).click();
    await expect.poll(() => form.isVisible(), WAIT).toBe(false);
    await expect
      .poll(() => page.getByTestId('relation-tasks').getByTestId('task-title').allTextContents(), WAIT)
      .toEqual(['Bakker terugbellen over de offerte']);

    // The colleague sees it under "Mijn taken", counted in the navigation and marked overdue.
    await other.reload();
    await expect.poll(() => other.getByTestId('nav-my-tasks-count').textContent(), WAIT).toBe('1');
    await other.getByTestId('nav-my-tasks').click();
    await expect.poll(() => other.getByRole('heading', { name: T.myTasks }).isVisible(), WAIT).toBe(true);
    const row = other.getByTestId('task-row').filter({ hasText: 'Bakker terugbellen over de offerte' });
    await expect.poll(() => row.isVisible(), WAIT).toBe(true);
    expect(await row.getAttribute('data-overdue')).toBe('true');
    expect(await row.textContent()).toContain('Bakkerij Brood & Co');
    expect(await row.textContent()).toContain(T.callback);

    // The sales board: three deals in the first stage.
    await page.getByTestId('nav-deals').click();
    await expect.poll(() => page.getByTestId('deal-board').isVisible(), WAIT).toBe(true);
    for (const [title, value] of [
      ['Kerstpakketten', '1.250,50'],
      ['Broodabonnement', '4800'],
      ['Taartenactie', '300'],
    ]) {
      await page.getByRole('button', { name: T.newDeal }).click();
      const dealForm = page.getByTestId('deal-form');
      await dealForm.getByLabel(T.dealTitle).fill(title!);
      await dealForm.getByLabel(T.dealValue).fill(value!);
      await dealForm.getByRole('button', { name: T.createDeal }).click();
      await expect.poll(() => dealForm.count(), WAIT).toBe(0);
    }
    await expect
      .poll(() => cardTitles(column(page, 'Nieuw')), WAIT)
      .toEqual(['Kerstpakketten', 'Broodabonnement', 'Taartenactie']);
    expect(
      await column(page, 'Nieuw')
        .locator('[data-deal-title="Kerstpakketten"] [data-testid="deal-card-value"]')
        .textContent(),
    ).toBe('€ 1.250,50');

    // Drag and drop: a card to another column, and one to the top of its column.
    await column(page, 'Nieuw')
      .locator('[data-deal-title="Broodabonnement"]')
      .dragTo(column(page, 'Offerte').getByTestId('deal-column-body'));
    await expect.poll(() => cardTitles(column(page, 'Offerte')), WAIT).toEqual(['Broodabonnement']);
    const first = column(page, 'Nieuw').locator('[data-deal-title="Kerstpakketten"]');
    await column(page, 'Nieuw')
      .locator('[data-deal-title="Taartenactie"]')
      .dragTo(first, { targetPosition: { x: 20, y: 4 } });
    await expect.poll(() => cardTitles(column(page, 'Nieuw')), WAIT).toEqual(['Taartenactie', 'Kerstpakketten']);

    // Without a mouse: the "move to" select; into a lost stage it asks for the reason.
    await column(page, 'Nieuw')
      .locator('[data-deal-title="Kerstpakketten"]')
      .getByTestId('deal-card-move')
      .selectOption({ label: 'Verloren' });
    const lostDialog = page.getByTestId('deal-lost-dialog');
    await lostDialog.getByLabel(T.lostReason).fill('Te laat besteld');
    await lostDialog.getByRole('button', { name: T.markLost }).click();
    await expect.poll(() => cardTitles(column(page, 'Verloren')), WAIT).toEqual(['Kerstpakketten']);

    // It was saved: after a reload the board is the same.
    await page.reload();
    await expect.poll(() => cardTitles(column(page, 'Offerte')), WAIT).toEqual(['Broodabonnement']);
    expect(await cardTitles(column(page, 'Nieuw'))).toEqual(['Taartenactie']);
    expect(await cardTitles(column(page, 'Verloren'))).toEqual(['Kerstpakketten']);
    expect(await column(page, 'Verloren').textContent()).toContain('Te laat besteld');
    expect(await page.getByTestId('deal-summary-chart').isVisible()).toBe(true);

    // On a phone the board scrolls inside itself; the page does not get wider than the screen.
    await page.setViewportSize(PHONE);
    await page.reload();
    await expect.poll(() => page.getByTestId('deal-board').isVisible(), WAIT).toBe(true);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await other.setViewportSize(PHONE);
    await other.reload();
    await expect.poll(() => other.getByTestId('task-row').first().isVisible(), WAIT).toBe(true);
    expect(await pageWidth(other)).toBeLessThanOrEqual(PHONE.width);

    expect(errors).toEqual([]);
    await owner.context.close();
    await colleague.context.close();
  });
});
