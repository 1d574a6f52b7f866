import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually } from './support/browser.js';
import { openAsAdmin, withConsole } from './support/console-harness.js';

// Real: `herald start` serving the built console, Debian's Chromium, this run's database. The
// audit log as an administrator reads it at 1280 px: people and tokens by name, columns that stay
// readable, a filter by name.

test(
  'audit log: names with the id on hover, readable columns, a filter by name; a user without a password is said so',
  { timeout: 150_000 },
  async () => {
    await withConsole(async (c) => {
      const { page } = c;
      await openAsAdmin(c, '/users');
      await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
      await c.field('E-mail').fill('nina@herald.test');
      await c.field('Name').fill('Nina Notified');
      await c.button('Create user').click();
      await page.getByText('nina@herald.test was added.').waitFor();
      await page.goto(`${c.herald.url}/tokens`);
      await c.field('Label').fill('billing service');
      await c.button('Create token').click();
      await c.button('Done').click();

      await c.nav('Audit log').click();
      const created = page.getByRole('row', { name: /User created/ }).filter({ hasText: 'Nina Notified' });
      await created.waitFor();
      const actor = created.getByRole('cell').nth(1);
      assert.match(await actor.innerText(), /^Ada Admin <admin@herald\.test>/);
      assert.match((await actor.locator('[title]').getAttribute('title'))!, /^user:usr_/, 'the id on hover');
      assert.match(await created.innerText(), /password: none \(receives notifications only, cannot sign in\)/);
      assert.doesNotMatch(await created.innerText(), /changed/, 'creating a user without a password changes no password');
      await page
        .getByRole('row', { name: /API token created/ })
        .filter({ hasText: 'API token "billing service"' })
        .waitFor();

      // No column is squeezed to a letter a line at 1280 px.
      for (const column of ['Actor', 'Action', 'Target']) {
        const width = (await page.getByRole('columnheader', { name: column, exact: true }).boundingBox())!.width;
        assert.ok(width >= 140, `${column} is ${width} px wide`);
      }

      // By name: only what Ada did (not the HERALD_ADMIN_TOKEN that created her).
      await c.field('Actor').fill('ada');
      await c.button('Apply filters').click();
      await page.waitForURL(/actor=ada/);
      const actors = () => page.locator('table.audit-table tbody tr td:nth-child(2)').allInnerTexts();
      await eventually(page, async () => (await actors()).every((text) => text.startsWith('Ada Admin')), "only Ada's entries are listed");
      await page
        .getByRole('row', { name: /User created/ })
        .filter({ hasText: 'Nina Notified' })
        .waitFor();
      await c.capture('audit-by-name');
    });
  },
);
