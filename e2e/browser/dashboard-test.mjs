// The district dashboard in headless Chromium against the running service and the real Keycloak:
// the login through Keycloak's own form (authorization code + PKCE in the page), the officer's
// district, a figure that rises over the live stream without a reload, the English labels.
//
//   BASE_URL     the service (default http://localhost:18080)
//   USERNAME     PASSWORD   a district officer (default officer310110; the password defaults to the
//                user name, as in the development realm). A USERNAME that is just the login name
//                of this machine's user (sudo and desktop sessions set one) is ignored unless
//                PASSWORD is set too.
//   DISTRICT     the district the officer must see (default 310110)
//   PUBLISH_CMD  a shell command that publishes one kiosk reading in that district (required)
//   SCREENSHOT   where the full-page screenshot goes (default target/dashboard.png)
//   CHROMIUM     the browser (default /usr/bin/chromium)
//   UPDATE_TIMEOUT_MS  how long the figure may take to rise (default 20000)
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const env = (name, fallback) => process.env[name] || fallback;
const BASE_URL = env('BASE_URL', 'http://localhost:18080').replace(/\/$/, '');
const ambientUser = process.env.USERNAME === userInfo().username && !process.env.PASSWORD;
const USERNAME = ambientUser ? 'officer310110' : env('USERNAME', 'officer310110');
const PASSWORD = env('PASSWORD', USERNAME);
const DISTRICT = env('DISTRICT', '310110');
const PUBLISH_CMD = env('PUBLISH_CMD', '');
const SCREENSHOT = resolve(env('SCREENSHOT', 'target/dashboard.png'));
const UPDATE_TIMEOUT_MS = Number(env('UPDATE_TIMEOUT_MS', 20_000));

let passed = 0;
let failed = 0;
async function check(description, body) {
  try {
    const detail = await body();
    passed++;
    console.log(`ok - ${description}${detail == null ? '' : `: ${detail}`}`);
  } catch (error) {
    failed++;
    console.log(`not ok - ${description}: ${error.message.split('\n')[0]}`);
    throw error;
  }
}

const browser = await chromium.launch({
  executablePath: env('CHROMIUM', '/usr/bin/chromium'),
  headless: true,
  // no sandbox as root; no background connections, which a closed network refuses noisily
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const problems = [];
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
page.on('requestfailed', (request) => problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText}`));

const readings = () => page.locator('[data-figure="readings"]').textContent().then((text) => text.trim());

try {
  await check('the dashboard sends the browser to the Keycloak login form', async () => {
    await page.goto(`${BASE_URL}/dashboard/`);
    await page.locator('#username').waitFor({ timeout: 30_000 });
    const url = new URL(page.url());
    if (!url.pathname.endsWith('/protocol/openid-connect/auth')) throw new Error(`unexpected login page ${url}`);
    if (url.searchParams.get('code_challenge_method') !== 'S256') throw new Error('no PKCE S256 challenge in the request');
    return `${url.origin}${url.pathname} (client ${url.searchParams.get('client_id')})`;
  });

  await check(`${USERNAME} logs in and the figures render`, async () => {
    await page.fill('#username', USERNAME);
    await page.fill('#password', PASSWORD);
    await page.click('#kc-login');
    await page.waitForURL(`${BASE_URL}/dashboard/**`, { timeout: 30_000 }).catch(async (error) => {
      const feedback = await page.locator('#input-error, .kc-feedback-text, [class*="alert"]').first().textContent().catch(() => null);
      throw feedback ? new Error(`Keycloak says: ${feedback.trim()}`) : error;
    });
    // the figures, or a message that will not go away by waiting (a transient loadFailed may)
    await page.waitForFunction(() => /^\d+$/.test(document.querySelector('[data-figure="readings"]')?.textContent.trim())
      || ['notPermitted', 'forbidden', 'loginFailed', 'needsSecureContext'].includes(document.querySelector('#message')?.dataset.message),
    null, { timeout: 30_000 });
    const message = await page.locator('#message:visible').textContent().catch(() => null);
    if (message && !/^\d+$/.test(await readings())) throw new Error(`the page says: ${message.trim()}`);
    if (new URL(page.url()).searchParams.has('code')) throw new Error('the authorization code is still in the address bar');
  });

  await check(`the district shown is ${DISTRICT}`, async () => {
    const scope = page.locator('#scope-name');
    const [kind, code, name] = [await scope.getAttribute('data-scope-kind'), await scope.getAttribute('data-scope-code'), await scope.textContent()];
    if (kind !== 'district' || code !== DISTRICT) throw new Error(`scope ${kind} ${code} (${name})`);
    return name;
  });

  let before;
  await check('"readings" is a number', async () => {
    before = Number(await readings());
    if (!Number.isInteger(before)) throw new Error(`got ${before}`);
    return before;
  });

  await check('the live stream is connected', async () => {
    await page.locator('#live[data-state="on"]').waitFor({ timeout: 20_000 });
    await page.evaluate(() => { window.notReloaded = true; });
  });

  await check('PUBLISH_CMD publishes a kiosk reading', async () => {
    if (!PUBLISH_CMD) throw new Error('PUBLISH_CMD is not set');
    const run = spawnSync('bash', ['-c', PUBLISH_CMD], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0) throw new Error(`exit ${run.status ?? run.signal}: ${(run.stderr || run.stdout).trim().slice(-300)}`);
  });

  await check(`"readings" rises within ${UPDATE_TIMEOUT_MS / 1000} s without a reload`, async () => {
    const started = Date.now();
    await page.waitForFunction((n) => Number(document.querySelector('[data-figure="readings"]')?.textContent) > n,
      before, { timeout: UPDATE_TIMEOUT_MS });
    if (!(await page.evaluate(() => window.notReloaded === true))) throw new Error('the page was reloaded');
    return `${before} -> ${await readings()} after ${((Date.now() - started) / 1000).toFixed(1)} s`;
  });

  await check('the English toggle changes the labels', async () => {
    const label = page.locator('.figure:has([data-figure="readings"]) h3');
    const chinese = (await label.textContent()).trim();
    await page.click('#lang');
    await page.waitForFunction((text) => document.querySelector('.figure:has([data-figure="readings"]) h3').textContent.trim() !== text,
      chinese, { timeout: 5_000 });
    const english = (await label.textContent()).trim();
    if (english !== 'Readings' || (await page.getAttribute('html', 'lang')) !== 'en-GB') throw new Error(`label "${english}"`);
    return `"${chinese}" -> "${english}"`;
  });

  await check('full-page screenshot', async () => {
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    return SCREENSHOT;
  });
} catch {
  const failure = SCREENSHOT.replace(/(\.png)?$/, '-failure.png');
  mkdirSync(dirname(failure), { recursive: true });
  await page.screenshot({ path: failure, fullPage: true }).then(() => console.log(`# screenshot of the failure: ${failure}`), () => {});
  console.log(`# page: ${page.url()}`);
  const message = await page.locator('#message:visible').textContent({ timeout: 1_000 }).catch(() => null);
  if (message) console.log(`# the page says: ${message.trim()}`);
  for (const problem of problems) console.log(`# ${problem}`);
} finally {
  await browser.close();
}

console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
