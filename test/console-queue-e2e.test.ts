import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openAsAdmin, withConsole } from './support/console-harness.js';

// Real: `herald start` serving the built console, Debian's Chromium, this run's database; mail goes
// to the built-in mailbox. A scope paused with `herald queue pause` (here its API) says so on the
// Overview, and a purged message shows who cancelled it and why.

test(
  'the Overview shows a paused scope, with who paused it and why; a cancelled delivery shows who and why',
  { timeout: 180_000 },
  async () => {
    await withConsole(async (c) => {
      const { page } = c;
      assert.equal((await c.call('POST', '/tenants', { id: 'acme', name: 'Acme Corp' })).status, 201);
      assert.equal((await c.call('POST', '/tenants/acme/queue/pause', { reason: 'relay maintenance' })).status, 200);
      const queued = await c.call('POST', '/events', {
        type: 'service.failed',
        tenant: 'acme',
        recipients: ['ops@acme.example'],
        data: { service: 'billing' },
      });
      assert.equal(queued.status, 202);
      const purged = await c.call('POST', '/tenants/acme/queue/purge', {
        reason: 'sent by mistake',
        messageId: queued.body.messages[0].id,
      });
      assert.equal(purged.body.count, 1);
      await openAsAdmin(c, '/');

      const acme = page.getByRole('region', { name: /Acme Corp/ });
      await acme.getByText('Paused', { exact: true }).waitFor();
      assert.match(await acme.innerText(), /Sending is paused since .* by token:env:HERALD_ADMIN_TOKEN: relay maintenance/);
      assert.equal(
        await page
          .getByRole('region', { name: /^System/ })
          .getByText('Paused', { exact: true })
          .count(),
        0,
      );
      await c.capture('overview-paused');

      await page.goto(`${c.herald.url}/deliveries/${queued.body.messages[0].id}`);
      await page.getByText('by token:env:HERALD_ADMIN_TOKEN: sent by mistake').waitFor();
      await page.locator('.badge', { hasText: /^cancelled$/ }).waitFor();
      await c.capture('delivery-cancelled');
    });
  },
);
