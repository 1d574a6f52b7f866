import { test } from 'node:test';
import assert from 'node:assert/strict';
import { widths } from './support/browser.js';
import { selfSignedCertificate } from './support/certificates.js';
import { openAsAdmin, withConsole, type ConsoleHarness } from './support/console-harness.js';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { startNtlmSmtpServer } from './support/ntlm-smtp-server.js';

// Real: `herald start` serving the built console, Debian's Chromium, the SMTP test server on
// 127.0.0.1 and this run's database. The mail-server form as a new administrator meets it:
// switching provider, errors only after a field is touched, tests refused with what to fix.

const focusedName = (c: ConsoleHarness) =>
  c.page.evaluate(
    () =>
      (
        globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }
      ).document.activeElement?.getAttribute('name') ?? null,
  );
const shownErrors = (c: ConsoleHarness) => c.page.locator('.error-text').allInnerTexts();

test(
  'mail server form: a provider starts from its own defaults, errors wait for a touch or a submit, tests say what to fix',
  { timeout: 180_000 },
  async () => {
    const smtp = await startSmtpTestServer();
    try {
      await withConsole(async (c) => {
        const { page } = c;
        await openAsAdmin(c, '/mail-server');
        await c.field('Provider').waitFor();
        assert.equal(await c.field('Provider').inputValue(), 'builtin', 'a fresh system uses the built-in mailbox');

        // Microsoft 365: nothing of the built-in provider carried over, no error before anything is typed.
        await c.field('Provider').selectOption('microsoft365');
        assert.equal(await c.field('Sender address').inputValue(), '', 'the built-in sender is not carried over');
        assert.deepEqual(await shownErrors(c), [], 'no error before a field is touched');
        await c.field('Username').focus();
        await c.field('Username').blur();
        await page.getByText('Username is required').waitFor();

        // Generic SMTP: its defaults (STARTTLS on 587), the error of the last provider gone.
        await c.field('Provider').selectOption('smtp');
        assert.equal(await c.field('Security').inputValue(), 'starttls');
        assert.equal(await c.field('Port').inputValue(), '587');
        assert.deepEqual(await shownErrors(c), []);

        // Verify with an invalid form, on a phone: the test panel says what to fix, the first field has focus.
        await page.setViewportSize(widths.phone);
        await c.button('Verify connection').click();
        const toFix = page.getByRole('alert').filter({ hasText: 'The connection was not checked: fix these first' });
        await toFix.waitFor();
        assert.deepEqual(await toFix.getByRole('listitem').allInnerTexts(), [
          'Host is required for an SMTP server',
          'Username is required',
          'Password is required with password authentication',
        ]);
        assert.equal(await focusedName(c), 'host', 'the first field to fix has focus');
        await c.capture('mail-server-test-refused');
        await page.setViewportSize(widths.desktop);

        // A valid form: the check runs; changing the settings clears its result.
        await c.field('Host').fill('127.0.0.1');
        await c.field('Security').selectOption('none');
        await c.field('Port').fill(String(smtp.port));
        await c.field('Authentication').selectOption('none');
        await c.field('Sender address').fill('alerts@herald.localhost'); // a test may send only as the saved sender's domain
        await c.button('Verify connection').click();
        await page.getByText('Connection check: succeeded').waitFor();
        await c.field('Port').fill('2');
        assert.equal(await page.getByText('Connection check: succeeded').count(), 0, 'the result of other settings is gone');
        await c.field('Port').fill(String(smtp.port));

        // Send test without an address: said in the panel, the address gets focus.
        await c.button('Send test email').click();
        await page
          .getByRole('alert')
          .filter({ hasText: 'No test email was sent: fix this first' })
          .getByText('Test address is required to send a test email')
          .waitFor();
        assert.equal(await focusedName(c), 'testAddress');
        await c.field('Test address').fill('ops@example.com');
        await c.button('Send test email').click();
        await page.getByText('Test email: succeeded').waitFor();
        await smtp.waitFor(1);

        // Gmail: the SMTP test result is gone; Save with nothing typed shows the errors and focuses the first.
        await c.field('Provider').selectOption('gmail');
        assert.equal(await page.getByText('Test email: succeeded').count(), 0, "the last provider's result is gone");
        assert.deepEqual(await shownErrors(c), []);
        await c.button('Save').click();
        await page.getByText('Username is required').waitFor();
        assert.equal(await focusedName(c), 'username');

        // Back to the saved provider (the built-in one): its saved values come back.
        await c.field('Provider').selectOption('builtin');
        assert.equal(await c.field('Sender address').inputValue(), 'no-reply@herald.localhost');
        assert.equal(await page.getByText('Unsaved changes').count(), 0);

        // Who the notifications reach is on this page too: an invalid address is flagged as it is typed.
        const add = c.field('Add to admin recipients');
        await add.fill('ops@exa');
        assert.deepEqual(await shownErrors(c), [], 'not judged before the address could be whole… ');
        await add.fill('ops@exa mple.com');
        await page.getByText('Add to admin recipients is not a valid address').waitFor();
        await add.fill('ops@example.com');
        assert.deepEqual(await shownErrors(c), []);
        await add.press('Enter');
        await page.getByText('1 of 50').waitFor();
        await c.button('Save admin recipients').click();
        await page.getByText('Admin recipients saved.').waitFor();
        assert.deepEqual((await c.call('GET', '/system/recipients')).body.recipients, ['ops@example.com']);
        await page.getByRole('link', { name: 'Notifications', exact: true }).and(page.locator('main a')).click();
        await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
      });
    } finally {
      await smtp.close();
    }
  },
);

