import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildConsole } from '../scripts/build-console.js';
import { captureScreen, launchBrowser, printPage, signOut } from './support/browser.js';
import { adminToken, fastDeliveryEnv } from './support/herald-harness.js';
import { startHeraldProcess } from './support/herald-process.js';
import { startSmtpTestServer } from './support/smtp-test-server.js';
import { createTestDatabase } from './support/test-database.js';

// Real: the built console served by `herald start`, Debian's Chromium, the SMTP test server and the
// database of this run's dialect. An administrator sets the notification rules and templates in the
// console, a member chooses their own notifications; each effect is read back through the API.

test("notification rules, templates and a member's own choices in the console", { timeout: 240_000 }, async () => {
  await buildConsole({ quiet: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-console-rules-'));
  const database = await createTestDatabase();
  const smtp = await startSmtpTestServer();
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
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${herald.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const field = (label: string) => page.getByLabel(label, { exact: true });
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const admin = { email: 'rules-admin@herald.test', password: 'rules admin passphrase' };
  const member = { email: 'mia@acme.test', password: 'member passphrase 42' };
  const viewer = { email: 'vic@acme.test', password: 'viewer passphrase 42' };

  try {
    // The system's mail goes to the SMTP test server; a tenant with a member who can sign in.
    assert.equal(
      (
        await call('PUT', '/system/mail-server', {
          provider: 'smtp',
          host: '127.0.0.1',
          port: smtp.port,
          security: 'none',
          auth: 'none',
          fromAddress: 'alerts@herald.test',
          applyToAllTenants: true,
        })
      ).status,
      200,
    );
    assert.equal(
      (await call('POST', '/system/users', { email: admin.email, name: 'Rules Admin', role: 'system_admin', password: admin.password }))
        .status,
      201,
    );
    assert.equal((await call('POST', '/tenants', { id: 'acme', name: 'Acme Corp' })).status, 201);
    const created = await call('POST', '/tenants/acme/users', {
      email: member.email,
      name: 'Mia Member',
      role: 'member',
      password: member.password,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const memberId = created.body.id as string;

    await page.goto(`${herald.url}/notifications`);
    await field('E-mail').fill(admin.email);
    await field('Password').fill(admin.password);
    await field('Password').press('Enter');
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();

    // Admin recipients: an invalid and a duplicate address are refused inline; the count shows the
    // cap; nothing is stored before Save.
    const add = field('Add to admin recipients');
    await page.getByText('0 of 50').waitFor();
    await add.fill('not an address');
    await button('Add to admin recipients').click();
    await page.getByText('Add to admin recipients is not a valid address').waitFor();
    await add.fill('ops@example.com');
    await button('Add to admin recipients').click();
    await page.getByText('1 of 50').waitFor();
    await add.fill('oncall@example.com');
    await add.press('Enter');
    await page.getByText('2 of 50').waitFor();
    await add.fill('OPS@example.com');
    await page.getByText('ops@example.com is already in the list').waitFor();
    await button('Add to admin recipients').click();
    assert.deepEqual((await call('GET', '/system/recipients')).body.recipients, [], 'nothing is stored before Save');
    await page.getByText('Unsaved changes: + ops@example.com, + oncall@example.com').waitFor();
    await button('Save admin recipients').click();
    await page.getByText('Admin recipients saved.').waitFor();
    assert.deepEqual(
      (await call('GET', '/system/recipients')).body.recipients,
      ['ops@example.com', 'oncall@example.com'],
      'the duplicate was not sent',
    );
    await button('Remove oncall@example.com from admin recipients').click();
    await page.getByText('1 of 50').waitFor();
    await button('Save admin recipients').click();
    await page.getByText('Admin recipients saved.').waitFor();
    assert.deepEqual((await call('GET', '/system/recipients')).body.recipients, ['ops@example.com']);
    const section = (name: string) =>
      page
        .getByRole('navigation', { name: 'Notification settings' })
        .getByRole('link', { name: new RegExp(`^${name}`) })
        .click();

    // A threshold: 101 is refused inline, 0 disables and is stored.
    await section('Delivery');
    await field('CPU threshold (%)').fill('101');
    await button('Save delivery settings').click();
    await page.getByText('CPU threshold (%) must be a whole number from 0 to 100').waitFor();
    await field('CPU threshold (%)').fill('0');
    await field('Repeat interval').fill('30m');
    await button('Save delivery settings').click();
    await page.getByText('Delivery settings saved.').waitFor();
    const stored = (await call('GET', '/system/notifications')).body;
    assert.equal(stored.effective.thresholds.cpu, 0);
    assert.equal(stored.effective.repeatIntervalMs, 30 * 60_000);

    // Toggle an event type off and save: an event of that type is then recorded as suppressed.
    await section('Event types');
    await page.waitForURL(/section=event-types/);
    const toggle = field('Service stopped or failed');
    assert.equal(await toggle.inputValue(), 'inherit');
    await page.getByText('Sends — built-in default').first().waitFor();
    await toggle.selectOption('off');
    await page.locator('#toggle-service\\.failed-state', { hasText: 'changed, not saved' }).waitFor();
    await page.getByText('Unsaved changes: Service stopped or failed: off').waitFor();
    await button('Save event types').click();
    await page.getByText('Event types saved.').waitFor();
    await page.locator('#toggle-service\\.failed-state', { hasText: 'Does not send — set for the system' }).waitFor();
    const posted = await call('POST', '/events', {
      type: 'service.failed',
      severity: 'critical',
      data: { service: 'billing', state: 'failed', host: 'pbx-01' },
    });
    assert.equal(posted.status, 202);
    const recorded = (await call('GET', `/events/${posted.body.eventId}`)).body;
    assert.equal(recorded.outcome, 'suppressed');
    assert.match(recorded.reason, /^event_disabled/);
    // A tenant inherits the system's choice, and says where it comes from.
    await page.getByLabel('Scope', { exact: true }).selectOption('acme');
    await page.waitForURL(/\/notifications\/acme$/);
    await section('Event types');
    await page.locator('#toggle-service\\.failed-state', { hasText: 'Does not send — inherited from the system' }).waitFor();
    await page.getByLabel('Scope', { exact: true }).selectOption('system');
    await section('Event types');

    // Per-event recipients start as a copy of the admin list.
    await page.getByText('Recipients: the admin recipients for License limit reached').click();
    await button('Use its own list for License limit reached').click();
    await field('Add to recipients of license limit reached').fill('licences@example.com');
    await button('Add to recipients of license limit reached').click();
    await button('Save recipients of license limit reached').click();
    await page.getByText('Recipients: its own list of 2').waitFor();
    assert.deepEqual(
      (await call('GET', '/system/event-types')).body.items.find((t: { id: string }) => t.id === 'license.limit').override.recipients,
      ['ops@example.com', 'licences@example.com'],
    );

    // A recurring silence (UTC), listed, then a one-off without an end refused inline.
    await section('Silences');
    await page.getByRole('radio', { name: 'Recurring weekly' }).check();
    await field('Event type').selectOption('job.failed');
    await page.getByRole('checkbox', { name: 'Sunday' }).check();
    await field('Comment').fill('Weekly maintenance');
    await button('Create silence').click();
    await page.getByRole('row', { name: /Job failed \/ robot alert.*Sundays 02:00–04:00 UTC/ }).waitFor();
    const silences = (await call('GET', '/system/silences')).body.items;
    assert.deepEqual(
      silences.map((s: { recurring?: unknown; eventType?: string }) => [s.eventType, s.recurring]),
      [['job.failed', { days: [0], from: '02:00', to: '04:00' }]],
    );
    await page.getByRole('radio', { name: 'One-off' }).check();
    await button('Create silence').click();
    await page.getByText('Ends (UTC) is required for a one-off silence').waitFor();
    a11y.push(...(await captureScreen(page, 'notifications')));
    await page.getByRole('button', { name: /^Delete silence: Job failed/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete silence' }).click();
    await page.getByText('The silence was deleted.').waitFor();
    assert.deepEqual((await call('GET', '/system/silences')).body.items, []);

    // Templates: live preview, a syntax error refused with its line and column, revert to default.
    await nav('Templates').click();
    await field('Event type').selectOption('service.failed');
    await page.getByText('Built-in default', { exact: true }).waitFor();
    await field('Subject').fill('Down: {{ data.service }} on {{ data.host }}');
    await page.getByTestId('preview-subject').filter({ hasText: 'Down: media-server on pbx-01' }).waitFor();
    await field('HTML').fill('<p>The service {{ data.service }} stopped.</p>');
    await button('Save template').click();
    await page.getByText('Saved as version 1.').waitFor();
    await page.getByText('The system’s own template', { exact: true }).waitFor();
    assert.equal((await call('GET', '/system/templates/service.failed')).body.subject, 'Down: {{ data.service }} on {{ data.host }}');
    await field('HTML').fill('<p>The service\n  {{ data.service </p>');
    await page.getByText('The preview cannot render').waitFor();
    await button('Save template').click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The template was not saved' });
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /HTML, line 2, column 3: output "\{\{ data\.service <\/p>" not closed/);
    a11y.push(...(await captureScreen(page, 'templates')));
    assert.equal((await call('GET', '/system/templates/service.failed')).body.version, 1, 'the bad template was not stored');
    await button('Revert to default').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revert to default' }).click();
    await page.getByText('Built-in default', { exact: true }).waitFor();
    assert.equal((await call('GET', '/system/templates/service.failed')).body.origin, 'builtin');

    // The audit log names each of these changes readably, the settings with their field-level diff.
    await nav('Audit log').click();
    for (const action of [
      'Template deleted (inherits)',
      'Template saved',
      'Silence deleted',
      'Silence created',
      'Event toggle or recipients changed',
    ]) {
      await page
        .getByRole('row', { name: new RegExp(action.replace(/[()]/g, '\\$&')) })
        .first()
        .waitFor();
    }
    await page.getByLabel('Action', { exact: true }).selectOption('notifications.save');
    await button('Apply filters').click();
    await page.waitForURL(/action=notifications\.save/);
    await page.getByRole('row', { name: /^thresholds\.cpu — 0$/ }).waitFor();
    await page.getByRole('row', { name: /^repeatIntervalMs — 1800000$/ }).waitFor();

    // A member signs in and chooses their own notifications; a mandatory one is locked.
    await signOut(page);
    await page.goto(`${herald.url}/`);
    await field('E-mail').fill(member.email);
    await field('Password').fill(member.password);
    await field('Tenant id (optional)').fill('acme');
    await field('Password').press('Enter');
    await page.getByRole('heading', { name: 'My notifications', level: 1 }).waitFor(); // a member's start page
    const recovery = page.getByRole('checkbox', { name: 'Password recovery' });
    assert.equal(await recovery.isChecked(), true);
    assert.equal(await recovery.isDisabled(), true, 'a mandatory type cannot be turned off');
    await page.getByText('Always sent — cannot be turned off').first().waitFor();
    assert.equal(await page.getByRole('checkbox', { name: 'Job failed / robot alert' }).isChecked(), false, 'subscriptions start off');
    await page.getByRole('checkbox', { name: 'Job failed / robot alert' }).check();
    await page.getByRole('checkbox', { name: 'User created' }).uncheck();
    await page.getByText('2 unsaved changes').waitFor();
    await button('Save my choices').click();
    await page.getByText('Your choices were saved.').waitFor();
    a11y.push(...(await captureScreen(page, 'my-notifications')));
    const choices = (await call('GET', `/tenants/acme/users/${memberId}/preferences`)).body.preferences as Array<{
      type: string;
      receiving: boolean;
    }>;
    const receiving = Object.fromEntries(choices.map((p) => [p.type, p.receiving]));
    assert.equal(receiving['job.failed'], true);
    assert.equal(receiving['user.created'], false);
    assert.equal(receiving['password.recovery'], true);
    assert.equal(
      (await call('PUT', `/tenants/acme/users/${memberId}/preferences`, { preferences: { 'password.recovery': false } })).body.error.code,
      'opt_out_not_allowed',
      'the API refuses it too',
    );

    // A tenant viewer sees the tenant's rules but cannot start a change.
    assert.equal(
      (
        await call('POST', '/tenants/acme/users', {
          email: viewer.email,
          name: 'Vic Viewer',
          role: 'tenant_viewer',
          password: viewer.password,
        })
      ).status,
      201,
    );
    await signOut(page);
    await page.goto(`${herald.url}/notifications`);
    await field('E-mail').fill(viewer.email);
    await field('Password').fill(viewer.password);
    await field('Tenant id (optional)').fill('acme');
    await field('Password').press('Enter');
    await page.getByText('Read only: your role can see these settings but not change them.').waitFor();
    assert.equal(await field('Service stopped or failed').isDisabled(), true);
    assert.equal(await button('Turn email off').isDisabled(), true);
    await page.getByRole('navigation', { name: 'Notification settings' }).getByRole('link', { name: 'Delivery' }).click();
    assert.equal(await button('Save delivery settings').isDisabled(), true);
    assert.equal(await page.getByLabel('Scope', { exact: true }).count(), 0, 'no scope picker for a tenant user');
    // Templates: readable, but not previewed (a preview renders a template of the caller's choosing: settings:write).
    await nav('Templates').click();
    await page.getByText('Read only: your role can see templates but not change or preview them.').waitFor();
    await page
      .getByText('A preview renders the template, so it needs the permission to change settings, which your role does not have.')
      .waitFor();
    assert.equal(await page.getByTestId('preview-subject').count(), 0);

    assert.deepEqual(
      { accessibility: a11y, scriptErrors: browser.consoleErrors },
      { accessibility: [], scriptErrors: [] },
      'no serious or critical axe violations, no script errors, nothing the CSP blocked',
    );
  } catch (error) {
    await printPage(page);
    throw error;
  } finally {
    await Promise.all([browser.close(), herald.kill('SIGTERM'), smtp.close()]);
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
