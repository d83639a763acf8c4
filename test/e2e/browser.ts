import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/demo/seed-demo.ts';
import { totpCode } from '../../src/platform/auth/totp.ts';
import type { ManualClock } from '../../src/platform/clock.ts';
import { WEB_DIST } from '../../src/web/serve.ts';
import { buildTestApp } from '../helpers.ts';

export { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
// STACK.md: Debian's Chromium; no --user-data-dir (contexts come from browser.newContext()).
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export type WebApp = { baseUrl: string; clock: ManualClock; close(): Promise<void> };

/**
 * The real app (API and built web app) on a random local port, on a copy of the seeded test database.
 * The server clock stays at TEST_AS_OF: the session cookie's lifetime is relative (Max-Age), so the browser's
 * real clock does not matter.
 */
export async function startWebApp(): Promise<WebApp> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error(`${WEB_DIST} is missing: run "npm run build:web" first`);
  const t = await buildTestApp({ serveWeb: true });
  const baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { baseUrl, clock: t.clock, close: () => t.close() };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A fresh context (own cookies) and page; phone-sized unless told otherwise. */
export async function newPage(browser: Browser, baseURL: string, viewport = { width: 390, height: 844 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'en-US', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  return { context, page };
}

/** The demo cardholder as the API knows them (signs in on a throwaway context: no cookie leaks into a page). */
export async function demoCardholder(browser: Browser, baseURL: string): Promise<{ customerId: string; displayName: string }> {
  const context = await browser.newContext({ baseURL });
  try {
    const res = await context.request.post('/api/v1/session', { data: { email: 'cardholder@example.com', password: DEMO_PASSWORD } });
    if (res.status() !== 200) throw new Error(`demo cardholder sign-in: ${res.status()} ${await res.text()}`);
    const { user } = (await res.json()) as { user: { customerId?: string; displayName: string } };
    if (!user.customerId) throw new Error('the demo cardholder has no customerId');
    return { customerId: user.customerId, displayName: user.displayName };
  } finally {
    await context.close();
  }
}

/** Fills the sign-in form; staff answer the second step with the code for the server's clock. */
export async function signInThroughUi(page: Page, web: WebApp, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (email.startsWith('cardholder')) return;
  const code = page.getByLabel('6-digit code');
  await code.waitFor();
  await code.fill(await totpCode(DEMO_TOTP_SECRET, web.clock.now()));
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
}
