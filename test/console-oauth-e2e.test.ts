import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openAsAdmin, withConsole, type ConsoleHarness } from './support/console-harness.js';
import { startFakeIdentityProvider } from './support/fake-identity-provider.js';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { manualClock } from './support/test-clock.js';
import { until } from './support/until.js';

// Real: `herald start` serving the built console, Debian's Chromium, this run's database, the fake
// identity provider of test/support on 127.0.0.1 (HERALD_OAUTH_TEST_ENDPOINTS points every
// Microsoft and Google endpoint at it; its authorize endpoint consents at once and redirects back)
// and an smtp-server that accepts only AUTH XOAUTH2 with a token that provider issued and that has
// not expired. The fake provider's clock is moved by hand to make the access token Herald holds expire.

const mailbox = 'alerts@contoso.test';
const clientSecret = 'app-Secret-Value-console-7Hk2';

const deliveryState = async (c: ConsoleHarness, id: string) =>
  (await c.call('GET', `/deliveries/${id}`)).body as { state: string; heldReason?: string | null };

test(
  'Connect with Microsoft in the console: consent, connected, a test email delivered; a revoked grant holds the mail, Overview shows Reconnect, reconnecting sends it',
  { timeout: 240_000 },
  async () => {
    const clock = manualClock();
    const idp = await startFakeIdentityProvider({ clock, clients: { 'app-1': clientSecret } });
    const smtp = await startSmtpTestServer({ xoauth2: (user, token) => idp.accepts(user, token) });
    try {
      await withConsole(
        async (c) => {
          const { page } = c;
          // The mail server itself (Microsoft 365 with OAuth2, the mailbox as username) points at the
          // test SMTP server, which the console's form cannot: its Microsoft 365 server is fixed.
          const server = await c.call('PUT', '/system/mail-server', {
            provider: 'microsoft365',
            host: smtp.host,
            port: smtp.port,
            security: 'none',
            auth: 'oauth2',
            username: mailbox,
            fromAddress: mailbox,
          });
          assert.equal(server.status, 200, JSON.stringify(server.body));
          await openAsAdmin(c, '/mail-server');
          await page.getByRole('heading', { name: 'OAuth2 connection' }).waitFor();
          assert.equal(await c.field('Authentication').inputValue(), 'oauth2');

          // App-only: the admin steps with the ids filled in; the API's field-named refusal beside its field.
          await c.field('Connection mode').selectOption('microsoft_app');
          await c.field('Client id').fill('app-1');
          const steps = page.locator('.admin-steps');
          assert.match(await steps.innerText(), /New-ServicePrincipal -AppId app-1 /);
          assert.match(await steps.innerText(), /Add-MailboxPermission -Identity alerts@contoso\.test /);
          await c.button('Save connection').click();
          await page.getByText('Directory (tenant) id is required for app-only access').waitFor();
          await c.field('Directory (tenant) id').fill('contoso.example');
          assert.equal(
            await page.getByRole('link', { name: 'admin consent link' }).getAttribute('href'),
            'https://login.microsoftonline.com/contoso.example/adminconsent?client_id=app-1',
          );
          await c.capture('oauth-app-only-form');

          // Delegated: saved, the redirect URI to register with a copy button, then Connect with Microsoft.
          await c.field('Connection mode').selectOption('microsoft_delegated');
          await c.field('Directory (tenant) id').fill('');
          await c.field('Client secret').fill(clientSecret);
          await c.button('Save connection').click();
          await page.getByText('Saved. Register the redirect URI, then connect with Microsoft.').waitFor();
          assert.equal(await c.field('Redirect URI to register (type Web)').inputValue(), `${c.herald.url}/oauth/callback/microsoft`);
          assert.equal(await c.field('Client secret').inputValue(), '', 'the secret is write-only: not shown after saving');
          await page.getByText('Not connected yet').waitFor();
          await c.capture('oauth-connection-form');

          await c.button('Connect with Microsoft').click();
          await page.getByText(`Connected as ${mailbox}.`).waitFor();
          assert.equal(new URL(page.url()).pathname, '/mail-server', 'back on the mail-server screen');
          await page.locator('.oauth-panel').getByText('Connected', { exact: true }).waitFor();
          const facts = await page.locator('.oauth-panel .facts').innerText();
          assert.match(facts, /Connected account\s+alerts@contoso\.test/);
          assert.match(facts, /SMTP\.Send/);
          assert.doesNotMatch(facts, /Token last refreshed\s+never/);
          await c.capture('oauth-connected');
          await c.button('Sign in again with Microsoft').waitFor();
          assert.ok(!(await page.content()).includes(clientSecret), 'no secret in the page');

          // A test email goes out over XOAUTH2.
          await c.field('Test address').fill('ops@example.com');
          await c.button('Send test email').click();
          await page.getByText('Test email: succeeded').waitFor();
          await smtp.waitFor(1);
          assert.deepEqual(smtp.received[0]!.to, ['ops@example.com']);

          // The grant is revoked at the provider and the token Herald holds expires: the next mail is held.
          idp.revokeAll();
          clock.advance(2 * 3600_000);
          const event = await c.call('POST', '/events', {
            type: 'service.failed',
            severity: 'critical',
            recipients: ['ops@example.com'],
            data: { service: 'sip-proxy' },
          });
          assert.equal(event.status, 202, JSON.stringify(event.body));
          const id = event.body.messages[0].id as string;
          await until('the mail is held for a reconnect', async () => {
            const delivery = await deliveryState(c, id);
            return delivery.state === 'held' && JSON.stringify(delivery).includes('oauth_reconnect_required');
          });
          assert.equal(smtp.received.length, 1, 'nothing sent, nothing lost');

          // Overview: Reconnect for the system scope; signing in again releases the held mail.
          idp.restore();
          await c.nav('Overview').click();
          const card = page.locator('section.card', { hasText: 'The mailbox must be reconnected.' });
          await card.waitFor();
          await c.capture('oauth-overview-reconnect');
          await card.getByRole('button', { name: 'Reconnect' }).click();
          await page.getByText(`Connected as ${mailbox}.`).waitFor();
          await smtp.waitFor(2);
          await until('the held mail is sent', async () => (await deliveryState(c, id)).state === 'sent');
        },
        { HERALD_OAUTH_TEST_ENDPOINTS: idp.origin },
      );
    } finally {
      await smtp.close();
      await idp[Symbol.asyncDispose]();
    }
  },
);
