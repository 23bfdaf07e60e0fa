// Shared pieces of the browser end-to-end tests: a real BMNN server on a free port with a
// fresh data directory, and Debian's Chromium driven by playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts/e2e');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Polls until the assertion holds, allowing for a busy machine (Vitest's default is 1 s). */
export function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 15_000 });
}

export type RunningServer = {
  baseUrl: string;
  /** The fresh BMNN_DATA_DIR (SQLite file bmnn.sqlite), removed by stop(). */
  dataDir: string;
  /** The one-time setup code the server printed at its first start. */
  setupCode: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
};

/**
 * Starts `bmnn serve` as a child process on a free port with an empty data directory and waits
 * for the line with the first-run setup code. Expects apps/web/dist to be built.
 */
export async function startServer(): Promise<RunningServer> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'apps/web/dist/index.html'))) {
    throw new Error('apps/web/dist is missing: build the web app first (npm run build).');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-e2e-'));
  const guardReport = path.join(dataDir, 'network-guard.txt');
  const port = await findFreePort();
  const child: ChildProcess = spawn(
    process.execPath,
    // The network guard refuses and records any outbound connection the server attempts.
    ['--import', 'tsx', '--import', path.join(REPO_ROOT, 'apps/server/src/testing/network-guard.ts'), path.join(REPO_ROOT, 'apps/cli/bin/bmnn.mjs'), 'serve', '--port', String(port)],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, BMNN_DATA_DIR: dataDir, BMNN_LOG_LEVEL: 'warn', BMNN_NETWORK_GUARD_REPORT: guardReport },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  // Even if a test run ends without calling stop(), no server outlives it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    const attempts = fs.existsSync(guardReport) ? fs.readFileSync(guardReport, 'utf8') : '';
    fs.rmSync(dataDir, { recursive: true, force: true });
    // DESIGN.md §2: the server never opens an outbound connection; fail the test that saw one.
    if (attempts) throw new Error(`The server tried to connect outside the machine:\n${attempts}`);
  };

  const setupCode = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not print a setup code in time:\n${output}`)), 60_000);
    const check = () => {
      const match = /Mã thiết lập lần đầu:\s*(\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Server exited with code ${code}:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  return { baseUrl: `http://127.0.0.1:${port}`, dataDir, setupCode, output: () => output, stop };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * A page in Vietnamese, in Vietnam's time zone, that records console errors and failed
 * requests (a CSP violation shows up as a console error).
 */
export async function openPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 860 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    // The browser logs every 4xx answer as a console error; those are expected in these tests.
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return { page, problems };
}

/** Saves a screenshot once requests, loading spinners and motions have settled. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
  // Ant Design's open/close motions last 0.2–0.3 s; a picture taken during one shows half a dialog.
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}

export type Admin = { username: string; fullName: string; password: string };

/** Fills the first-run setup form for province Bắc Ninh (BN); the caller submits it. */
export async function fillSetupForm(page: Page, setupCode: string, admin: Admin): Promise<void> {
  await page.getByLabel('Mã thiết lập lần đầu').fill(setupCode);
  await page.getByLabel('Tên tỉnh').fill('Bắc Ninh');
  await page.getByLabel('Mã tỉnh').fill('BN');
  await page.getByLabel('Tên đăng nhập').fill(admin.username);
  await page.getByLabel('Họ và tên').fill(admin.fullName);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(admin.password);
  await page.getByLabel('Nhập lại mật khẩu').fill(admin.password);
}

/**
 * Picks an option of the Ant Design Select or TreeSelect labelled `label`, typing its text
 * first so that a searchable list shows it even when the option is far down a virtual list.
 */
export async function pick(page: Page, label: string, option: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  // Options often arrive from the server after the form opens: on a busy machine a click can land
  // on a list that is being replaced and be lost. Let the page's requests settle before choosing,
  // and for a single choice make sure the list closed on it, choosing again if it did not.
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  const multiple = await input.evaluate((el) => !!el.closest('.ant-select-multiple')).catch(() => false);
  await input.click();
  if (await input.isEditable()) await input.fill(option);
  for (let attempt = 0; ; attempt++) {
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
    await page.locator(`.ant-select-dropdown:visible [title="${option}"]`).click();
    if (multiple) return;
    const closed = await page
      .locator('.ant-select-dropdown:visible')
      .waitFor({ state: 'hidden', timeout: 3_000 })
      .then(() => true, () => false);
    if (closed || attempt >= 2) return;
  }
}

/** Calls the API as the page's logged-in user: its session cookie and its CSRF token. */
export async function callApi<T>(page: Page, baseUrl: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const session = await page.request.get(`${baseUrl}/api/auth/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await page.request.fetch(`${baseUrl}${url}`, { method, headers: { 'x-csrf-token': csrfToken }, ...(body === undefined ? {} : { data: body }) });
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** First run: enters the setup code and the administrator, and waits for the menu. */
export async function setUpAdministrator(page: Page, server: RunningServer, admin: Admin): Promise<void> {
  await page.goto(server.baseUrl);
  await fillSetupForm(page, server.setupCode, admin);
  await page.getByTestId('setup-submit').click();
  await page.getByTestId('main-menu').waitFor();
}

/** Types a date (dd/mm/yyyy) into the Ant Design DatePicker labelled `label`. */
export async function typeDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Submits the login form and waits for the server's answer. */
export async function logIn(page: Page, username: string, password: string, totp?: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  if (totp) await page.getByLabel('Mã xác thực hai lớp (TOTP)').fill(totp);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
  await page.getByTestId('login-submit').click();
  await answered;
}

/** Logs out, logs in with a temporary password and replaces it, as a new account's first login must; waits for the menu. */
export async function logInFirstTime(page: Page, username: string, temporaryPassword: string, password: string): Promise<void> {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-form').waitFor();
  await logIn(page, username, temporaryPassword);
  await page.getByTestId('forced-change-notice').waitFor();
  await page.getByLabel('Mật khẩu hiện tại').fill(temporaryPassword);
  await page.getByLabel('Mật khẩu mới', { exact: true }).fill(password);
  await page.getByLabel('Nhập lại mật khẩu mới').fill(password);
  await page.getByTestId('change-password-submit').click();
  await page.getByTestId('main-menu').waitFor();
}