test(
  'mail server form: a CA certificate uploaded or pasted (subject and expiry shown) lets a self-signed server be verified; pool size and rate; an unchecked certificate is a warning; the Overview lists scopes still on a password',
  { timeout: 180_000 },
  async () => {
    const smtp = await startSmtpTestServer({ security: 'starttls' });
    const { cert } = await selfSignedCertificate();
    try {
      await withConsole(async (c) => {
        const { page } = c;
        await openAsAdmin(c, '/mail-server');
        await c.field('Provider').selectOption('smtp');
        await c.field('Host').fill('127.0.0.1');
        await c.field('Port').fill(String(smtp.port));
        await c.field('Authentication').selectOption('none');
        await c.field('Sender address').fill('alerts@herald.localhost');

        // Not trusted yet: the hint points at the field that fixes it.
        await c.button('Verify connection').click();
        await page.getByText('Connection check: failed').waitFor();
        assert.match(await page.locator('.failure-hint').innerText(), /Advanced → CA certificate/);

        await page.getByText('Advanced', { exact: true }).click();
        await c.field('CA certificate (PEM, optional)').fill('not a certificate');
        await c.field('CA certificate (PEM, optional)').blur();
        await page.getByText('CA certificate (PEM, optional) holds no certificate').waitFor();
        await page
          .getByLabel('Upload a .pem or .crt file instead')
          .setInputFiles({ name: 'server-ca.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(cert) });
        const shown = page.getByRole('list', { name: 'CA certificates' });
        await shown.waitFor();
        assert.match(await shown.innerText(), /CN=localhost \(self-signed\), valid until \d{4}-\d\d-\d\d/);
        assert.equal(await page.getByText('holds no certificate').count(), 0);
        await c.button('Verify connection').click();
        await page.getByText('Connection check: succeeded').waitFor();

        await c.field('Connections at once').fill('2');
        await c.field('Messages per second (optional)').fill('10');
        await c.button('Save').click();
        await page.getByText(/Saved as version/).waitFor();
        const stored = (await c.call('GET', '/system/mail-server')).body;
        assert.deepEqual([stored.tlsCa?.trim(), stored.poolSize, stored.rateLimitPerSecond], [cert.trim(), 2, 10]);

        // Saved with a CA: Advanced opens by itself and shows it.
        await page.reload();
        await shown.waitFor();
        assert.equal(await page.locator('details', { hasText: 'Advanced' }).getAttribute('open'), '');

        // Certificate checks off, once saved: a warning outside Advanced, with the switch to turn it back on.
        await page.getByLabel('Accept an invalid TLS certificate (not recommended; logged)').check();
        await c.button('Save').click();
        await page.getByText(/Saved as version/).waitFor();
        await page.reload();
        const warning = page.getByRole('note').filter({ hasText: "This server's certificate is not checked." });
        await warning.waitFor();
        await page.locator('details', { hasText: 'Advanced' }).evaluate((details) => {
          (details as unknown as { open: boolean }).open = false;
        });
        assert.equal(
          await warning.getByLabel('Accept an invalid TLS certificate (not recommended; logged)').isVisible(),
          true,
          'visible without opening Advanced',
        );
        await c.capture('mail-server-unchecked-certificate');

        // Deprecation pre-flight on the Overview: every scope still on a password at Microsoft or Google.
        for (const [id, provider] of [
          ['acme', 'microsoft365'],
          ['globex', 'gmail'],
        ] as const) {
          assert.equal((await c.call('POST', '/tenants', { id, name: id.toUpperCase() })).status, 201);
          const saved = await c.call('PUT', `/tenants/${id}/mail-server`, {
            provider,
            host: '127.0.0.1',
            port: smtp.port,
            auth: 'password',
            username: `alerts@${id}.test`,
            password: 'app-password-1',
          });
          assert.equal(saved.status, 200, JSON.stringify(saved.body));
        }
        await c.nav('Overview').click();
        const retiring = page.getByRole('region', { name: 'Scopes on password authentication' });
        await retiring.waitFor();
        const rows = await retiring.getByRole('row').allInnerTexts();
        assert.equal(rows.length, 3, rows.join('\n'));
        assert.match(rows[1]!, /ACME[\s\S]*Microsoft 365[\s\S]*2026-12-31[\s\S]*App-only \(client credentials\)/);
        assert.match(rows[2]!, /GLOBEX[\s\S]*Gmail[\s\S]*2025-03-14 \(already: only app passwords work\)[\s\S]*Sign in with Google/);
        await c.capture('overview-password-retiring');
        await retiring.getByRole('link', { name: 'ACME mail server' }).click();
        await page.waitForURL(/\/mail-server\/acme$/);
      });
    } finally {
      await smtp.close();
    }
  },
);

test(
  'mail server form: NTLM for an on-premises Exchange asks for the Windows domain, checks it as typed, verifies and saves',
  { timeout: 180_000 },
  async () => {
    await using exchange = await startNtlmSmtpServer({
      accounts: [{ domain: 'CORP', user: 'svc-herald', password: 'pw-Console-Ntlm-5u6v' }],
    });
    await withConsole(async (c) => {
      const { page } = c;
      await openAsAdmin(c, '/mail-server');
      await c.field('Provider').selectOption('smtp');
      await c.field('Host').fill('127.0.0.1');
      await c.field('Security').selectOption('none');
      await c.field('Port').fill(String(exchange.port));
      assert.equal(await c.field('Domain').count(), 0, 'no domain field without NTLM');
      await c.field('Authentication').selectOption('ntlm');
      await c.field('Domain').focus();
      await c.field('Domain').blur();
      await page.getByText('Domain is required with NTLM').waitFor();
      await c.field('Domain').fill('CORP\\svc-herald');
      await page.getByText('Domain must be a NetBIOS name').waitFor();
      await c.field('Domain').fill('CORP');
      await c.field('Username').fill('svc-herald');
      await c.field('Password').fill('pw-Console-Ntlm-5u6v');
      await c.field('Sender address').fill('alerts@herald.localhost');
      assert.deepEqual(await shownErrors(c), []);

      await c.button('Verify connection').click();
      await page.getByText('Connection check: succeeded').waitFor();
      assert.deepEqual(exchange.authentications.at(-1), { user: 'svc-herald', domain: 'CORP', workstation: '', ok: true });

      await c.field('Workstation (optional)').fill('HERALD01');
      await c.button('Save').click();
      await page.getByText(/Saved as version/).waitFor();
      const stored = (await c.call('GET', '/system/mail-server')).body;
      assert.deepEqual([stored.auth, stored.domain, stored.workstation, stored.passwordSet], ['ntlm', 'CORP', 'HERALD01', true]);
      await page.reload();
      assert.equal(await c.field('Domain').inputValue(), 'CORP', 'the saved domain comes back');
      assert.equal(await c.field('Password').inputValue(), '', 'the password never does');
    });
  },
);
