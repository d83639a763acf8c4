import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../src/demo/seed-demo.ts';
import { totpCode } from '../../src/platform/auth/totp.ts';
import type { ManualClock } from '../../src/platform/clock.ts';
import { WEB_DIST } from '../../src/web/serve.ts';
import { buildTestApp, type TestApp } from '../helpers.ts';

export { DEMO_PASSWORD } from '../../src/demo/seed-demo.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';
// STACK.md: Debian's Chromium; no --user-data-dir (contexts come from browser.newContext()).
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The app behind the browser; `testApp` reaches the database, the clock and the outbox directly. */
export type WebApp = { baseUrl: string; clock: ManualClock; testApp: TestApp; close(): Promise<void> };

/**
 * The real app (API and built web app) on a random local port, on a copy of the seeded test database.
 * The server clock stays at TEST_AS_OF: the session cookie's lifetime is relative (Max-Age), so the browser's
 * real clock does not matter.
 */
export async function startWebApp(): Promise<WebApp> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error(`${WEB_DIST} is missing: run "npm run build:web" first`);
  const t = await buildTestApp({ serveWeb: true });
  const baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { baseUrl, clock: t.clock, testApp: t, close: () => t.close() };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * The app and a Chromium for the whole test file: registers node:test `before`/`after` hooks that start and stop
 * them, then runs `setup` (the file's own preparation), and returns accessors for the tests. A file needs no
 * `before` of its own: on Node 20 top-level `before` hooks do not wait for each other.
 */
export function useWebApp(setup?: (app: { web: WebApp; browser: Browser }) => Promise<void>): { web(): WebApp; browser(): Browser } {
  let web: WebApp | undefined;
  let browser: Browser | undefined;
  before(async () => {
    web = await startWebApp();
    browser = await launchBrowser();
    await setup?.({ web, browser });
  });
  after(async () => {
    await browser?.close();
    await web?.close();
  });
  return {
    web: () => web ?? assert.fail('useWebApp: the app is not started yet'),
    browser: () => browser ?? assert.fail('useWebApp: the browser is not launched yet'),
  };
}

/** A fresh context (own cookies) and page; phone-sized unless told otherwise. */
export async function newPage(browser: Browser, baseURL: string, viewport = { width: 390, height: 844 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'en-US', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  return { context, page };
}

/** A demo user signed in through the API: the request context (it holds the session cookie too) and a Bearer header. */
export type ApiUser = { request: APIRequestContext; headers: { authorization: string }; user: { customerId?: string; displayName: string } };

/**
 * Signs `email` in through the API on a throwaway context (no cookie leaks into a page) and runs `use` with it;
 * staff answer the second step with the code for the server's clock.
 */
export async function withApiUser<T>(browser: Browser, web: WebApp, email: string, use: (api: ApiUser) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ baseURL: web.baseUrl });
  try {
    const totp = email.startsWith('cardholder') ? {} : { totp: await totpCode(DEMO_TOTP_SECRET, web.clock.now()) };
    const res = await context.request.post('/api/v1/session', { data: { email, password: DEMO_PASSWORD, ...totp } });
    if (res.status() !== 200) throw new Error(`${email} sign-in: ${res.status()} ${await res.text()}`);
    const { token, user } = (await res.json()) as { token: string; user: ApiUser['user'] };
    return await use({ request: context.request, headers: { authorization: `Bearer ${token}` }, user });
  } finally {
    await context.close();
  }
}

/** GET through a request context (a page's shares its session cookie); asserts 200 and returns the JSON body. */
export async function apiGet<T>(request: APIRequestContext, path: string, headers?: Record<string, string>): Promise<T> {
  const res = await request.get(path, { headers });
  assert.equal(res.status(), 200, `${path} answers 200`);
  return (await res.json()) as T;
}

/** POST through a request context; asserts the status (201 unless told) and returns the JSON body. */
export async function apiPost<T = unknown>(api: ApiUser, path: string, data: unknown, status = 201): Promise<T> {
  const res = await api.request.post(path, { data, headers: api.headers });
  assert.equal(res.status(), status, await res.text());
  return (await res.json()) as T;
}

/** The demo cardholder as the API knows them (signs in on a throwaway context: no cookie leaks into a page). */
export async function demoCardholder(browser: Browser, web: WebApp): Promise<{ customerId: string; displayName: string }> {
  return withApiUser(browser, web, 'cardholder@example.com', async ({ user }) => {
    if (!user.customerId) throw new Error('the demo cardholder has no customerId');
    return { customerId: user.customerId, displayName: user.displayName };
  });
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

export type AccessibilityOptions = {
  /** Wait for the network to go quiet first. Not for pages with a live-update stream: they never reach networkidle. */
  waitForNetworkIdle?: boolean;
  /** Exactly one h1 (default true). */
  oneH1?: boolean;
  /** Exactly one main landmark. */
  oneMain?: boolean;
  /** No sideways scrolling at the page's width. */
  noSidewaysScroll?: boolean;
  /** Run axe's best-practice rules besides WCAG 2.1 A/AA (default true). */
  bestPractice?: boolean;
};

/** axe with the WCAG 2.1 A/AA rules (and best practice unless told): fails on any serious or critical violation. */
export async function assertAccessible(page: Page, name: string, options: AccessibilityOptions = {}): Promise<void> {
  const { waitForNetworkIdle = false, oneH1 = true, oneMain = false, noSidewaysScroll = false, bestPractice = true } = options;
  if (waitForNetworkIdle) await page.waitForLoadState('networkidle');
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', ...(bestPractice ? ['best-practice'] : [])];
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const text = bad.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  assert.deepEqual(text, [], `${name}: axe found serious or critical violations`);
  if (oneH1) assert.equal(await page.locator('h1').count(), 1, `${name}: one h1`);
  if (oneMain) assert.equal(await page.locator('main').count(), 1, `${name}: one main landmark`);
  if (noSidewaysScroll) await assertNoSidewaysScroll(page, name);
}

export async function assertNoSidewaysScroll(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name}: ${overflow} px of sideways scrolling at ${page.viewportSize()?.width} px`);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 2×2 RGB PNG (red, green / blue, white): a "screenshot", "receipt" or "pay stub" small enough to build here. */
export function smallPng(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const rows = Buffer.from([0, 255, 0, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]);
}
