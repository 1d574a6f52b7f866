import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageTitle, screenPaths, type ScreenPath } from '../web/src/screen-paths.js';
import { accessibilityProblems, widths } from './support/browser.js';
import { createSystemAdmin, openAsAdmin, withConsole } from './support/console-harness.js';

// Real: `herald start` serving the built console, Debian's Chromium. Every client route of the
// console is loaded directly (typed into the address bar, not reached by clicking), and a screen
// that fails shows what failed with a way back instead of a blank page.

test('every console route loads directly, and a screen that fails says so with a way back', { timeout: 240_000 }, async () => {
  await withConsole(async (c) => {
    const { page } = c;
    const admin = await createSystemAdmin(c);
    assert.equal((await c.call('POST', '/tenants', { id: 'acme', name: 'Acme Corp' })).status, 201);
    // One message through the built-in mailbox (a fresh system's provider), for the detail routes.
    assert.equal(
      (
        await c.call('POST', '/events', {
          type: 'service.failed',
          severity: 'critical',
          data: { service: 'billing' },
          recipients: ['ops@example.com'],
        })
      ).status,
      202,
    );
    let mailboxId = '';
    for (let tries = 0; !mailboxId && tries < 100; tries++) {
      mailboxId = (await c.call('GET', '/mailbox')).body.items[0]?.id ?? '';
      if (!mailboxId) await page.waitForTimeout(100);
    }
    assert.ok(mailboxId, 'the message reached the built-in mailbox');
    const deliveryId: string = (await c.call('GET', '/deliveries')).body.items[0].id;

    // Signed out, a deep link leads to sign-in, then to the page asked for (the API's path name works too).
    await page.goto(`${c.herald.url}/deliveries/failures?scope=acme`);
    await c.signIn(admin.email, admin.password);
    await page.getByRole('heading', { name: 'Failure history', level: 1 }).waitFor();
    assert.match(page.url(), /\/failures\?scope=acme$/);
    assert.equal(await page.getByLabel('Scope', { exact: true }).inputValue(), 'acme', 'the filter in the address is applied');

    const concrete: Record<string, string> = {
      ':tenantId': 'acme',
      '/deliveries/:id': `/deliveries/${deliveryId}`,
      '/mailbox/:id': `/mailbox/${mailboxId}`,
      '*': '/no-such-page',
    };
    const urlOf = (path: ScreenPath) => concrete[path] ?? path.replace(':tenantId', concrete[':tenantId']!);
    const problems: string[] = [];
    for (const path of Object.keys(screenPaths) as ScreenPath[]) {
      await page.goto(`${c.herald.url}${urlOf(path)}`);
      await page.waitForFunction(
        (title) => (globalThis as unknown as { document: { title: string } }).document.title === title,
        pageTitle(screenPaths[path]),
      );
      await page.locator('main h1').first().waitFor();
      await page
        .locator('[role=status]', { hasText: /^Loading/ })
        .first()
        .waitFor({ state: 'detached' });
      if ((await page.locator('.screen-failed').count()) > 0) problems.push(`${path}: ${await page.locator('.screen-failed').innerText()}`);
      problems.push(...(await accessibilityProblems(page)).map((p) => `${path}: ${p}`));
    }
    assert.deepEqual(problems, [], 'every route shows its screen, without a failure or an accessibility problem');

    // A screen that throws while rendering (here: an answer of a shape it does not expect) shows
    // what failed; the navigation still works, and Try again renders it once the answer is right.
    const overview = /\/api\/v1\/overview(\?|$)/;
    await page.route(overview, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"unexpected":true}' }));
    await page.goto(`${c.herald.url}/`);
    await page.getByRole('heading', { name: 'The Overview screen failed', level: 1 }).waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: /What failed: .+/ })
      .waitFor();
    await c.capture('screen-failed');
    await c.nav('Deliveries').click();
    await page.getByRole('heading', { name: 'Deliveries', level: 1 }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'The Overview screen failed', level: 1 }).waitFor();
    await page.unroute(overview);
    await c.button('Try again').click();
    await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Go to the start page' }).waitFor({ state: 'detached' });
  });
});

