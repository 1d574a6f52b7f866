import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openAsAdmin, withConsole, type ConsoleHarness } from './support/console-harness.js';
import { startFakeIdentityProvider, type FakeIdentityProvider } from './support/fake-identity-provider.js';
import { startSmtpTestServer, type SmtpTestServer } from './support/smtp-test-server.js';
import { manualClock } from './support/test-clock.js';
import { until } from './support/until.js';
import { oauthMailbox, oauthServer } from './support/oauth-sign-in.js';
import { appCertificate } from './support/certificates.js';
import { oauthMailServer } from './support/oauth-rig.js';

// Real: `herald start` serving the built console, Debian's Chromium, this run's database, the fake
// identity provider of test/support on 127.0.0.1 (HERALD_OAUTH_TEST_ENDPOINTS points every
// Microsoft and Google endpoint at it; its authorize endpoint shows a consent page the browser
// answers with Accept or Cancel) and an smtp-server that accepts only AUTH XOAUTH2 with a token
// that provider issued and that has not expired. The fake provider's clock is moved by hand to make
// the access token Herald holds expire.

const mailbox = oauthMailbox;
const clientSecret = 'app-Secret-Value-console-7Hk2';

const deliveryState = async (c: ConsoleHarness, id: string) =>
  (await c.call('GET', `/deliveries/${id}`)).body as { state: string; heldReason?: string | null };

interface OAuthConsole {
  c: ConsoleHarness;
  idp: FakeIdentityProvider;
  smtp: SmtpTestServer;
  clock: ReturnType<typeof manualClock>;
}

/**
 * The console with the system mail server of `provider` (OAuth2, the mailbox as username) pointed
 * at the test SMTP server, which the console's form cannot do: its hosted servers are fixed.
 */
async function withOAuthConsole(provider: 'microsoft365' | 'gmail', body: (o: OAuthConsole) => Promise<void>) {
  const clock = manualClock();
  const idp = await startFakeIdentityProvider({ clock, clients: { 'app-1': clientSecret }, consentPage: true });
  const smtp = await startSmtpTestServer({ xoauth2: (user, token) => idp.accepts(user, token) });
  try {
    await withConsole(
      async (c) => {
        const server = await c.call('PUT', '/system/mail-server', oauthServer(smtp, provider));
        assert.equal(server.status, 200, JSON.stringify(server.body));
        await openAsAdmin(c, '/mail-server');
        await c.page.getByRole('heading', { name: 'OAuth2 connection' }).waitFor();
        assert.equal(await c.field('Authentication').inputValue(), 'oauth2');
        await body({ c, idp, smtp, clock });
      },
      { HERALD_OAUTH_TEST_ENDPOINTS: idp.origin },
    );
  } finally {
    await smtp.close();
    await idp[Symbol.asyncDispose]();
  }
}

/** Saves a sign-in mode's connection (app-1 and its secret) and checks the redirect URI it asks to register. */
async function saveSignInConnection(c: ConsoleHarness, mode: 'microsoft_delegated' | 'google_signin') {
  const [provider, name] = mode === 'google_signin' ? ['google', 'Google'] : ['microsoft', 'Microsoft'];
  await c.field('Connection mode').selectOption(mode);
  await c.field('Client id').fill('app-1');
  await c.field('Client secret').fill(clientSecret);
  await c.button('Save connection').click();
  await c.page.getByText(`Saved. Register the redirect URI, then connect with ${name}.`).waitFor();
  assert.equal(await c.field('Redirect URI to register (type Web)').inputValue(), `${c.herald.url}/oauth/callback/${provider}`);
}

/** On the provider's consent page: what it asks for (saved as `capture`, if given), then Accept or Cancel. */
async function answerConsent(c: ConsoleHarness, idp: FakeIdentityProvider, decision: 'Accept' | 'Cancel', scope: RegExp, capture?: string) {
  const { page } = c;
  await page.getByRole('heading', { name: 'Permissions requested' }).waitFor();
  assert.equal(new URL(page.url()).origin, idp.origin, "on the provider's page");
  const text = await page.locator('main').innerText();
  assert.match(text, /The app app-1 would like to:/);
  assert.match(text, scope);
  assert.match(text, new RegExp(mailbox.replace('.', '\\.')));
  if (capture) await c.capture(capture);
  await c.button(decision).click();
}

