/**
 * A day of real use (issue 20, items 1–5), in the real web build against the demo server:
 * a requester reports from the portal that the office network is down and comments on the
 * case; a line-1 agent sees "no network" on the card and rings, answers the requester, takes
 * a phone case with the priority wizard, and works the queue in the SLA order; the team
 * leader reads the SLA board and the wall.
 *
 * 1. Only the service's act is the first response: the requester's comment leaves the
 *    response clock running, the agent's answer to the requester stops it.
 * 2. The SLA order puts what can still be saved first: board ("Ny"), SLA board and wall.
 * 3. The phone intake registers the wizard's suggestion without "Bruk høg".
 * 4. The requester is named as the requester, never "Tildelt ein kollega".
 * 5. "Eg har ikkje nett" reaches the agent: on the card, and "Ring innmeldar: <phone>".
 */
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test';
import { apiToken, openCaseFromBoard, runPriorityWizard, signIn } from './helpers';
import { portalSignIn } from './portal-helpers';

test.use({ viewport: { width: 1400, height: 1000 } });

/** The server's record of a case, as any client reads it. */
async function serverCase(request: APIRequestContext, token: string, number: string) {
  const answer = await request.get(`/api/v1/cases/${number}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(answer.ok(), await answer.text()).toBe(true);
  return ((await answer.json()) as { case: { firstResponseAt: string | null } }).case;
}

/** A row of the case facts ("Første respons", …): its value. */
function fact(view: Locator, label: string): Locator {
  return view.locator('dl.facts dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
}

/** Where a card stands in the SLA order, read from its badge: savable 0, breached 1, stopped 2. */
const slaGroup = (sla: string | null): number =>
  sla === 'running' || sla === 'atRisk' ? 0 : sla === 'breached' ? 1 : 2;

interface CardRead {
  index: number;
  text: string;
  sla: string | null;
}

/** The cards a column renders now (it renders only those near its view), in order. */
function renderedCards(column: Locator): Promise<CardRead[]> {
  return column.locator('li[data-index]').evaluateAll((items) =>
    items.map((li) => ({
      index: Number(li.getAttribute('data-index')),
      text: li.textContent ?? '',
      sla: li.querySelector('[data-sla]')?.getAttribute('data-sla') ?? null,
    })),
  );
}

/**
 * Every card of a column in its order, read as a user scrolls it from the top: a view at a
 * time, waiting for the cards below to render before reading on.
 */
async function allCards(column: Locator): Promise<CardRead[]> {
  const total = Number(/\((\d+)\)/.exec((await column.locator('h3').textContent()) ?? '')?.[1]);
  const scroller = column.locator('.column__scroller');
  let cards: CardRead[] = [];
  await expect(async () => {
    const seen = new Map<number, CardRead>();
    await scroller.evaluate((el) => el.scrollTo(0, 0));
    for (let view = 0; view <= total; view++) {
      const batch = await renderedCards(column);
      for (const card of batch) seen.set(card.index, card);
      const last = Math.max(...batch.map((c) => c.index));
      if (last >= total - 1) break;
      await scroller.evaluate((el) => el.scrollBy(0, el.clientHeight));
      await expect
        .poll(async () => Math.max(...(await renderedCards(column)).map((c) => c.index)), {
          timeout: 2_000,
        })
        .toBeGreaterThan(last);
    }
    cards = [...seen.values()].sort((a, b) => a.index - b.index);
    expect(cards.map((c) => c.index)).toEqual([...Array(total).keys()]);
  }).toPass({ timeout: 15_000 });
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  return cards;
}

/** The SLA board's (or the wall's) risk groups: at risk first, breached after, with counts. */
async function expectAtRiskFirst(page: Page, what: string) {
  const groups = page.locator('[data-testid^="risk-group-"]');
  await expect(groups, what).toHaveCount(2);
  await expect(groups.nth(0), what).toHaveAttribute('data-testid', 'risk-group-atRisk');
  await expect(groups.nth(1), what).toHaveAttribute('data-testid', 'risk-group-breached');
  // The demo morning has cases at risk and breached ones: both counted, at risk on top.
  await expect(groups.nth(0).getByRole('heading', { level: 3 }), what).toHaveText(
    /I faresona \([1-9]\d*\)/,
  );
  await expect(groups.nth(1).getByRole('heading', { level: 3 }), what).toHaveText(
    /Brote \([1-9]\d*\)/,
  );
  const first = page.getByTestId('risk-row').first();
  await expect(first, what).toHaveAttribute('data-status', 'atRisk');
}

test('a day of real use: portal requester, line-1 agent and team leader (issue 20, items 1–5)', async ({
  page: portal,
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const title = `Nettet på kontoret fell ut (${stamp})`;
  const phone = '900 12 345';

  // Morning: the requester's office network is down; she reports from her phone's browser.
  let number = '';
  await test.step('requester reports "Eg har ikkje nett" in the portal and comments', async () => {
    await portalSignIn(portal, 'brukar-molde-1');
    await portal.getByRole('navigation').getByRole('link', { name: 'Meld ei sak' }).click();
    await portal.getByRole('radio', { name: /^Nettverk og VPN/ }).check();
    await portal.getByLabel(/^Kort overskrift/).fill(title);
    await portal.getByLabel(/^Kvar er du/).selectOption('office');
    await portal.getByLabel(/^Kva skjedde/).fill('Nettet fell ut kvart femte minutt.');
    await portal.locator('#priority-completeLoss-false').check();
    await portal.getByLabel(/ikkje nett/).check();
    await portal.getByLabel(/^Telefon eller e-post/).fill(`marit@molde.kommune.no, ${phone}`);
    await portal.getByRole('button', { name: 'Send inn saka' }).click();
    await expect(
      portal.getByRole('heading', { level: 1, name: 'Saka di er registrert' }),
    ).toBeVisible();
    number = (await portal.getByText(/^Saksnummer: /).textContent())!
      .replace('Saksnummer: ', '')
      .trim();
    expect(number).toMatch(/^\d{4}-\d+$/);

    await portal.getByRole('navigation').getByRole('link', { name: 'Mine saker' }).click();
    await portal.getByRole('row').filter({ hasText: number }).getByRole('link').click();
    await portal
      .getByLabel('Kommentar', { exact: true })
      .fill('Har de sett på dette? No er det heilt nede.');
    await portal.getByRole('button', { name: 'Send kommentar' }).click();
    await expect(
      portal.getByRole('status').filter({ hasText: 'Kommentaren er send.' }),
    ).toBeVisible();
  });

  const agentToken = await apiToken(request, 'agent1');
  // Item 1 on the server: the requester's comment is no response from the service.
  expect((await serverCase(request, agentToken, number)).firstResponseAt).toBeNull();

  const agentContext = await browser.newContext();
  const desk = await agentContext.newPage();
  await signIn(desk, 'agent1');
  const view = desk.getByTestId('case-view');

  await test.step('agent: the card says no network, the case says whom to ring (item 5)', async () => {
    await desk.getByLabel('Sorter etter SLA').check();
    const card = desk.getByTestId('column-1-new').getByTestId('case-card').filter({
      hasText: number,
    });
    await desk.getByTestId('filter-text').fill(number);
    await expect(card).toContainText('Ikkje nett – ring');
    await openCaseFromBoard(desk, number);
    const note = view.getByTestId('no-network');
    await expect(note).toContainText('Innmeldar har ikkje nett');
    const call = note.getByRole('link', { name: `Ring innmeldar: ${phone}` });
    await expect(call).toHaveAttribute('href', 'tel:90012345');
  });

  await test.step("agent: the requester's comment is hers, and no response (items 4, 1)", async () => {
    const theirs = view
      .locator('.feed__comment--requester')
      .filter({ hasText: 'No er det heilt nede' });
    await expect(theirs).toContainText('(innmeldar)');
    await expect(theirs).not.toContainText('Tildelt ein kollega');
    const history = desk.getByTestId('history');
    const fromPortal = history.locator('li').filter({ hasText: 'frå portalen' });
    await expect(fromPortal).toHaveCount(2); // registered, commented
    await expect(fromPortal.nth(0)).toContainText('(innmeldar)');
    await expect(fromPortal.nth(1)).toContainText('(innmeldar)');
    await expect(history).not.toContainText('Tildelt ein kollega');

    // The response clock still runs: the badge shows it counting, no first response yet.
    const badge = view.locator('.case-header [data-sla]');
    await expect(badge).toContainText('Responstid');
    await expect(badge).toHaveAttribute('data-sla', /^(running|atRisk|breached)$/);
    await expect(badge).not.toContainText('Innfridd');
    await expect(fact(view, 'Første respons')).toHaveText('–');
  });

  await test.step('agent rings and answers the requester: the response is met (item 1)', async () => {
    await view
      .getByLabel('Ny kommentar')
      .fill(`Ringde deg på ${phone}: svitsjen er bytt, prøv no.`);
    await view.getByLabel('Kven kan sjå kommentaren').selectOption({ label: 'Til innmeldar' });
    await view.getByRole('button', { name: 'Legg til kommentar' }).click();
    await expect(
      view.locator('.feed__comment--requester').filter({ hasText: 'svitsjen' }),
    ).toBeVisible();
    // Met: the first response has a time, and the badge has moved on to the resolution clock.
    await expect(fact(view, 'Første respons')).not.toHaveText('–');
    const badge = view.locator('.case-header [data-sla]');
    await expect(badge).toContainText('Løysingstid');
    await expect(view.getByTestId('unsynced')).toHaveCount(0, { timeout: 10_000 });
    await expect
      .poll(async () => (await serverCase(request, agentToken, number)).firstResponseAt)
      .not.toBeNull();
  });

  await test.step('requester: her comment is "Du", the answer is the service (item 4)', async () => {
    await portal.reload();
    const history = portal.getByTestId('history');
    await expect(history).toContainText('svitsjen er bytt');
    const own = history.locator('li').filter({ hasText: 'No er det heilt nede' });
    await expect(own.locator('.history__meta strong')).toHaveText('Du');
    const answer = history.locator('li').filter({ hasText: 'svitsjen er bytt' });
    await expect(answer.locator('.history__meta strong')).toHaveText('Brukarstøtta');
    await expect(history).not.toContainText('Tildelt ein kollega');
  });

  // A phone call: the work of a whole unit has stopped (high, by the definitions).
  const phoneTitle = `Fagsystemet heng for heile eininga (${stamp})`;
  let phoneNumber = '';
  await test.step('phone intake: the wizard says høg, Ctrl+Enter registers high (item 3)', async () => {
    await desk.getByRole('link', { name: 'Ny telefonsak' }).click();
    await desk.getByLabel('Namn *').fill('Kari Telefon');
    await desk.getByLabel('Kommune *').selectOption({ index: 1 });
    await desk.getByLabel('Kva er feilen? (tittel) *').fill(phoneTitle);
    const wizard = await runPriorityWizard(desk, /Hindrar feilen/, /^Heile eininga/);
    await expect(wizard.getByTestId('wizard-result')).toHaveText('Forslag: høg');
    await expect(wizard.getByRole('button', { name: 'Bruk høg' })).toBeVisible(); // not pressed
    await desk.getByLabel('Kva er feilen? (tittel) *').press('Control+Enter');
    const heading = view.getByRole('heading', { level: 1 });
    await expect(heading).toContainText(phoneTitle);
    await expect(view.locator('.case-header .priority')).toHaveText('Høg');
    await expect(heading).toContainText(/\d{4}-\d{5}/, { timeout: 10_000 });
    phoneNumber = /\d{4}-\d{5}/.exec((await heading.textContent()) ?? '')![0];
    await expect(desk.getByTestId('toast')).toContainText('prioriteten frå spørsmåla: høg');
    const stored = await request.get(`/api/v1/cases/${phoneNumber}`, {
      headers: { authorization: `Bearer ${agentToken}` },
    });
    expect(((await stored.json()) as { case: { priority: string } }).case.priority).toBe('high');
  });

  await test.step('agent works "Ny" in the SLA order: what can be saved first (item 2)', async () => {
    await view.getByRole('link', { name: /Tilbake til tavla/ }).click();
    await desk.getByTestId('filter-text').fill('');
    await expect(desk.getByLabel('Sorter etter SLA')).toBeChecked();
    await expect(desk.getByTestId('board-sla-counts')).toHaveText(
      /^I faresona: [1-9]\d* · Brote: [1-9]\d*$/,
    );
    const column = desk.getByTestId('column-1-new');
    await expect(column.getByTestId('case-card').first()).toBeVisible();
    // What the agent sees at the top without scrolling: cases that can still be saved, one
    // at risk among them (the soonest due first, not a breach).
    const top = await renderedCards(column);
    expect(top[0]?.sla, top[0]?.text).toMatch(/^(running|atRisk)$/);
    expect(top.map((c) => c.sla)).toContain('atRisk');
    // The whole column: savable first (soonest due), breached after, stopped clocks last.
    const cards = await allCards(column);
    const groups = cards.map((c) => slaGroup(c.sla));
    const order = cards.map((c) => `${c.sla} ${c.text.slice(0, 40)}`).join('\n');
    expect(groups, order).toEqual([...groups].sort());
    // The new high case, an hour left, is above every breached one (none above it).
    const mine = cards.findIndex((c) => c.text.includes(phoneNumber));
    expect(mine, order).toBeGreaterThanOrEqual(0);
    expect(
      groups.slice(0, mine + 1).every((g) => g === 0),
      order,
    ).toBe(true);
    expect(groups, order).toContain(1); // the demo's breached cases are in "Ny" too
  });
  await agentContext.close();

  await test.step('team leader: the SLA board and the wall show at risk first (item 2)', async () => {
    const leaderContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const leader = await leaderContext.newPage();
    await signIn(leader, 'teamleiar');
    await leader.getByRole('link', { name: 'SLA-tavle' }).click();
    await expect(leader.getByTestId('sla-board')).toBeVisible();
    await expectAtRiskFirst(leader, 'SLA board');
    await leader.getByRole('link', { name: 'Veggskjerm' }).click();
    await expect(leader.getByTestId('sla-wall')).toBeVisible();
    await expectAtRiskFirst(leader, 'wall');
    await expect(leader.getByTestId('wall-critical').getByRole('heading')).toHaveText(
      /Kritiske saker som ventar på kvittering \(\d+\)/,
    );
    await leaderContext.close();
  });
});