test("on a phone (390 px) the navigation is one Menu button, and the tenants' row actions stay apart", { timeout: 120_000 }, async () => {
  await withConsole(async (c) => {
    const { page } = c;
    assert.equal((await c.call('POST', '/tenants', { id: 'acme', name: 'Acme Corp' })).status, 201);
    await page.setViewportSize(widths.phone);
    await openAsAdmin(c, '/tenants');
    await page.getByRole('heading', { name: 'Tenants', level: 1 }).waitFor();

    // The bar is one line: the brand, Menu, the account; the entries show only once Menu is opened.
    const menu = c.button('Menu');
    const bar = (await page.locator('header.topbar').boundingBox())!;
    assert.ok(bar.height < 70, `the top bar is one line, not ${bar.height} px`);
    assert.equal(await menu.getAttribute('aria-expanded'), 'false');
    assert.equal(await c.nav('Deliveries').isVisible(), false, 'the entries are folded away');
    await menu.click();
    assert.equal(await menu.getAttribute('aria-expanded'), 'true');
    await c.capture('menu-open');
    await page.setViewportSize(widths.phone);
    await c.nav('Deliveries').click();
    await page.getByRole('heading', { name: 'Deliveries', level: 1 }).waitFor();
    assert.equal(await c.nav('Tenants').isVisible(), false, 'choosing an entry closes the menu');
    await menu.click();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    assert.equal(await menu.getAttribute('aria-expanded'), 'false', 'Escape closes it');
    assert.equal(
      await page.evaluate(() =>
        (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent.trim(),
      ),
      '☰ Menu',
      'focus returns to the Menu button',
    );

    // Tenants: "Mail server" and the red Delete do not touch.
    await menu.click();
    await c.nav('Tenants').click();
    const link = (await page.getByRole('link', { name: 'Mail server of Acme Corp' }).boundingBox())!;
    const remove = (await c.button('Delete Acme Corp').boundingBox())!;
    const apart = remove.x >= link.x + link.width + 8 || remove.y >= link.y + link.height + 4;
    assert.ok(apart, `the link ${JSON.stringify(link)} and Delete ${JSON.stringify(remove)} stay apart`);
    await c.capture('tenants-phone');
  });
});

test(
  'sign-in: before setup it says where the first administrator comes from; a tenant account needs its tenant id only when ambiguous',
  { timeout: 120_000 },
  async () => {
    await withConsole(async (c) => {
      const { page } = c;
      await page.goto(`${c.herald.url}/`);
      const hint = page.getByRole('status').filter({ hasText: 'Herald has no administrator yet.' });
      await hint.waitFor();
      assert.match(await hint.innerText(), /setup link Herald printed when it started[\s\S]*herald admin create/);
      await c.capture('sign-in-before-setup');
      await createSystemAdmin(c);
      await page.reload();
      await c.field('E-mail').waitFor();
      assert.equal(await hint.count(), 0, 'once an administrator exists, the hint is gone');

      // One account with this address: signed in to its tenant without typing the id.
      for (const id of ['acme', 'globex']) assert.equal((await c.call('POST', '/tenants', { id, name: id })).status, 201);
      const password = 'member passphrase 42';
      assert.equal(
        (await c.call('POST', '/tenants/acme/users', { email: 'mia@acme.test', name: 'Mia', role: 'tenant_admin', password })).status,
        201,
      );
      await c.signIn('mia@acme.test', password);
      await page.getByRole('link', { name: 'Account: Mia' }).click();
      await page.getByText('Tenant acme').waitFor();
      await c.button('Sign out').click();
      await page.getByText('You have signed out.').waitFor();

      // The same address and password in a second tenant: the tenant id is asked for, with focus on it.
      assert.equal(
        (await c.call('POST', '/tenants/globex/users', { email: 'mia@acme.test', name: 'Mia G', role: 'member', password })).status,
        201,
      );
      await c.signIn('mia@acme.test', password);
      await page.getByText('Your address has accounts in several tenants with this password').waitFor();
      assert.equal(
        await page.evaluate(() =>
          (
            globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } } }
          ).document.activeElement.getAttribute('name'),
        ),
        'tenant',
      );
      await c.field('Tenant id (optional)').fill('globex');
      await c.field('Tenant id (optional)').press('Enter');
      await page.getByRole('link', { name: 'Account: Mia G' }).waitFor();
      await c.button('Sign out').click();
      // Signed out for good before the next page: a sign-out still in flight would end that page's
      // session under it and send it to the sign-in screen without the address's ?tenant=.
      await page.getByText('You have signed out.').waitFor();

      // A tenant's own sign-in address fills in its id.
      await page.goto(`${c.herald.url}/?tenant=acme`);
      assert.equal(await c.field('Tenant id (optional)').inputValue(), 'acme');
    });
  },
);
