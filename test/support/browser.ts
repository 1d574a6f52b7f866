import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); a browser is never downloaded. */
export const chromiumPath = '/usr/bin/chromium';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/**
 * Where captureScreen writes: the git-ignored .tmp/screenshots/ on every run, docs/screenshots/
 * only when asked (`npm run screenshots` sets HERALD_SCREENSHOT_DIR), so a test run never rewrites
 * the committed pictures.
 */
export const screenshotDir = resolve(repoRoot, process.env.HERALD_SCREENSHOT_DIR ?? '.tmp/screenshots');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const widths = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

/**
 * Debian's Chromium, headless, driven by playwright-core, in a fresh profile that is deleted on
 * close.
 *
 * @example await using browser = await launchBrowser(); await browser.page.goto(url);
 */
export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'herald-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: widths.desktop,
  });
  // Herald's own Content-Security-Policy (script-src 'self') is on every response: anything it
  // blocks is reported below and fails the test.
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) consoleErrors.push(message.text());
  });
  return {
    context,
    page,
    consoleErrors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
    async [Symbol.asyncDispose]() {
      await this.close();
    },
  };
}

/** Serious and critical axe-core violations on the page as it is now, one line each. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
}

/**
 * Saves `<screenshotDir>/<name>-1280.png` and `-390.png` and checks each width with axe;
 * returns the problems found, prefixed with the screen and width.
 */
export async function captureScreen(page: Page, name: string): Promise<string[]> {
  mkdirSync(screenshotDir, { recursive: true });
  const problems: string[] = [];
  for (const size of [widths.desktop, widths.phone]) {
    await page.setViewportSize(size);
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))'); // the resized layout is painted
    await page.screenshot({ path: join(screenshotDir, `${name}-${size.width}.png`), fullPage: true, animations: 'disabled' });
    problems.push(...(await accessibilityProblems(page)).map((p) => `${name} @${size.width}px: ${p}`));
  }
  await page.setViewportSize(widths.desktop);
  return problems;
}

/** Polls `check` (clicking Refresh between tries when there is one) until it is true. */
export async function eventually(page: Page, check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await page.waitForTimeout(400);
    const refresh = page.getByRole('button', { name: 'Refresh', exact: true });
    if ((await refresh.count()) > 0 && (await refresh.first().isEnabled())) await refresh.first().click();
  }
  throw new Error(`timed out waiting until ${what}`);
}

/** Prints what the page showed (its URL and text), for the test log when a browser test fails. */
export async function printPage(page: Page): Promise<void> {
  const shown = await page
    .locator('body')
    .innerText()
    .catch(() => '(no page)');
  console.log(`--- the page at ${page.url()} showed:\n${shown.slice(0, 4000)}\n---`);
}

/**
 * Clicks Sign out and waits until the server has ended the session and the sign-in screen says so:
 * navigating away sooner would cancel the request and leave the session signed in.
 */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await page.getByText('You have signed out.').waitFor();
}
