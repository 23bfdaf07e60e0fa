// A clerk imports an old incoming book kept in Excel (column mapping, dry run with the wrong
// rows listed and a downloadable report, then the import), groups two items into a file, closes
// it and transfers it to the agency's archive, and prints the handover record.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, eventually, launchBrowser, logInFirstTime, openPage, type RunningServer, screenshot, setUpAdministrator, startServer, typeDate } from './harness.ts';

const ADMIN = { username: 'quantri', fullName: 'Lê Thị Hoa', password: 'Quan-Tri-2026-BN' };
const CLERK = { username: 'thu.pt', fullName: 'Phạm Thị Thu', password: 'Thu-Van-Thu-2026' };
const ARCHIVIST = 'Nguyễn Thị Lưu Trữ';
const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: string[];
let tmp: string;

/** Calls the API with the browser's session (cookie) and its CSRF token. */
const api = <T,>(method: 'GET' | 'POST', url: string, body?: unknown) => callApi<T>(page, server.baseUrl, method, url, body);

async function oldBook(rows: Array<Array<string | number>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sổ đến 2025');
  // "Mức độ bảo mật" is not a name the server knows: the clerk maps it by hand.
  ws.addRow(['Số đến', 'Ngày đến', 'Nơi gửi', 'Số, ký hiệu', 'Trích yếu', 'Mức độ bảo mật']);
  for (const r of rows) ws.addRow(r);
  const file = path.join(tmp, `so-den-${rows.length}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bmnn-e2e-files-'));
  server = await startServer();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser));
  await setUpAdministrator(page, server, ADMIN);
  const { account } = await api<{ account: { unitId: string } }>('GET', '/api/auth/session');
  const { unit } = await api<{ unit: { id: string } }>('POST', '/api/units', { parentId: account.unitId, code: 'STP', name: 'Sở Tư pháp', kind: 'SO_BAN_NGANH' });
  const { person } = await api<{ person: { id: string } }>('POST', '/api/people', { fullName: CLERK.fullName, unitId: unit.id, clearance: 'TOI_MAT', handlesSecrets: true });
  await api('POST', '/api/people', { fullName: ARCHIVIST, unitId: unit.id, clearance: 'TOI_MAT', handlesSecrets: true });
  const { temporaryPassword } = await api<{ temporaryPassword: string }>('POST', '/api/accounts', { personId: person.id, username: CLERK.username, roles: ['VAN_THU'] });
  await logInFirstTime(page, CLERK.username, temporaryPassword, CLERK.password);
  for (const [soKyHieu, level, trichYeu] of [
    ['21/KH-STP', 'MAT', 'Kế hoạch tự kiểm tra công tác bảo vệ bí mật nhà nước'],
    ['22/PA-STP', 'TOI_MAT', 'Phương án bảo vệ hồ sơ thi hành án'],
  ] as const) {
    await api('POST', '/api/register/receive', { unitId: unit.id, sender: 'UBND tỉnh Bắc Ninh', soKyHieu, level, trichYeu, condition: GOOD });
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('files, archive and import of old books in the browser', () => {
  it('imports an old incoming book: maps a column by hand, sees the wrong row and its report, then imports all rows', async () => {
    await page.getByTestId('menu-books').click();
    await page.getByTestId('books-import').click();
    const bad = await oldBook([
      [1, '06/01/2025', 'Bộ Tư pháp', '12/BTP-VP', 'Hướng dẫn kiểm tra công tác bảo vệ bí mật nhà nước', 'Mật'],
      [2, '31/02/2025', 'Công an tỉnh', '9/CAT-PA03', 'Thông báo tình hình', 'Tối mật'],
    ]);
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-map-level').click();
    await page.locator('.ant-select-dropdown:visible [title="Cột 6: Mức độ bảo mật"]').click();
    await page.getByTestId('import-check').click();
    await eventually(async () => page.getByTestId('import-problems').textContent()).toContain('Ngày không hợp lệ: "31/02/2025" (cần dd/mm/yyyy)');
    await screenshot(page, 'files-01-import-problems');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-report').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const lines: string[] = [];
    wb.worksheets[0]!.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map(String).join(' | ')));
    expect(lines[0]).toMatch(/^TỐI MẬT/);
    expect(lines.join('\n')).toContain('Ngày không hợp lệ: "31/02/2025" (cần dd/mm/yyyy)');

    const good = await oldBook([
      [1, '06/01/2025', 'Bộ Tư pháp', '12/BTP-VP', 'Hướng dẫn kiểm tra công tác bảo vệ bí mật nhà nước', 'Mật'],
      [2, '28/02/2025', 'Công an tỉnh', '9/CAT-PA03', 'Thông báo tình hình', 'Tối mật'],
    ]);
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-map-level').click();
    await page.locator('.ant-select-dropdown:visible [title="Cột 6: Mức độ bảo mật"]').click();
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-check-ok').waitFor();
    await page.getByTestId('import-run').click();
    await page.getByTestId('books-year').waitFor();
    await page.getByTestId('books-year').click();
    await page.locator('.ant-select-dropdown:visible [title="Năm 2025"]').click();
    await eventually(async () => page.locator('body').textContent()).toContain('12/BTP-VP');
    await screenshot(page, 'files-02-imported-book');
  });

  it('groups two items into a file, closes it, transfers it to the archive and prints the handover record', async () => {
    await page.getByTestId('menu-files').click();
    await page.getByTestId('files-create').click();
    await page.getByTestId('file-code').fill('01.VP');
    await page.getByTestId('file-title').fill('Hồ sơ kiểm tra công tác bảo vệ bí mật nhà nước năm 2026');
    await page.getByTestId('file-create-submit').click();
    await page.getByTestId('file-heading').waitFor();
    await page.getByTestId('file-add-items').click();
    await page.getByTestId('file-add-table').locator('tr', { hasText: '21/KH-STP' }).locator('input[type=checkbox]').check();
    await page.getByTestId('file-add-table').locator('tr', { hasText: '22/PA-STP' }).locator('input[type=checkbox]').check();
    await page.getByTestId('file-add-submit').click();
    await eventually(async () => page.getByTestId('file-items').locator('tbody tr').count()).toBe(2);
    await expect.poll(() => page.getByTestId('file-heading').textContent()).toContain('Tối mật');
    await screenshot(page, 'files-03-file-with-items');

    await page.getByTestId('file-close').click();
    await page.locator('.ant-popconfirm:visible').getByRole('button', { name: 'Kết thúc' }).click();
    await eventually(async () => page.getByTestId('file-status').textContent()).toBe('Đã kết thúc');
    await page.getByTestId('file-transfer').click();
    await typeDate(page, 'Ngày nộp lưu', '23/11/2026');
    await page.getByTestId('transfer-archive').fill('Lưu trữ cơ quan Sở Tư pháp');
    await page.getByTestId('transfer-record-no').fill('03/BB-LT');
    await page.getByLabel('Người nhận (lưu trữ)', { exact: true }).click();
    await page.locator(`.ant-select-dropdown:visible [title="${ARCHIVIST}"]`).click();
    await page.getByTestId('transfer-location').fill('Kho 1, giá 3, hộp 7');
    await screenshot(page, 'files-04-transfer-dialog');
    await page.getByTestId('transfer-submit').click();
    await eventually(async () => page.getByTestId('file-status').textContent()).toBe('Đã nộp lưu');
    expect(await page.getByTestId('file-archive').textContent()).toContain('Kho 1, giá 3, hộp 7; hồ sơ 01.VP');
    await screenshot(page, 'files-05-archived');

    const href = await page.getByTestId('transfer-export-pdf').getAttribute('href');
    const pdf = await page.request.get(`${server.baseUrl}${href}`);
    const file = path.join(tmp, 'bien-ban.pdf');
    fs.writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain('TỐI MẬT');
    expect(text).toContain('BIÊN BẢN GIAO NHẬN HỒ SƠ NỘP LƯU');
    expect(text).toContain('Hồ sơ kiểm tra công tác bảo vệ bí mật nhà nước năm 2026');
    expect(text).toContain(ARCHIVIST);
    expect(problems).toEqual([]);
  });
});
