import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConsole } from '../scripts/build-console.js';
import { accessibilityProblems, captureScreen, chromiumPath, eventually, launchBrowser, printPage, signOut } from './support/browser.js';
import { adminToken, fastDeliveryEnv } from './support/herald-harness.js';
import { startHeraldProcess } from './support/herald-process.js';
import { startSmtpTestServer, type HookDecision } from './support/smtp-test-server.js';
import { createTestDatabase } from './support/test-database.js';

// Real: the built console served by `herald start` in a child process, Debian's Chromium driven by
// playwright-core, the SMTP test server on 127.0.0.1, and the database of this run's dialect.
// Screenshots of every screen at 1280 and 390 px go to .tmp/screenshots/ (docs/screenshots/ with
// `npm run screenshots`), checked with axe-core.

const rejectUnknown = (address: string): HookDecision =>
  address.startsWith('nobody@') ? { code: 550, message: '5.1.1 No such user here' } : 'accept';

test("Debian's Chromium is installed for the browser tests (apt-get install -y chromium; .ci/run does it)", () => {
  assert.ok(existsSync(chromiumPath), `${chromiumPath} is missing: run apt-get install -y chromium`);
});

test(
  'an administrator runs mail end to end in the console: SMTP, tenants, deliveries, a failure and its resend',
  { timeout: 240_000 },
  async () => {
    await buildConsole({ quiet: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'herald-console-'));
    const database = await createTestDatabase();
    let smtp = await startSmtpTestServer({ onRcptTo: rejectUnknown });
    const smtpPort = smtp.port;
    const herald = await startHeraldProcess({
      HERALD_DATA_DIR: dataDir,
      HERALD_ADMIN_TOKEN: adminToken,
      ...database.env,
      ...fastDeliveryEnv,
      HERALD_RETRY_MAX_AGE: '2s',
      HERALD_LOG_LEVEL: 'warn',
    });
    const browser = await launchBrowser();
    const { page } = browser;
    const a11y: string[] = [];
    const postEvent = async (body: unknown) => {
      const response = await fetch(`${herald.url}/api/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.equal(response.status, 202, await response.text());
    };
    const field = (label: string) => page.getByLabel(label, { exact: true });
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const admin = { email: 'ada@herald.test', password: 'correct horse battery staple' };
    const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

    try {
      // The checker itself finds a real problem (an unlabelled field), so a clean result means something.
      await page.setContent('<!doctype html><html lang="en"><title>t</title><main><input type="text"></main></html>');
      assert.match((await accessibilityProblems(page)).join('\n'), /label/);

      // A fresh start prints the one-time setup link: the first administrator is created in the browser.
      const setupLink = /Create the first administrator \(one-time link\): (\S+)/.exec(herald.output())?.[1];
      assert.ok(setupLink, `herald start printed no setup link:\n${herald.output()}`);
      await page.goto(setupLink.replace(/token=.*/, 'token=not-the-token'));
      await field('Your name').fill('Ada Admin');
      await field('E-mail').fill(admin.email);
      await field('Password').fill('too short');
      await button('Create administrator').click();
      await page.getByText('Password must be at least 12 characters').waitFor();
      await field('Password').fill(admin.password);
      await field('Repeat the password').fill(admin.password);
      await button('Create administrator').click();
      await page.getByText('The setup link is not valid or was already used.').waitFor();
      await page.goto(setupLink);
      await field('Your name').fill('Ada Admin');
      await field('E-mail').fill(admin.email);
      await field('Password').fill(admin.password);
      await field('Repeat the password').fill(admin.password);
      a11y.push(...(await captureScreen(page, 'setup')));
      await button('Create administrator').click();
      await page.getByRole('heading', { name: 'System', level: 2 }).waitFor();
      await signOut(page);
      await field('E-mail').waitFor();
      await page.goto(setupLink);
      await page.getByText('this link is spent').waitFor();

      // Sign in with the keyboard: a wrong password is refused, the right one lets us in.
      await page.goto(`${herald.url}/deliveries`);
      await field('E-mail').waitFor();
      a11y.push(...(await captureScreen(page, 'sign-in')));
      await field('E-mail').fill(admin.email);
      await field('Password').fill('not-the-password-at-all');
      await field('Password').press('Enter');
      await page.getByText('The e-mail address or password is not right').waitFor();
      await field('Password').fill(admin.password);
      await field('Password').press('Enter');
      await page.getByRole('heading', { name: 'Deliveries', level: 1 }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Deliveries', level: 1 }).waitFor();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate('document.activeElement.textContent'), 'Skip to content', 'the first Tab reaches the skip link');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate('document.activeElement.id'), 'main', 'the skip link moves focus to the content');

      // Overview of a fresh install: the system uses the built-in mailbox.
      await nav('Overview').click();
      await page.getByRole('heading', { name: 'System', level: 2 }).waitFor();
      await page.getByText('System server (Built-in mailbox)').waitFor();

      // The built-in provider: a test email lands in the mailbox viewer.
      await nav('Mail server').click();
      await field('Provider').waitFor();
      assert.equal(await field('Provider').inputValue(), 'builtin');
      assert.equal(await field('Host').count(), 0, 'the built-in provider shows no server fields');
      await field('Test address').fill('viewer@example.com');
      await button('Send test email').click();
      await page.getByText('Test email: succeeded').waitFor();
      await nav('Mailbox').click();
      await page.getByRole('link', { name: 'Herald test email' }).first().click();
      await page.getByText('If you can read it, the mail server settings work.').first().waitFor();
      a11y.push(...(await captureScreen(page, 'mailbox-message')));
      await nav('Mailbox').click();
      await page.getByRole('cell', { name: 'viewer@example.com' }).waitFor();
      a11y.push(...(await captureScreen(page, 'mailbox')));

      // Configure the system SMTP server: security fills the port, inline validation, save + test.
      await nav('Mail server').click();
      await field('Provider').selectOption('gmail');
      await page.getByText('Server: smtp.gmail.com:587').waitFor();
      assert.equal(await field('Host').count(), 0, 'a hosted provider shows no server fields');
      assert.equal(await field('App password').count(), 1);
      await field('Provider').selectOption('smtp');
      await field('Security').selectOption('none');
      assert.equal(await field('Port').inputValue(), '25', 'choosing a security mode fills its port');
      await field('Security').selectOption('tls');
      assert.equal(await field('Port').inputValue(), '465');
      await field('Security').selectOption('none');
      await field('Port').fill(String(smtpPort));
      // A stored password is never shown, not even in the page's markup: "set — type to replace".
      await field('Host').fill('127.0.0.1');
      await field('Authentication').selectOption('password');
      await field('Username').fill('relay-user');
      await field('Password').fill('s3cret-Relay-pass');
      await field('Sender address').fill('alerts@herald.test');
      await button('Save').click();
      await page.getByText('Saved as version').waitFor();
      await page.reload();
      await field('Password').waitFor();
      assert.equal(await field('Password').inputValue(), '');
      assert.equal(await field('Password').getAttribute('placeholder'), 'set — type to replace');
      assert.ok(!(await page.content()).includes('s3cret-Relay-pass'), 'the password is not in the page');
      // The stored password stays with the settings it was saved for: the API says so on the field, and why.
      await field('Username').fill('another-user');
      await button('Save').click();
      await page.locator('.error-text', { hasText: /^Password must be given again: .*username changed$/ }).waitFor();
      await field('Username').fill('relay-user');
      await field('Port').fill(String(smtpPort + 1));
      await button('Verify connection').click();
      await page.getByText('The test was refused: type the password again for these settings').waitFor();
      await page.locator('.error-text', { hasText: /^Password must be given again: .*port changed$/ }).waitFor();
      await field('Port').fill(String(smtpPort));
      await field('Authentication').selectOption('none');
      assert.equal(await field('Password').count(), 0, 'no password field without authentication');
      await field('Host').fill('not a host!');
      await field('Sender address').fill('alerts@herald.test');
      await field('Display name').fill('Herald Alerts');
      await page.getByLabel('Apply to all tenants').check();
      await field('Send a test email after saving to (optional)').fill('ops@example.com');
      await button('Save and send test').click();
      await page.getByText('Host must be a host name or an IP address').waitFor();
      await field('Host').fill('127.0.0.1');
      await button('Save and send test').click();
      await page.getByText('Test email after saving: succeeded').waitFor();
      await page.getByText('Saved as version').waitFor();
      await smtp.waitFor(1);
      assert.deepEqual(smtp.received[0]!.to, ['ops@example.com']);
      const transcript = page.getByRole('region', { name: 'Test email after saving' });
      assert.match(await transcript.innerText(), /DATA[\s\S]*250/, "the transcript shows the server's replies");

      // A recipient the server refuses: the failing step is highlighted with the server's reply.
      await field('Test address').fill('nobody@example.com');
      await button('Send test email').click();
      const failedStep = page.locator('li.step-failed');
      await failedStep.waitFor();
      assert.match(await failedStep.innerText(), /RCPT TO[\s\S]*550 5\.1\.1 No such user here/);
      assert.equal(await failedStep.getAttribute('aria-current'), 'step');
      a11y.push(...(await captureScreen(page, 'mail-server-system')));

      // A tenant: created in the console, it inherits the system server, then gets its own.
      await nav('Tenants').click();
      await field('Name').fill('Acme Corp');
      await field('Id (optional)').fill('acme corp');
      await button('Create tenant').click();
      await page.getByText('Id (optional) must start with a letter or digit').waitFor();
      await field('Id (optional)').fill('acme');
      await button('Create tenant').click();
      await page.getByText('Tenant Acme Corp was created.').waitFor();
      const acmeRow = page.getByRole('row', { name: /Acme Corp/ });
      await acmeRow.getByText('Inherits').waitFor();
      await page.getByRole('link', { name: 'Mail server of Acme Corp' }).click();
      await page.getByText('Effective source: the system server').waitFor();
      await page.getByLabel('Uses its own settings').check();
      await field('Host').fill('127.0.0.1');
      await field('Security').selectOption('none');
      await field('Port').fill(String(smtpPort));
      await field('Authentication').selectOption('none');
      await field('Sender address').fill('acme-alerts@herald.test');
      await button('Save').click();
      await page.getByText('Effective source: its own server').waitFor();
      await page.getByText('Saved as version 1.').waitFor();
      assert.equal(await page.getByText('Unsaved changes').count(), 0, 'the form shows what was stored');
      a11y.push(...(await captureScreen(page, 'mail-server-tenant')));
      await nav('Tenants').click();
      await page
        .getByRole('row', { name: /Acme Corp/ })
        .getByText('Own server')
        .waitFor();
      a11y.push(...(await captureScreen(page, 'tenants')));

      // An event for the tenant, posted through the API, is delivered and shows in Deliveries.
      await postEvent({
        type: 'service.failed',
        tenant: 'acme',
        severity: 'critical',
        data: { service: 'billing' },
        recipients: ['oncall@example.com'],
      });
      await smtp.waitFor(2);
      assert.equal(smtp.received[1]!.from, 'acme-alerts@herald.test', "sent with the tenant's own settings");
      await nav('Deliveries').click();
      await eventually(
        page,
        async () =>
          (await page
            .getByRole('row', { name: /oncall@example\.com/ })
            .getByText('sent', { exact: true })
            .count()) > 0,
        'the delivery shows as sent',
      );

      // A permanent refusal and a stopped server both land in the failure history.
      await postEvent({
        type: 'service.failed',
        tenant: 'acme',
        severity: 'critical',
        data: { service: 'search' },
        recipients: ['nobody@example.com'],
      });
      await nav('Failure history').click();
      await eventually(
        page,
        async () =>
          (await page
            .getByRole('row', { name: /nobody@example\.com/ })
            .getByText('550 5.1.1 No such user here')
            .count()) > 0,
        "the refusal shows with the server's reply",
      );
      await smtp.close();
      await postEvent({
        type: 'disk.threshold',
        tenant: 'acme',
        severity: 'warning',
        data: { usage: 93 },
        recipients: ['storage@example.com'],
      });
      await eventually(
        page,
        async () =>
          (await page
            .getByRole('row', { name: /storage@example\.com/ })
            .getByText('failed', { exact: true })
            .count()) > 0,
        'the delivery to the stopped server has failed',
        30_000,
      );
      a11y.push(...(await captureScreen(page, 'failures')));
      await nav('Deliveries').click();
      await page.getByRole('row', { name: /storage@example\.com/ }).waitFor();
      a11y.push(...(await captureScreen(page, 'deliveries')));
      await page.getByLabel('Recipient', { exact: true }).fill('oncall@example.com');
      await button('Apply filters').click();
      await page.waitForURL(/recipient=oncall%40example\.com/);
      await eventually(
        page,
        async () => (await page.getByRole('row', { name: /storage@example\.com/ }).count()) === 0,
        'the filter leaves out other recipients',
      );
      assert.ok((await page.getByRole('row', { name: /oncall@example\.com/ }).count()) >= 1);

      // While the server is down, Verify connection points at the connect step.
      await nav('Mail server').click();
      await button('Verify connection').click();
      await page.getByText('Connection check: failed').waitFor();
      assert.match(await page.locator('li.step-failed').innerText(), /Connect/);

      // The server is back: resend the failed message from its detail page; it is delivered.
      smtp = await startSmtpTestServer({ port: smtpPort, onRcptTo: rejectUnknown });
      await nav('Failure history').click();
      await page
        .getByRole('row', { name: /storage@example\.com/ })
        .getByRole('link')
        .click();
      await page.getByRole('heading', { name: 'Attempts' }).waitFor();
      assert.match(await page.getByRole('region', { name: 'Attempts' }).innerText(), /connect/i, 'the attempts show where it failed');
      a11y.push(...(await captureScreen(page, 'delivery-failed')));
      await button('Resend').click();
      await smtp.waitFor(1);
      await page.locator('.badge', { hasText: /^sent$/ }).waitFor();
      assert.deepEqual(smtp.received[0]!.to, ['storage@example.com']);
      a11y.push(...(await captureScreen(page, 'delivery-resent')));

      // The overview now reflects it all.
      await nav('Overview').click();
      await page.getByRole('heading', { name: /Acme Corp/, level: 2 }).waitFor();
      await page
        .getByRole('img', { name: /Last 24 hours: [1-9]\d* sent, [1-9]\d* failed/ })
        .first()
        .waitFor();
      a11y.push(...(await captureScreen(page, 'overview')));

      // Inherit again: confirmed first, then the tenant uses the system server.
      await page.goto(`${herald.url}/mail-server/acme`);
      await page.getByLabel('Inherits the system settings').click(); // asks first: the radio changes only once confirmed
      await page.getByRole('dialog').getByRole('button', { name: 'Remove own settings' }).click();
      await page.getByText('Effective source: the system server').waitFor();

      // Rename, then delete after confirming (Cancel first changes nothing).
      await nav('Tenants').click();
      await button('Rename Acme Corp').click();
      await field('New name for acme').fill('Acme Inc');
      await button('Save name').click();
      await page.getByRole('row', { name: /Acme Inc/ }).waitFor();
      await button('Delete Acme Inc').click();
      await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
      assert.equal(await page.getByRole('row', { name: /Acme Inc/ }).count(), 1);
      await button('Delete Acme Inc').click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete tenant' }).click();
      await page.getByText('Tenant Acme Inc was deleted.').waitFor();
      await page.getByText('No tenants yet.').waitFor();

      assert.deepEqual(a11y, [], 'no serious or critical accessibility violations');
      assert.deepEqual(browser.consoleErrors, [], 'no script errors and nothing the Content-Security-Policy blocked');
    } catch (error) {
      await printPage(page); // what the page showed when it failed, for the test log
      throw error;
    } finally {
      await browser.close();
      await herald.kill('SIGTERM');
      await smtp.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);

test(
  'accounts in the console: users, API tokens, the audit log, a tenant viewer and a member, sign out',
  { timeout: 180_000 },
  async () => {
    await buildConsole({ quiet: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'herald-console-accounts-'));
    const database = await createTestDatabase();
    const herald = await startHeraldProcess({
      HERALD_DATA_DIR: dataDir,
      HERALD_ADMIN_TOKEN: adminToken,
      ...database.env,
      ...fastDeliveryEnv,
      HERALD_LOG_LEVEL: 'warn',
    });
    const browser = await launchBrowser();
    const { page } = browser;
    const a11y: string[] = [];
    const apiCall = async (method: string, path: string, body: unknown, token = adminToken) => {
      const response = await fetch(`${herald.url}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    };
    const field = (label: string) => page.getByLabel(label, { exact: true });
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
    const dialogButton = (name: string) => page.getByRole('dialog').getByRole('button', { name, exact: true });
    const admin = { email: 'root@herald.test', password: 'a long admin passphrase' };
    const signIn = async (email: string, password: string, tenantId = '') => {
      await field('E-mail').fill(email);
      await field('Password').fill(password);
      await field('Tenant id (optional)').fill(tenantId);
      await button('Sign in').click();
    };

    try {
      // The first administrator through the API's setup route; a tenant with its own password-protected server.
      const setupToken = /setup\?token=(\S+)/.exec(herald.output())?.[1];
      assert.ok(setupToken, 'a fresh start prints the setup link');
      const setup = await fetch(`${herald.url}/api/v1/auth/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: setupToken, name: 'Root', ...admin }),
      });
      assert.equal(setup.status, 200, await setup.text());
      assert.equal((await apiCall('POST', '/tenants', { id: 'acme', name: 'Acme Corp' })).status, 201);
      const saved = await apiCall('PUT', '/tenants/acme/mail-server', {
        provider: 'smtp',
        host: '127.0.0.1',
        port: 2525,
        security: 'none',
        auth: 'password',
        username: 'acme',
        password: 'acme-relay-secret',
        fromAddress: 'alerts@acme.test',
      });
      assert.equal(saved.status, 200, saved.text);

      await page.goto(`${herald.url}/`);
      await signIn(admin.email, admin.password);
      await page.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();

      // Users of the tenant: inline validation, the API's refusal, create, edit, disable, import, delete.
      await nav('Users').click();
      await page.getByRole('cell', { name: admin.email, exact: true }).waitFor();
      await page.getByLabel('Scope', { exact: true }).selectOption('acme');
      await page.waitForURL(/\/users\/acme$/);
      await page.getByText('No users yet.').waitFor();
      assert.deepEqual(
        await page.getByLabel('Role', { exact: true }).locator('option').allTextContents(),
        ['Tenant administrator', 'Tenant viewer', 'Member'],
        'only the roles a tenant may have',
      );
      await field('E-mail').fill('not an address');
      await field('Password (optional)').fill('short');
      await button('Create user').click();
      await page.getByText('E-mail is not a valid address').waitFor();
      await page.getByText('Password (optional) must be at least 12 characters').waitFor();
      await field('E-mail').fill('viewer@acme.test');
      await field('Name').fill('Vera Viewer');
      await page.getByLabel('Role', { exact: true }).selectOption('tenant_viewer');
      await field('Password (optional)').fill('viewer passphrase 1');
      await button('Create user').click();
      await page.getByText('viewer@acme.test was added.').waitFor();
      await field('E-mail').fill('viewer@acme.test');
      await field('Name').fill('Again');
      await button('Create user').click();
      await page.getByText('E-mail already has an account in this scope').waitFor();
      await field('E-mail').fill('mo@acme.test');
      await field('Name').fill('Mo Member');
      await field('Password (optional)').fill('member passphrase 1');
      await button('Create user').click();
      await page.getByText('mo@acme.test was added.').waitFor();
      await button('Edit viewer@acme.test').click();
      await page.getByLabel('Name', { exact: true }).last().fill('Vera V. Viewer');
      await button('Save user').click();
      await page.getByRole('cell', { name: 'Vera V. Viewer', exact: true }).waitFor();
      await page.getByText('Import users (CSV or JSON)').click();
      await field('Users to import').fill(
        'email,name,locale,role\nann@acme.test,Ann,de,member\nbad-address,Bob,,member\nann@acme.test,Ann again,,member',
      );
      await button('Import users').click();
      await page.getByText('2 rows to fix; nothing was imported').waitFor();
      await page.getByText(/Row 2 \(bad-address\): email is not a valid address/).waitFor();
      await page.getByText(/Row 3 \(ann@acme\.test\): email appears twice/).waitFor();
      await field('Users to import').fill('ann@acme.test,Ann,de,member\nmo@acme.test,Mo twice,,member');
      await button('Import users').click();
      await page.getByText(/Row 2 \(mo@acme\.test\): email already has an account in this scope/).waitFor(); // the API's refusal, on its row
      await field('Users to import').fill('ann@acme.test,Ann,de,member\n"Doe, Jane <x>",,,');
      await button('Import users').click();
      await page.getByText(/Row 2 \(Doe, Jane <x>\): email is not a valid address.*; name is required/).waitFor();
      await field('Users to import').fill('[{"email":"ann@acme.test","name":"Ann","locale":"de"},{"email":"cy@acme.test","name":"Cy"}]');
      await button('Import users').click();
      await page.getByText('2 users imported.').waitFor();
      await page
        .getByRole('row', { name: /cy@acme\.test/ })
        .getByText('Notifications only')
        .waitFor();
      await button('Disable cy@acme.test').click();
      await page
        .getByRole('row', { name: /cy@acme\.test/ })
        .getByText('Disabled')
        .waitFor();
      await button('Enable cy@acme.test').click();
      await page
        .getByRole('row', { name: /cy@acme\.test/ })
        .getByText('Notifications only')
        .waitFor();
      await button('Delete cy@acme.test').click();
      await dialogButton('Cancel').click();
      assert.equal(await page.getByRole('row', { name: /cy@acme\.test/ }).count(), 1, 'Cancel deletes nothing');
      await button('Delete cy@acme.test').click();
      await dialogButton('Delete user').click();
      await page.getByText('cy@acme.test was deleted.').waitFor();
      // The list reloads after the message: wait for the row to go rather than read it at once.
      await page.getByRole('row', { name: /cy@acme\.test/ }).waitFor({ state: 'detached' });
      a11y.push(...(await captureScreen(page, 'users')));

      // API tokens: created for the tenant, shown once, working, then revoked and refused.
      await page.goto(`${herald.url}/tokens/acme`);
      await page.getByText('No API tokens yet.').waitFor();
      await page.getByLabel('Post events (events:write)').uncheck();
      await button('Create token').click();
      await page.getByText('Label is required').waitFor();
      await page.getByText('Permissions needs at least one permission').waitFor();
      await field('Label').fill('billing service');
      await page.getByLabel('Post events (events:write)').check();
      await page.getByLabel('Read deliveries (deliveries:read)').check();
      await field('Expires on (optional)').fill('2099-12-31');
      await button('Create token').click();
      const token = await field('New token').inputValue();
      assert.match(token, /\S{20,}/);
      await page
        .getByRole('row', { name: /billing service/ })
        .getByText('events:write')
        .waitFor();
      await button('Copy token').click();
      await page
        .getByRole('status')
        .filter({ hasText: /Copied|Selected/ })
        .waitFor();
      a11y.push(...(await captureScreen(page, 'tokens')));
      const event = {
        type: 'service.failed',
        tenant: 'acme',
        severity: 'critical',
        data: { service: 'billing' },
        recipients: ['oncall@acme.test'],
      };
      assert.equal((await apiCall('POST', '/events', event, token)).status, 202, 'the new token works');
      await button('Done').click();
      assert.ok(!(await page.content()).includes(token), 'the token is shown once, then gone from the page');
      await page.reload();
      await page.getByRole('row', { name: /billing service/ }).waitFor();
      assert.ok(!(await page.content()).includes(token));
      await button('Revoke billing service').click();
      await dialogButton('Revoke token').click();
      await page.getByText('Token billing service was revoked').waitFor();
      await page
        .getByRole('row', { name: /billing service/ })
        .getByText('Revoked')
        .waitFor();
      assert.equal((await apiCall('POST', '/events', event, token)).status, 401, 'the revoked token is refused');

      // The audit log: filtered by action, with the field-level diff of the edit.
      await nav('Audit log').click();
      await page.getByRole('row', { name: /token\.revoke/ }).waitFor();
      await page.getByLabel('Action', { exact: true }).selectOption('user.update');
      await button('Apply filters').click();
      await page.waitForURL(/action=user\.update/);
      const diffRow = page.getByRole('row', { name: /user\.update/ });
      await diffRow.getByRole('cell', { name: 'Vera V. Viewer', exact: true }).waitFor();
      await eventually(
        page,
        async () => (await page.getByRole('row', { name: /token\.revoke/ }).count()) === 0,
        'the filter leaves out other actions',
      );
      a11y.push(...(await captureScreen(page, 'audit')));
      await page.getByLabel('Action', { exact: true }).selectOption('');
      await page.getByLabel('Scope', { exact: true }).selectOption('acme');
      await button('Apply filters').click();
      await page.waitForURL(/scope=acme/);
      await page.getByRole('row', { name: /user\.import/ }).waitFor();
      await eventually(
        page,
        async () => (await page.getByRole('row', { name: /auth\.setup/ }).count()) === 0,
        "the system's entries are filtered out",
      );

      // Change password: the API's refusal of a wrong current password, then success.
      await page.getByRole('link', { name: 'Account: Root' }).click();
      await field('Current password').fill('not my password at all');
      await field('New password').fill('a newer admin passphrase');
      await field('Repeat the new password').fill('a newer admin passphrase');
      await button('Change password').click();
      await page.getByText('Current password is wrong', { exact: true }).waitFor();
      await field('Current password').fill(admin.password);
      await button('Change password').click();
      await page.getByText('Your password was changed').waitFor();
      a11y.push(...(await captureScreen(page, 'account')));

      // Sign out ends the session on the server, not only in the page.
      const cookies = (await browser.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
      await signOut(page);
      const after = await fetch(`${herald.url}/api/v1/auth/session`, { headers: { cookie: cookies } });
      assert.equal(after.status, 401, 'the old session cookie no longer works');
      await page.goto(`${herald.url}/users`);
      await field('E-mail').waitFor();

      // A tenant viewer: no users, tenants or tokens; the mail server read-only, no password field, no tests, no Save.
      await signIn('viewer@acme.test', 'viewer passphrase 1', 'globex');
      await page.getByText('The e-mail address or password is not right').waitFor();
      await signIn('viewer@acme.test', 'viewer passphrase 1'); // the one tenant with this account is found
      await nav('Mail server').waitFor();
      assert.deepEqual(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents(), [
        'Overview',
        'Mail server',
        'Deliveries',
        'Failure history',
        'Events',
        'Alerts',
        'Notifications',
        'Templates',
        'Mailbox',
        'My notifications',
      ]);
      await nav('Mail server').click();
      await page.getByText('Read only').waitFor();
      await page.locator('dd', { hasText: '127.0.0.1:2525' }).waitFor();
      assert.equal(await page.getByLabel(/password/i).count(), 0, 'no password field');
      assert.equal(await page.getByRole('button', { name: /Send test|Verify|Save/ }).count(), 0, 'no Send test, Verify or Save');
      assert.ok(!(await page.content()).includes('acme-relay-secret'));
      a11y.push(...(await captureScreen(page, 'mail-server-viewer')));
      await page.goto(`${herald.url}/users`);
      await page.getByRole('heading', { name: 'Not available to your account' }).waitFor();
      await signOut(page);

      // A member sees only My notifications and their account.
      await page.goto(`${herald.url}/`);
      await signIn('mo@acme.test', 'member passphrase 1', 'acme');
      await page.waitForURL(/\/my-notifications$/);
      assert.deepEqual(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents(), ['My notifications']);
      await page.getByRole('link', { name: 'Account: Mo Member' }).waitFor();
      await signOut(page);

      // Too many wrong passwords: a clear message with the wait.
      for (let i = 0; i < 6; i++) {
        await signIn('nobody@acme.test', `wrong password ${i}`, 'acme');
        await page
          .getByText(/not right|Too many/)
          .last()
          .waitFor();
      }
      await page.getByText(/Too many failed sign-ins from this address\. Try again in 15 minutes\./).waitFor();

      assert.deepEqual(a11y, [], 'no serious or critical accessibility violations');
      assert.deepEqual(browser.consoleErrors, [], 'no script errors and nothing the Content-Security-Policy blocked');
    } catch (error) {
      await printPage(page);
      throw error;
    } finally {
      await browser.close();
      await herald.kill('SIGTERM');
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
