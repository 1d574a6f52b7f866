import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually } from './support/browser.js';
import { openAsAdmin, withConsole } from './support/console-harness.js';

// Real: `herald start` serving the built console, Debian's Chromium, this run's database; mail
// goes to the built-in mailbox. What Herald decided for each event is on screen: a tenant without
// recipients is warned about on the Overview, its events say where they went, alerts can be
// silenced from where they are listed.

test(
  'events and alerts: the outcome of every event in words, the overview warning about a scope without recipients, silencing an alert from its row',
  { timeout: 180_000 },
  async () => {
    await withConsole(async (c) => {
      const { page } = c;
      assert.equal((await c.call('POST', '/tenants', { id: 'acme', name: 'Acme Corp' })).status, 201);
      assert.equal((await c.call('PUT', '/system/recipients', { recipients: ['ops@example.com'] })).status, 200);
      const lost = await c.call('POST', '/events', { type: 'service.failed', tenant: 'acme', data: { service: 'billing' } });
      assert.equal(lost.body.outcome, 'suppressed');
      const disk = {
        type: 'host.disk',
        dedupKey: 'disk:db-1:/var',
        labels: { host: 'db-1' },
        data: { host: 'db-1', path: '/var', value: 95, threshold: 90 },
      };
      assert.equal((await c.call('POST', '/events', disk)).body.outcome, 'queued');
      await openAsAdmin(c, '/');

      // The Overview: the tenant without recipients is warned about, with where its events went.
      const acme = page.getByRole('region', { name: /Acme Corp/ });
      await acme.getByText('No admin recipients.').waitFor();
      assert.match(await acme.innerText(), /1 in the last 24 hours were suppressed/);
      await acme.getByRole('link', { name: /0 sent, 1 suppressed \(1 no recipients\)/ }).waitFor();
      assert.equal(
        await page
          .getByRole('region', { name: /^System/ })
          .getByText('No admin recipients.')
          .count(),
        0,
      );
      await c.capture('overview-no-recipients');

      // Its events: suppressed, why in words, and the way to the setting.
      await acme.getByRole('link', { name: /suppressed/ }).click();
      await page.getByRole('heading', { name: 'Events', level: 1 }).waitFor();
      assert.match(page.url(), /\/events\?scope=acme$/);
      const row = page.getByRole('row', { name: /Service stopped or failed/ });
      await row.getByText('Nobody to send to').waitFor();
      await c.capture('events');
      await row.getByRole('link', { name: 'Change it' }).click();
      await page.waitForURL(/\/notifications\/acme\?section=recipients$/);
      await page.getByRole('heading', { name: 'Admin recipients', level: 2 }).waitFor();

      // The system's sent event, with its message.
      await page.goto(`${c.herald.url}/events?outcome=queued`);
      await page
        .getByRole('row', { name: /Disk usage over threshold/ })
        .getByRole('link', { name: 'ops@example.com' })
        .waitFor();

      // Alerts: firing, silenced from its row (the form comes filled in), then a repeat is recorded as silenced.
      await c.nav('Alerts').click();
      const alertRow = page.getByRole('row', { name: /disk:db-1:\/var/ });
      await alertRow.getByText('firing').waitFor();
      await c.capture('alerts');
      await alertRow.getByRole('link', { name: 'Silence disk:db-1:/var' }).click();
      await page.waitForURL(/section=silences/);
      assert.equal(await c.field('Event type').inputValue(), 'host.disk');
      assert.equal(await c.field('Labels to match (optional)').inputValue(), 'host=db-1');
      await c.field('Ends (UTC)').fill('2099-01-01T00:00');
      await c.button('Create silence').click();
      await page.getByRole('row', { name: /host=db-1/ }).waitFor();
      const again = await c.call('POST', '/events', disk);
      assert.match(again.body.reason, /^(silenced|repeat_interval)/);
      await page.goto(`${c.herald.url}/events?type=host.disk&outcome=suppressed`);
      await eventually(
        page,
        async () => (await page.getByText(/A silence covered it|Already notified/).count()) > 0,
        'the repeat is listed with its reason',
      );
    });
  },
);