/** The test email of the mail-server screen, over XOAUTH2. */
async function sendTestEmail({ c, smtp }: OAuthConsole, count: number) {
  await c.field('Test address').fill('ops@example.com');
  await c.button('Send test email').click();
  await c.page.getByText('Test email: succeeded').waitFor();
  await smtp.waitFor(count);
  assert.deepEqual(smtp.received[count - 1]!.to, ['ops@example.com']);
}

test(
  'Connect with Microsoft in the console: Cancel on the consent page is shown in words and leaves it not connected; Accept connects, a test email is delivered; a revoked grant holds the mail, Overview shows Reconnect, reconnecting sends it',
  { timeout: 240_000 },
  async () => {
    await withOAuthConsole('microsoft365', async (o) => {
      const { c, idp, smtp, clock } = o;
      const { page } = c;

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
      await c.field('Directory (tenant) id').fill('');
      await saveSignInConnection(c, 'microsoft_delegated');
      assert.equal(await c.field('Client secret').inputValue(), '', 'the secret is write-only: not shown after saving');
      await page.getByText('Not connected yet').waitFor();
      await c.capture('oauth-connection-form');

      // Cancel at Microsoft: back in the console, the refusal in words, still not connected.
      await c.button('Connect with Microsoft').click();
      await answerConsent(c, idp, 'Cancel', /SMTP\.Send/, 'oauth-consent-page');
      const refusal = page.getByRole('alert').filter({ hasText: 'The sign-in did not complete' });
      await refusal.waitFor();
      assert.match(await refusal.innerText(), /Sign-in was cancelled at Microsoft: AADSTS65004: the user declined to consent to the app/);
      assert.equal(new URL(page.url()).pathname, '/mail-server', 'back on the mail-server screen');
      await page.getByText('Not connected yet').waitFor();
      await c.capture('oauth-sign-in-cancelled');
      const stored = await c.call('GET', '/system/mail-server/oauth');
      assert.equal(stored.body.connected, false, JSON.stringify(stored.body));
      assert.equal(idp.requests.length, 0, 'no code, so no token request');

      // Accept at Microsoft: connected.
      await c.button('Connect with Microsoft').click();
      await answerConsent(c, idp, 'Accept', /SMTP\.Send/);
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

      await sendTestEmail(o, 1);

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

      // Overview: Reconnect for the system scope; consenting again releases the held mail.
      idp.restore();
      await c.nav('Overview').click();
      const card = page.locator('section.card', { hasText: 'The mailbox must be reconnected.' });
      await card.waitFor();
      await c.capture('oauth-overview-reconnect');
      await card.getByRole('button', { name: 'Reconnect' }).click();
      await answerConsent(c, idp, 'Accept', /SMTP\.Send/);
      await page.getByText(`Connected as ${mailbox}.`).waitFor();
      await smtp.waitFor(2);
      await until('the held mail is sent', async () => (await deliveryState(c, id)).state === 'sent');
    });
  },
);

