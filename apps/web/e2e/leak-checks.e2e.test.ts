// Checking a file before publication (DESIGN.md §6) in the browser: a portal editor checks a
// document stamped MẬT (blocked, with where and why), a law about the three levels (passes) and a
// password-protected file (to review); the head concludes the one to review, and a blocked file the
// editor says is already online opens a disclosure incident (LEGAL.md R13.1).
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, eventually, launchBrowser, logInFirstTime, openPage, REPO_ROOT, type RunningServer, screenshot, setUpAdministrator, startServer } from './harness.ts';

const ADMIN = { username: 'quantri', fullName: 'Lê Thị Hoa', password: 'Quan-Tri-2026-BN' };
const EDITOR = { username: 'bien.tap', fullName: 'Đỗ Thu Trang', password: 'Bien-Tap-2026-STT' };
const HEAD = { username: 'lanh.dao', fullName: 'Hoàng Minh Đức', password: 'Lanh-Dao-2026-STT' };
const corpus = path.join(REPO_ROOT, 'packages/scanner/fixtures/corpus');

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: string[];
const temporary: Record<string, string> = {};

const api = <T,>(method: 'GET' | 'POST', url: string, body?: unknown) => callApi<T>(page, server.baseUrl, method, url, body);

async function check(file: string, { published = false } = {}) {
  await page.locator('input[type=file]').setInputFiles(path.join(corpus, file));
  await eventually(() => page.getByTestId('leak-check-file-name').textContent()).toBe(file);
  await page.getByLabel('Tệp này đã được đăng công khai').setChecked(published);
  await page.getByTestId('leak-check-run').click();
  await page.getByTestId('leak-check-result').waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser));
  await setUpAdministrator(page, server, ADMIN);
  const { account } = await api<{ account: { unitId: string } }>('GET', '/api/auth/session');
  const { unit } = await api<{ unit: { id: string } }>('POST', '/api/units', { parentId: account.unitId, code: 'STT', name: 'Sở Thông tin', kind: 'SO_BAN_NGANH' });
  for (const [who, roles, clearance] of [[EDITOR, ['CAN_BO'], 'NONE'], [HEAD, ['LANH_DAO'], 'TOI_MAT']] as const) {
    const { person } = await api<{ person: { id: string } }>('POST', '/api/people', { fullName: who.fullName, unitId: unit.id, clearance, handlesSecrets: clearance !== 'NONE' });
    temporary[who.username] = (await api<{ temporaryPassword: string }>('POST', '/api/accounts', { personId: person.id, username: who.username, roles })).temporaryPassword;
  }
  await logInFirstTime(page, EDITOR.username, temporary[EDITOR.username] as string, EDITOR.password);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('checking a file before publication in the browser', () => {
  it('blocks a document stamped MẬT and shows which mark, where and why; passes a law about the levels; a locked file is to review', async () => {
    await page.getByTestId('menu-leakChecks').click();
    await check('p01-stamp-under-number.docx');
    await eventually(() => page.getByTestId('leak-check-headline').textContent()).toContain('Phải chặn');
    const findings = page.getByTestId('leak-check-findings');
    await eventually(() => findings.textContent()).toContain('Dấu chỉ độ mật');
    expect(await findings.textContent()).toContain('bảng, dòng 4 (word/document.xml)');
    expect(await findings.textContent()).toContain('màu đỏ');
    await screenshot(page, 'leak-checks-01-blocked');

    await check('n01-law-levels.docx');
    await eventually(() => page.getByTestId('leak-check-headline').textContent()).toContain('Đạt');

    await check('x06-encrypted.docx');
    await eventually(() => page.getByTestId('leak-check-headline').textContent()).toContain('Cần xem xét');
    expect(await page.getByTestId('leak-check-problems').textContent()).toContain('mật khẩu');
    // A portal editor cannot conclude: no form for them.
    expect(await page.getByTestId('leak-check-conclude').count()).toBe(0);
    await eventually(() => page.getByText('3 lượt kiểm tra').count()).toBe(1);
  });

  it('R13.1: a blocked file the editor says is already online opens a disclosure incident at once', async () => {
    await check('p02-header-toi-mat.docx', { published: true });
    await eventually(() => page.getByTestId('leak-check-incident').textContent()).toContain('đã lập vụ lộ bí mật nhà nước');
    await page.getByTestId('menu-incidents').click();
    await eventually(() => page.getByTestId('incidents-table').textContent()).toContain('p02-header-toi-mat.docx');
  });

  it('the head concludes the file to review, with a reason; the list then shows it may be published', async () => {
    await logInFirstTime(page, HEAD.username, temporary[HEAD.username] as string, HEAD.password);
    await page.getByTestId('menu-leakChecks').click();
    await page.getByTestId('leak-checks-open-only').click();
    const table = page.getByTestId('leak-checks-table');
    await eventually(() => table.textContent()).toContain('x06-encrypted.docx');
    expect(await table.textContent()).not.toContain('n01-law-levels.docx');
    expect(await table.textContent()).not.toContain('p01-stamp-under-number.docx');
    await table.getByRole('button', { name: 'x06-encrypted.docx' }).click();
    await page.getByTestId('leak-check-conclude').waitFor();
    // No reason: the form says so and nothing is written.
    await page.getByTestId('leak-check-conclusion-choice').getByText('Được đăng', { exact: true }).click();
    await page.getByTestId('leak-check-conclude').click();
    await eventually(() => page.getByText('Lý do là bắt buộc').count()).toBe(1);
    await page.getByTestId('leak-check-reason').fill('Đã đối chiếu bản gốc không đặt mật khẩu: không có dấu độ mật');
    await page.getByTestId('leak-check-conclude').click();
    await eventually(() => page.getByTestId('leak-check-conclusion').textContent()).toContain('Được đăng — Hoàng Minh Đức');
    await screenshot(page, 'leak-checks-02-concluded');
    await page.keyboard.press('Escape');
    await eventually(() => table.textContent()).toContain('Chưa có lượt kiểm tra nào');
    expect(problems).toEqual([]);
  });
});
