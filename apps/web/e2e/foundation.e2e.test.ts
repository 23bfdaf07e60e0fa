// The foundation in a real browser: first-run setup → a unit → a person with an account →
// that person logs in, changes the temporary password and sees the menu of their role;
// five wrong passwords lock an account. Screenshots go to test-artifacts/e2e/.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, fillSetupForm, launchBrowser, logIn, openPage, pick, screenshot, startServer, type RunningServer } from './harness.ts';

const ADMIN = { username: 'quantri', fullName: 'Nguyễn Văn Quản', password: 'Quan-Tri-2026-BN' };
const STAFF = { username: 'binh.tt', fullName: 'Trần Thị Bình', password: 'Binh-Moi-2026-STP' };

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: string[];
let temporaryPassword = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function menuKeys(): Promise<string[]> {
  const ids = await page.locator('[data-testid^="menu-"]').evaluateAll((nodes) =>
    nodes.map((n) => n.getAttribute('data-testid') ?? ''),
  );
  return ids.map((id) => id.replace('menu-', ''));
}

describe('foundation in the browser', () => {
  it('first-run setup creates the province and logs the administrator in with the administrator menu', async () => {
    await page.goto(server.baseUrl);
    await eventually(() => page.getByText('Thiết lập lần đầu').first().isVisible()).toBe(true);
    // The shared password rule is checked in the browser before anything is sent.
    await fillSetupForm(page, server.setupCode, { ...ADMIN, password: 'ngan' });
    await page.getByTestId('setup-submit').click();
    await eventually(() => page.getByText('Mật khẩu cần ít nhất 12 ký tự').isVisible()).toBe(true);
    await screenshot(page, '01-setup-validation');

    await fillSetupForm(page, server.setupCode, ADMIN);
    await screenshot(page, '01-setup');
    await page.getByTestId('setup-submit').click();

    await page.getByTestId('main-menu').waitFor();
    expect(await menuKeys()).toEqual(['units', 'people', 'training', 'accounts', 'audit', 'danhMuc', 'ruleSets']);
    await eventually(() => page.getByTestId('user-name').textContent()).toContain(ADMIN.fullName);
  });

  it('creates a department under the province and finds it without typing accents', async () => {
    await page.getByTestId('menu-units').click();
    await page.getByTestId('unit-node-BN').click();
    await page.getByTestId('unit-add-child').click();
    await page.getByLabel('Tên đơn vị').fill('Sở Tư pháp');
    await page.getByLabel('Mã đơn vị').fill('STP');
    await pick(page, 'Loại đơn vị', 'Sở, ban, ngành');
    await page.getByLabel('Bộ phận, vị trí thiết yếu, cơ mật').check();
    await page.getByTestId('unit-form-submit').click();

    await page.getByTestId('unit-node-STP').waitFor();
    await eventually(() => page.getByTestId('unit-detail').textContent()).toContain('Bắc Ninh');
    await page.getByTestId('unit-search').locator('input').fill('so tu phap');
    await page.getByTestId('unit-search').locator('input').press('Enter');
    await eventually(() => page.getByText('Tìm thấy 1 đơn vị').isVisible()).toBe(true);
    await screenshot(page, '02-units');
  });

  it('creates a person who works with secrets and an account for them, showing the temporary password once', async () => {
    await page.getByTestId('menu-people').click();
    await page.getByTestId('person-create').click();
    await page.getByLabel('Họ và tên').fill(STAFF.fullName);
    await page.getByLabel('Chức vụ').fill('Chuyên viên');
    await pick(page, 'Đơn vị', 'Sở Tư pháp (STP)');
    await pick(page, 'Mức được tiếp cận bí mật nhà nước', 'Mật');
    await page.getByLabel('Làm công tác bảo vệ bí mật nhà nước').check();
    await page.getByTestId('person-form-submit').click();

    const row = page.getByTestId('people-table').locator('tr', { hasText: STAFF.fullName });
    await row.waitFor();
    expect(await row.textContent()).toContain('Mật');
    await row.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByLabel('Tên đăng nhập').fill(STAFF.username);
    await page.getByTestId('account-form-submit').click();

    await page.getByTestId('temporary-password').waitFor();
    temporaryPassword = (await page.getByTestId('temporary-password').textContent())?.trim() ?? '';
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    await screenshot(page, '03-temporary-password');
    await page.getByTestId('temporary-password-close').click();
    await eventually(() => row.textContent()).toContain('Đã có');
  });

  it('the new account logs in, must change its temporary password, then sees only its role menu', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    await logIn(page, STAFF.username, temporaryPassword);

    await page.getByTestId('forced-change-notice').waitFor();
    await screenshot(page, '04-forced-password-change');
    await page.getByLabel('Mật khẩu hiện tại').fill(temporaryPassword);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(STAFF.password);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(STAFF.password);
    await page.getByTestId('change-password-submit').click();

    await page.getByTestId('main-menu').waitFor();
    expect(await menuKeys()).toEqual(['items', 'incidents', 'leakChecks', 'releases', 'destruction']);
    await eventually(() => page.getByTestId('user-name').textContent()).toContain(STAFF.fullName);
    await page.getByTestId('items-table').waitFor();
    await screenshot(page, '05-staff-menu');

    // A page outside the role's menu is not reachable by typing its address either.
    await page.goto(`${server.baseUrl}/accounts`);
    await page.getByTestId('items-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/items');
  });

  it('five wrong passwords lock the account, and the login page says until when', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await logIn(page, STAFF.username, `Sai-Mat-Khau-${attempt}`);
      await eventually(() => page.getByTestId('login-error').textContent()).not.toBe('');
    }
    await logIn(page, STAFF.username, STAFF.password);
    await eventually(() => page.getByTestId('login-error').textContent()).toMatch(/bị khóa đến \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await screenshot(page, '06-account-locked');
  });

  it('the administrator sees the lock, and the audit trail verifies', async () => {
    await logIn(page, ADMIN.username, ADMIN.password);
    await page.getByTestId('menu-accounts').click();
    await eventually(() => page.getByTestId(`account-status-${STAFF.username}`).textContent()).toBe('Đã khóa');
    await screenshot(page, '07-accounts');

    await page.getByTestId('menu-audit').click();
    await page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
    await page.getByTestId('audit-verify').click();
    await page.getByTestId('audit-verify-ok').waitFor();
    await screenshot(page, '08-audit-verify');
  });

  it('ran under the strict Content-Security-Policy without a script error', () => {
    expect(problems).toEqual([]);
  });
});