test(
  'Connect with Google in the console: the consent page, Accept, connected, a test email delivered over XOAUTH2',
  { timeout: 240_000 },
  async () => {
    await withOAuthConsole('gmail', async (o) => {
      const { c, idp } = o;
      const { page } = c;
      await saveSignInConnection(c, 'google_signin');

      await c.button('Connect with Google').click();
      await answerConsent(c, idp, 'Accept', /https:\/\/mail\.google\.com\//);
      await page.getByText(`Connected as ${mailbox}.`).waitFor();
      const facts = await page.locator('.oauth-panel .facts').innerText();
      assert.match(facts, /Connected account\s+alerts@contoso\.test/);
      assert.match(facts, /mail\.google\.com/);
      assert.ok(
        idp.requests.some((r) => r.grant === 'authorization_code' && r.status === 200),
        'the code was redeemed',
      );

      await sendTestEmail(o, 1);
      assert.deepEqual(
        o.smtp.authentications.map((a) => [a.user, a.ok]),
        o.smtp.authentications.map(() => [mailbox, true]),
        'every AUTH XOAUTH2 was accepted',
      );
    });
  },
);

test(
  "App-only with a certificate, shared with tenants, in the console: the tenant's admin picks the system's app and connects its own mailbox",
  { timeout: 240_000 },
  async () => {
    // Herald runs on the real clock here: the certificate is valid around now.
    const clock = manualClock();
    const credential = await appCertificate({
      notBefore: new Date(Date.now() - 86_400_000),
      notAfter: new Date(Date.now() + 365 * 86_400_000),
    });
    const idp = await startFakeIdentityProvider({ clock, certificateClients: { 'app-cert': credential.cert } });
    const smtp = await startSmtpTestServer({ xoauth2: (user, token) => idp.accepts(user, token) });
    const server = (username: string) => oauthMailServer(smtp, 'microsoft365', username, { rateLimitPerSecond: undefined });
    try {
      await withConsole(
        async (c) => {
          const { page } = c;
          assert.equal((await c.call('PUT', '/system/mail-server', server(mailbox))).status, 200);
          await openAsAdmin(c, '/mail-server');
          await page.getByRole('heading', { name: 'OAuth2 connection' }).waitFor();
          await c.field('Connection mode').selectOption('microsoft_app');
          await c.field('Directory (tenant) id').fill('contoso.example');
          await c.field('Client id').fill('app-cert');
          await c.field('App credential').selectOption('certificate');
          assert.equal(await page.getByLabel('Client secret').count(), 0, 'a secret or a certificate, not both');
          await c.field('Certificate (PEM)').fill(credential.cert);
          await c.field('Private key (PEM)').fill('-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----');
          await c.button('Save connection').click();
          await page.getByText('Private key (PEM) is not a readable PEM private key').waitFor();
          await c.field('Private key (PEM)').fill(credential.key);
          await page.getByLabel('Let tenants connect with this app').check();
          await c.button('Save connection').click();
          await page.getByText('Herald got a token: the mailbox is connected.').waitFor();
          assert.equal(await c.field('Private key (PEM)').inputValue(), '', 'the key is write-only');
          const facts = await page.locator('.oauth-panel .facts').innerText();
          assert.match(facts, /Certificate\s+CN=Herald app credential, thumbprint [0-9A-F]{40}/);
          assert.match(facts, /Tenants\s+May connect with this app/);
          assert.ok(!(await page.content()).includes(credential.key.split('\n')[2]!), 'no key in the page');

          // A tenant's mail server on Microsoft 365: its OAuth2 form offers the system's app.
          assert.equal((await c.call('POST', '/tenants', { id: 'acme', name: 'Acme' })).status, 201);
          const tenantServer = await c.call('PUT', '/tenants/acme/mail-server', server('alerts@acme.test'));
          assert.equal(tenantServer.status, 200, JSON.stringify(tenantServer.body));
          await page.goto(`${c.herald.url}/mail-server/acme`);
          await page.getByRole('heading', { name: 'OAuth2 connection' }).waitFor();
          await c.field('App registration').selectOption('system');
          assert.equal(await page.getByLabel('Client id').count(), 0, "no client id to enter with the system's app");
          await c.button('Save connection').click();
          await page.getByText("Saved. Connect with Microsoft to sign in with the system's app.").waitFor();
          await page.locator('.oauth-panel .facts').getByText("The system's app").waitFor();
          await c.button('Connect with Microsoft').click();
          await page.getByText('Connected as alerts@acme.test.').waitFor();
          const event = await c.call('POST', '/events', {
            tenant: 'acme',
            type: 'service.failed',
            severity: 'critical',
            recipients: ['ops@example.com'],
            data: { service: 'sip-proxy' },
          });
          assert.equal(event.status, 202, JSON.stringify(event.body));
          await smtp.waitFor(1);
          assert.deepEqual(
            smtp.authentications.map((a) => [a.user, a.ok]),
            [['alerts@acme.test', true]],
          );
        },
        { HERALD_OAUTH_TEST_ENDPOINTS: idp.origin },
      );
    } finally {
      await smtp.close();
      await idp[Symbol.asyncDispose]();
    }
  },
);
