import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildConsole } from '../../scripts/build-console.js';
import { captureScreen, launchBrowser, printPage } from './browser.js';
import { adminToken, fastDeliveryEnv } from './herald-harness.js';
import { startHeraldProcess, type HeraldProcess } from './herald-process.js';
import { createTestDatabase } from './test-database.js';

/** An API answer: the status and the parsed JSON body (undefined when empty). */
export interface Answer {
  status: number;
  body: any;
}

export interface ConsoleHarness {
  herald: HeraldProcess;
  page: Page;
  /** A request to `/api/v1<path>` with the admin token (or `token`). */
  call(method: string, path: string, body?: unknown, token?: string): Promise<Answer>;
  /** The control labelled exactly `label`. */
  field(label: string): ReturnType<Page['getByLabel']>;
  button(name: string): ReturnType<Page['getByRole']>;
  /** A link of the main navigation (opening the menu first on a narrow screen). */
  nav(name: string): ReturnType<Page['getByRole']>;
  /** Fills the sign-in form and submits it. */
  signIn(email: string, password: string, tenantId?: string): Promise<void>;
  /** Saves the screen at 1280 and 390 px (see captureScreen); its axe problems fail the test at the end. */
  capture(name: string): Promise<void>;
}

/**
 * Runs `body` against a real `herald start` (this run's database dialect, the built console) and
 * Debian's Chromium; then fails on any serious axe problem of the captured screens, any script
 * error or anything the Content-Security-Policy blocked. Prints the page when the body fails.
 */
export async function withConsole(body: (c: ConsoleHarness) => Promise<void>, env: Record<string, string> = {}): Promise<void> {
  await buildConsole({ quiet: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'herald-console-'));
  const database = await createTestDatabase();
  const herald = await startHeraldProcess({
    HERALD_DATA_DIR: dataDir,
    HERALD_ADMIN_TOKEN: adminToken,
    ...database.env,
    ...fastDeliveryEnv,
    HERALD_LOG_LEVEL: 'warn',
    ...env,
  });
  const browser = await launchBrowser();
  const { page } = browser;
  const a11y: string[] = [];
  const c: ConsoleHarness = {
    herald,
    page,
    async call(method, path, payload, token = adminToken) {
      const response = await fetch(`${herald.url}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    field: (label) => page.getByLabel(label, { exact: true }),
    button: (name) => page.getByRole('button', { name, exact: true }),
    nav(name) {
      return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
    },
    async signIn(email, password, tenantId) {
      await c.field('E-mail').fill(email);
      await c.field('Password').fill(password);
      if (tenantId !== undefined) await c.field('Tenant id (optional)').fill(tenantId);
      await c.field('Password').press('Enter');
    },
    async capture(name) {
      a11y.push(...(await captureScreen(page, name)));
    },
  };
  try {
    await body(c);
    assert.deepEqual(
      { accessibility: a11y, scriptErrors: browser.consoleErrors },
      { accessibility: [], scriptErrors: [] },
      'no serious or critical axe violations, no script errors, nothing the CSP blocked',
    );
  } catch (error) {
    await printPage(page);
    if (browser.consoleErrors.length > 0) console.log(`script errors:\n${browser.consoleErrors.join('\n')}`);
    throw error;
  } finally {
    await Promise.all([browser.close(), herald.kill('SIGTERM')]);
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Creates a system administrator with a password through the API; returns its sign-in. */
export async function createSystemAdmin(
  c: ConsoleHarness,
  email = 'admin@herald.test',
  password = 'a long admin passphrase',
): Promise<{ email: string; password: string }> {
  const created = await c.call('POST', '/system/users', { email, name: 'Ada Admin', role: 'system_admin', password });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return { email, password };
}

/** Creates a system administrator, opens `path` (signed out, so the sign-in shows) and signs in there. */
export async function openAsAdmin(c: ConsoleHarness, path: string): Promise<void> {
  const admin = await createSystemAdmin(c);
  await c.page.goto(`${c.herald.url}${path}`);
  await c.signIn(admin.email, admin.password);
}
