import { test } from 'node:test';
import assert from 'node:assert/strict';
import { widths } from './support/browser.js';
import { openAsAdmin, withConsole, type ConsoleHarness } from './support/console-harness.js';

// Real: `herald start` serving the built console, Debian's Chromium, this run's database. The
// notification settings as an administrator reads them: every "now" text comes from the API's
// effective value and where it comes from, and what an empty field would inherit.

/** The hint under a field (what its aria-describedby points at), as one line. */
async function hintOf(c: ConsoleHarness, label: string): Promise<string> {
  const ids = (await c.field(label).getAttribute('aria-describedby')) ?? '';
  const hint = ids.split(' ').find((id) => id.endsWith('-hint'));
  assert.ok(hint, `${label} has a hint`);
  return (await c.page.locator(`[id="${hint}"]`).innerText()).replace(/\s+/g, ' ');
}

test(
  'notification settings: what applies now and where it comes from, what an empty field inherits; the email switch on top, one section at a time, nothing stored before Save',
  { timeout: 180_000 },
  async () => {
    await withConsole(async (c) => {
      const { page } = c;
      assert.equal((await c.call('POST', '/tenants', { id: 'acme', name: 'Acme Corp' })).status, 201);
      await openAsAdmin(c, '/notifications?section=delivery');
      await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
      const emailSwitch = page.getByRole('region', { name: 'Email notifications' });
      assert.match(await emailSwitch.innerText(), /Email notifications\s+On\s+the built-in default/);

      // Thresholds 85 / 0 / 95 for the system: each says its own value, and that empty gives the built-in 90%.
      await c.field('CPU threshold (%)').fill('85');
      await c.field('Memory threshold (%)').fill('0');
      await c.field('Disk threshold (%)').fill('95');
      await c.button('Save delivery settings').click();
      await page.getByText('Delivery settings saved.').waitFor();
      assert.match(await hintOf(c, 'CPU threshold (%)'), /Now 85% \(set here\)\. Empty uses the built-in default: 90%\./);
      assert.match(await hintOf(c, 'Memory threshold (%)'), /Now disabled \(set here\)\. Empty uses the built-in default: 90%\./);
      assert.equal(await c.field('CPU threshold (%)').getAttribute('placeholder'), '90', 'the placeholder is what empty gives');
      await c.field('CPU threshold (%)').fill('');
      await c.button('Save delivery settings').click();
      await page.getByText('Delivery settings saved.').waitFor();
      await page.getByText('Now 90% (the built-in default)').waitFor();

      // Durations are typed and shown back as durations; a bare number is refused (its unit is unknown).
      assert.equal(await c.field('Repeat interval').getAttribute('placeholder'), '12h');
      await c.field('Repeat interval').fill('90');
      await c.button('Save delivery settings').click();
      await page.getByText('Repeat interval must be a duration such as 30m, 12h or 1d (a number needs its unit)').waitFor();
      await c.field('Repeat interval').fill('90m');
      await c.field('Group window').fill('45s');
      await c.button('Save delivery settings').click();
      await page.getByText('Delivery settings saved.').waitFor();
      const stored = (await c.call('GET', '/system/notifications')).body;
      assert.deepEqual([stored.effective.repeatIntervalMs, stored.effective.groupWindowMs], [90 * 60_000, 45_000]);
      await page.reload();
      assert.equal(await c.field('Repeat interval').inputValue(), '1h30m', 'shown back as a duration');
      assert.equal(await c.field('Group window').inputValue(), '45s');
      assert.match(await hintOf(c, 'Repeat interval'), /Now 1h30m \(set here\)\. Empty uses the built-in default: 12h\./);
      assert.match(await hintOf(c, 'Group window'), /Now 45s \(set here\)\. Empty uses the built-in default: off\./);
      await c.capture('notifications-delivery');

      // A tenant: what it inherits says it comes from the system; what it sets says "set here".
      await c.call('PUT', '/system/event-types/audit.entry/settings', { enabled: true });
      await page.getByLabel('Scope', { exact: true }).selectOption('acme');
      await page.waitForURL(/\/notifications\/acme$/);
      await page.getByRole('navigation', { name: 'Notification settings' }).getByRole('link', { name: 'Delivery' }).click();
      assert.equal(await c.field('CPU threshold (%)').count(), 0, "thresholds are the system's");
      assert.match(await hintOf(c, 'Repeat interval'), /Now 1h30m \(from the system\)\. Empty uses the system’s value: 1h30m\./);
      assert.equal(await c.field('Repeat interval').getAttribute('placeholder'), '1h30m');
      await page.getByRole('navigation', { name: 'Notification settings' }).getByRole('link', { name: 'Event types' }).click();
      await page.locator('#toggle-audit\\.entry-state', { hasText: 'Sends — inherited from the system' }).waitFor();
      await page.locator('#toggle-host\\.cpu-state', { hasText: 'Sends — built-in default' }).waitFor();

      // The tenant's email switch: turned off after confirming, said so; following the system again is one click.
      await c.button('Turn email off').click();
      await page.getByRole('dialog').getByRole('button', { name: 'Turn email off' }).click();
      await emailSwitch.getByText('set for this tenant').waitFor();
      assert.match(await emailSwitch.innerText(), /Off\s+set for this tenant[\s\S]*Nothing is sent/);
      assert.equal((await c.call('GET', '/tenants/acme/notifications')).body.effective.emailEnabled, false);
      await c.capture('notifications-email-off');
      await c.button('Follow the system (on)').click();
      await emailSwitch.getByText('the built-in default').waitFor();
      assert.equal((await c.call('GET', '/tenants/acme/notifications')).body.own.emailEnabled, undefined);

      // One section at a time, each with its own address; what is typed and not saved survives a look elsewhere.
      await page.goto(`${c.herald.url}/notifications/acme?section=branding`);
      const tabs = page.getByRole('navigation', { name: 'Notification settings' });
      await page.getByRole('heading', { name: 'Branding', level: 2 }).waitFor();
      assert.equal(await tabs.getByRole('link', { name: 'Branding' }).getAttribute('aria-current'), 'page');
      assert.equal(await page.getByRole('heading', { name: 'Event types', level: 2 }).count(), 0, 'the other sections are out of the way');
      await c.field('Product name').fill('Acme Alerts');
      await page.getByText('Unsaved changes: product name').waitFor();
      await tabs.getByRole('link', { name: 'Delivery' }).click();
      await page.getByRole('heading', { name: 'Delivery', level: 2 }).waitFor();
      await tabs.getByRole('link', { name: 'Branding' }).click();
      assert.equal(await c.field('Product name').inputValue(), 'Acme Alerts');
      await c.button('Save branding').click();
      await page.getByText('Branding saved.').waitFor();
      assert.equal((await c.call('GET', '/tenants/acme/notifications')).body.effective.branding.productName, 'Acme Alerts');
      await page.setViewportSize(widths.phone);
      for (const name of ['Recipients', 'Delivery', 'Silences', 'Branding']) {
        await tabs.getByRole('link', { name: new RegExp(`^${name}`) }).click();
        const height = await page.evaluate(
          () => (globalThis as unknown as { document: { body: { scrollHeight: number } } }).document.body.scrollHeight,
        );
        assert.ok(height < 3000, `${name} is ${height} px high at 390 px (the whole page was 7,000)`);
      }
      await page.setViewportSize(widths.desktop);
    });
  },
);
