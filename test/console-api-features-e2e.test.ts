import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually } from './support/browser.js';
import { openAsAdmin, withConsole } from './support/console-harness.js';
import { startSmtpTestServer } from './support/smtp-test-server.js';

// Real: `herald start` serving the built console (retries an hour apart), Debian's Chromium, the
// SMTP test server and this run's database. What the API could do and the console could not: the
// mail-host allow-list, registering an event type, silence label matchers, deliveries by event
// type and time, retrying a deferred message now, the failure history from the mail-server page.

test(
  'the console does what only the API did: allow-list, event type registration, label matchers, delivery filters, retry now',
  { timeout: 240_000 },
  async () => {
    const probe = await startSmtpTestServer();
    const closedPort = probe.port;
    await probe.close();
    await withConsole(
      async (c) => {
        const { page } = c;
        assert.equal((await c.call('POST', '/tenants', { id: 'acme', name: 'Acme Corp' })).status, 201);
        await openAsAdmin(c, '/mail-server');

        // The failure history, one click from the mail-server page, for its scope.
        await page.getByRole('main').getByRole('link', { name: 'Failure history' }).click();
        await page.getByRole('heading', { name: 'Failure history', level: 1 }).waitFor();
        assert.match(page.url(), /\/failures\?scope=system$/);

        // The allow-list of hosts and ports tenants' servers may use.
        await c.nav('Mail server').click();
        await c.field('Private hosts allowed (one a line)').fill('relay.internal.example\n10.0.0.25');
        await c.field('Other ports allowed').fill('2587, x');
        await c.button('Save allow-list').click();
        await page.getByText('Other ports allowed has "x": ports are whole numbers from 1 to 65535').waitFor();
        await c.field('Other ports allowed').fill('2587, 10025');
        await c.button('Save allow-list').click();
        await page.getByText('The allow-list was saved.').waitFor();
        assert.deepEqual(
          (await c.call('GET', '/system/mail-host-policy')).body,
          { allowedHosts: ['10.0.0.25', 'relay.internal.example'], allowedPorts: [2587, 10025] },
          'stored sorted',
        );
        await c.capture('mail-host-policy');

        // Register an event type; it is listed with the others.
        await c.nav('Notifications').click();
        const section = (name: string) =>
          page.getByRole('navigation', { name: 'Notification settings' }).getByRole('link', { name }).click();
        await section('Event types');
        await page.getByText('Register an event type').click();
        await c.field('Id').fill('Billing Failed');
        await c.field('Title').fill('Invoice run failed');
        await c.button('Register event type').click();
        await page.getByText(/^Id must start with a lower-case letter/).waitFor();
        await c.field('Id').fill('billing.invoice_failed');
        await c.field('Summary (optional)').fill('The invoice run {{ data.run }} failed.');
        await c.field('Severity').selectOption('critical');
        await c.button('Register event type').click();
        await page.getByText('Invoice run failed was registered; it is listed above.').waitFor();
        await page.locator('#toggle-billing\\.invoice_failed-state', { hasText: 'Sends — built-in default' }).waitFor();
        const registered = (await c.call('GET', '/system/event-types')).body.items.find((t: any) => t.id === 'billing.invoice_failed');
        assert.deepEqual(
          [registered.title, registered.severity, registered.summary, registered.origin],
          ['Invoice run failed', 'critical', 'The invoice run {{ data.run }} failed.', 'registered'],
        );

        // A silence for the events of one host only.
        await section('Silences');
        await c.field('Ends (UTC)').fill('2099-01-01T00:00');
        await c.field('Labels to match (optional)').fill('host db-1');
        await c.button('Create silence').click();
        await page.getByText('Labels to match (optional) has "host db-1": write each as name=value').waitFor();
        await c.field('Labels to match (optional)').fill('host=db-1\nenv = prod');
        await c.button('Create silence').click();
        await page.getByRole('row', { name: /host=db-1, env=prod/ }).waitFor();
        assert.deepEqual(
          (await c.call('GET', '/system/silences')).body.items.map((s: any) => s.labels),
          [{ host: 'db-1', env: 'prod' }],
        );

        // Deliveries by event type and time (the system's built-in mailbox delivers them at once).
        for (const [type, recipient] of [
          ['job.failed', 'jobs@example.com'],
          ['license.limit', 'licences@example.com'],
        ]) {
          assert.equal((await c.call('POST', '/events', { type, recipients: [recipient] })).status, 202);
        }
        await c.nav('Deliveries').click();
        await page.getByRole('row', { name: /licences@example\.com/ }).waitFor();
        await c.field('Event type').selectOption('job.failed');
        await c.button('Apply filters').click();
        await page.waitForURL(/type=job\.failed/);
        await eventually(
          page,
          async () => (await page.getByRole('row', { name: /licences@example\.com/ }).count()) === 0,
          'the filter leaves out other types',
        );
        await page.getByRole('row', { name: /jobs@example\.com/ }).waitFor();
        await c.field('Since').fill('2099-01-02T00:00');
        await c.field('Until').fill('2099-01-01T00:00');
        await c.button('Apply filters').click();
        await page.getByText('Until must be after Since').waitFor();
        await c.field('Until').fill('');
        await c.button('Apply filters').click();
        await page.waitForURL(/since=2099/);
        await page.getByText('No messages match.').waitFor();
        await c.capture('deliveries-filtered');

        // A deferred message (its server is down, the next retry an hour away) is tried now.
        const saved = await c.call('PUT', '/tenants/acme/mail-server', {
          provider: 'smtp',
          host: '127.0.0.1',
          port: closedPort,
          security: 'none',
          auth: 'none',
          fromAddress: 'alerts@acme.test',
        });
        assert.equal(saved.status, 200, JSON.stringify(saved.body));
        const posted = await c.call('POST', '/events', {
          type: 'service.failed',
          tenant: 'acme',
          data: { service: 'billing' },
          recipients: ['oncall@acme.test'],
        });
        const messageId: string = posted.body.messages[0].id;
        await page.goto(`${c.herald.url}/deliveries/${messageId}`);
        await eventually(
          page,
          async () => (await page.locator('.badge', { hasText: /^deferred$/ }).count()) > 0,
          'the message is deferred',
        );
        await page.getByText('Next retry by itself:').waitFor();
        const smtp = await startSmtpTestServer({ port: closedPort });
        try {
          await c.button('Retry now').click();
          await page.locator('.badge', { hasText: /^sent$/ }).waitFor();
          await smtp.waitFor(1);
        } finally {
          await smtp.close();
        }
      },
      { HERALD_RETRY_BASE: '1h', HERALD_RETRY_MAX_DELAY: '2h', HERALD_RETRY_MAX_AGE: '24h' },
    );
  },
);
