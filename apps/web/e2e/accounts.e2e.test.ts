// Account administration in the browser: edit a person's clearance, lock and unlock an account,
// change its roles, reset its password; the person's next login follows the new roles.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchBrowser, logIn, openPage, pick, screenshot, setUpAdministrator, startServer, type RunningServer } from './harness.ts';

const ADMIN = { username: 'quantri', fullName: 'Phạm Minh Đức', password: 'Quan-Tri-2026-BN' };
const LEADER = { username: 'hung.nv', fullName: 'Nguyễn Văn Hùng', password: 'Lanh-Dao-2026-BN' };

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: string[];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser));
  await setUpAdministrator(page, server, ADMIN);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const personRow = () => page.getByTestId('people-table').locator('tr', { hasText: LEADER.fullName });
const accountRow = () => page.getByTestId('accounts-table').locator('tr', { hasText: LEADER.username });
const status = () => page.getByTestId(`account-status-${LEADER.username}`).textContent();

async function readTemporaryPassword(): Promise<string> {
  await page.getByTestId('temporary-password').waitFor();
  const password = (await page.getByTestId('temporary-password').textContent())?.trim() ?? '';
  await page.getByTestId('temporary-password-close').click();
  return password;
}

describe('account administration in the browser', () => {
  it('creates a person and raises their clearance', async () => {
    await page.getByTestId('menu-people').click();
    await page.getByTestId('person-create').click();
    await page.getByLabel('Họ và tên').fill(LEADER.fullName);
    await page.getByLabel('Chức vụ').fill('Phó Giám đốc');
    await pick(page, 'Đơn vị', 'Bắc Ninh (BN)');
    await page.getByTestId('person-form-submit').click();
    await personRow().waitFor();

    await personRow().getByRole('button', { name: 'Sửa' }).click();
    await pick(page, 'Mức được tiếp cận bí mật nhà nước', 'Tối mật');
    await page.getByLabel('Làm công tác bảo vệ bí mật nhà nước').check();
    await screenshot(page, 'accounts-01-person-form');
    await page.getByTestId('person-form-submit').click();
    await eventually(() => personRow().textContent()).toContain('Tối mật');
  });

  it('records the head\'s authority (position and title), which the register checks (R4.1, R5.3)', async () => {
    await personRow().getByRole('button', { name: 'Thẩm quyền' }).click();
    await page.getByText(`Thẩm quyền của ${LEADER.fullName}`).waitFor();
    await pick(page, 'Chức danh', 'Người đứng đầu cơ quan, tổ chức');
    await page.keyboard.press('Escape');
    await page.getByTestId('authority-title').fill('Phó Giám đốc Sở');
    await page.getByRole('button', { name: 'Ghi nhận' }).click();
    await eventually(() => page.getByTestId('authority-row').first().textContent()).toContain('Người đứng đầu cơ quan, tổ chức — Phó Giám đốc Sở');
    await screenshot(page, 'accounts-01b-authority');
    await page.getByRole('button', { name: 'Đóng' }).first().click();
  });

  it('creates an account from the accounts page, locks and unlocks it', async () => {
    await page.getByTestId('menu-accounts').click();
    await page.getByTestId('account-create').click();
    await pick(page, 'Cán bộ, nhân viên', `${LEADER.fullName} — Phó Giám đốc`);
    await page.getByLabel('Tên đăng nhập').fill(LEADER.username);
    await screenshot(page, 'accounts-02-create');
    await page.getByTestId('account-form-submit').click();
    await readTemporaryPassword();

    await page.getByTestId(`account-lock-${LEADER.username}`).click();
    await page.getByRole('button', { name: 'Khóa', exact: true }).click();
    await eventually(status).toBe('Đã khóa');
    await page.getByTestId(`account-unlock-${LEADER.username}`).click();
    await eventually(status).toBe('Đang hoạt động');
  });

  it('changes the roles and resets the password; the next login asks for a new password and shows the new menu', async () => {
    await accountRow().getByRole('button', { name: 'Vai trò' }).click();
    await page.getByTestId('role-LANH_DAO').click();
    await screenshot(page, 'accounts-03-roles');
    await page.getByTestId('roles-form-submit').click();
    await eventually(() => accountRow().textContent()).toContain('Lãnh đạo');

    await page.getByTestId(`account-reset-${LEADER.username}`).click();
    await page.getByRole('button', { name: 'Đặt lại', exact: true }).click();
    const temporaryPassword = await readTemporaryPassword();
    await screenshot(page, 'accounts-04-list');

    await page.getByTestId('logout').click();
    await logIn(page, LEADER.username, temporaryPassword);
    await page.getByLabel('Mật khẩu hiện tại').fill(temporaryPassword);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(LEADER.password);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(LEADER.password);
    await page.getByTestId('change-password-submit').click();
    await page.getByTestId('main-menu').waitFor();
    const menu = await page.locator('[data-testid^="menu-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
    expect(menu).toEqual(['menu-todo', 'menu-items', 'menu-devices', 'menu-incidents', 'menu-leakChecks', 'menu-people', 'menu-secret-work', 'menu-training', 'menu-meetings', 'menu-audit', 'menu-books', 'menu-periods', 'menu-releases', 'menu-destruction', 'menu-danhMuc', 'menu-files']);
  });

  it('ran under the strict Content-Security-Policy without a script error', () => {
    expect(problems).toEqual([]);
  });
});
