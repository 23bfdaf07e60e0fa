// The first steps of the register in a real browser, as a secret-records clerk does them:
// the administrator sets up the province, a department, a clerk (Văn thư bảo mật, cleared for
// Tối mật) and a staff member, and loads the sample danh mục; the clerk checks an envelope and
// registers it in the incoming book (R7.5), sees that no summary is taken for Tuyệt mật (R7.2),
// registers a tampered envelope that is reported to the head (R7.5d), hands the first item to
// the staff member (R7.4), and finds both lines in the books (§15). Screenshots go to
// test-artifacts/e2e/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, fillSetupForm, launchBrowser, logInFirstTime, openPage, pick, type RunningServer, screenshot, startServer, typeDate } from './harness.ts';

const ADMIN = { username: 'quantri', fullName: 'Nguyễn Văn Quản', password: 'Quan-Tri-2026-BN' };
const CLERK = { username: 'thu.pt', fullName: 'Phạm Thị Thu', position: 'Văn thư', password: 'Thu-Van-Thu-2026' };
const STAFF = { username: 'binh.tv', fullName: 'Trần Văn Bình', position: 'Chuyên viên', password: 'Binh-Can-Bo-2026' };
const DOC = {
  sender: 'Sở Giáo dục và Đào tạo tỉnh Bắc Ninh',
  soKyHieu: '125/SGDĐT-KT',
  trichYeu: 'Phương án vận chuyển, bảo quản đề thi tốt nghiệp trung học phổ thông năm 2026',
};
const TAMPERED = { sender: 'Bưu điện tỉnh Bắc Ninh', soKyHieu: '88/UBND-NC' };
const NAMED = { sender: 'Bộ Tư pháp', soKyHieu: '07/BTP-VP' };

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: string[];

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
  const ids = await page.locator('[data-testid^="menu-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace('menu-', ''));
}

/** Creates a person in Sở Tư pháp with an account, and returns the temporary password. */
async function createPersonWithAccount(person: { fullName: string; position: string; username: string }, clearance: string, role: 'VAN_THU' | 'CAN_BO') {
  await page.getByTestId('menu-people').click();
  await page.getByTestId('person-create').click();
  await page.getByLabel('Họ và tên').fill(person.fullName);
  await page.getByLabel('Chức vụ').fill(person.position);
  await pick(page, 'Đơn vị', 'Sở Tư pháp (STP)');
  await pick(page, 'Mức được tiếp cận bí mật nhà nước', clearance);
  await page.getByLabel('Làm công tác bảo vệ bí mật nhà nước').check();
  await page.getByTestId('person-form-submit').click();

  const row = page.getByTestId('people-table').locator('tr', { hasText: person.fullName });
  await row.waitFor();
  await row.getByRole('button', { name: 'Tạo tài khoản' }).click();
  await page.getByLabel('Tên đăng nhập').fill(person.username);
  if (role !== 'CAN_BO') {
    await page.getByTestId('role-CAN_BO').click();
    await page.getByTestId(`role-${role}`).click();
  }
  await page.getByTestId('account-form-submit').click();
  await page.getByTestId('temporary-password').waitFor();
  const temporary = (await page.getByTestId('temporary-password').textContent())?.trim() ?? '';
  await page.getByTestId('temporary-password-close').click();
  await expect.poll(() => row.textContent()).toContain('Đã có');
  return temporary;
}

/** Logs in with the temporary password and sets the person's own password. */

const temporary = { clerk: '', staff: '' };

describe('the register in the browser, as a clerk does it', () => {
  it('the administrator sets up the province, a department, a clerk, a staff member and the sample danh mục', async () => {
    await page.goto(server.baseUrl);
    await fillSetupForm(page, server.setupCode, ADMIN);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('main-menu').waitFor();
    expect(await menuKeys()).toEqual(['units', 'people', 'training', 'accounts', 'audit', 'danhMuc', 'ruleSets']);

    await page.getByTestId('menu-units').click();
    await page.getByTestId('unit-node-BN').click();
    await page.getByTestId('unit-add-child').click();
    await page.getByLabel('Tên đơn vị').fill('Sở Tư pháp');
    await page.getByLabel('Mã đơn vị').fill('STP');
    await pick(page, 'Loại đơn vị', 'Sở, ban, ngành');
    await page.getByTestId('unit-form-submit').click();
    await page.getByTestId('unit-node-STP').waitFor();

    temporary.clerk = await createPersonWithAccount(CLERK, 'Tối mật', 'VAN_THU');
    temporary.staff = await createPersonWithAccount(STAFF, 'Mật', 'CAN_BO');

    await page.getByTestId('menu-danhMuc').click();
    await page.getByTestId('danh-muc-samples').click();
    const decisions = page.getByTestId('danh-muc-decisions').locator('tbody tr.ant-table-row');
    await expect.poll(() => decisions.count()).toBeGreaterThan(1);
    expect(await page.getByTestId('danh-muc-decisions').textContent()).toContain('Dữ liệu mẫu');
    await screenshot(page, 'register-01-danh-muc');
  });

  it('the administrator imports a danh mục file: a dry run lists every problem, nothing is imported until the file is clean', async () => {
    const header = 'Số quyết định,Ngày quyết định,Cơ quan ban hành,Lĩnh vực,Hiệu lực từ,Hiệu lực đến,Mục số,Độ mật,Nội dung,Từ khóa';
    const good = [
      header,
      '12/QĐ-UBND,15/01/2026,Ủy ban nhân dân tỉnh Bắc Ninh,Quốc phòng, an ninh địa phương,15/01/2026,,1,Tối mật,"Kế hoạch phòng thủ khu vực tỉnh khi chưa công bố","kế hoạch phòng thủ; khu vực phòng thủ"',
      '12/QĐ-UBND,15/01/2026,Ủy ban nhân dân tỉnh Bắc Ninh,Quốc phòng, an ninh địa phương,15/01/2026,,2,Mật,"Phương án bảo vệ mục tiêu trọng điểm của tỉnh","mục tiêu trọng điểm"',
    ];
    // Quote the sector, which contains a comma.
    const csv = (lines: string[]) => Buffer.from(lines.map((l) => l.replace('Quốc phòng, an ninh địa phương', '"Quốc phòng, an ninh địa phương"')).join('\n'), 'utf8');
    const bad = [good[0]!, good[1]!.replace('15/01/2026,Ủy ban', '31/02/2026,Ủy ban'), good[2]!.replace(',Mật,', ',Bí mật lắm,')];

    await page.getByTestId('tab-import').click();
    await page.locator('input[type=file]').setInputFiles({ name: 'danh-muc-loi.csv', mimeType: 'text/csv', buffer: csv(bad) });
    expect(await page.getByTestId('danh-muc-import').isDisabled()).toBe(true);
    await page.getByTestId('danh-muc-dry-run').click();
    await page.getByTestId('danh-muc-check-failed').waitFor();
    const problemsTable = (await page.getByTestId('danh-muc-problems').textContent()) ?? '';
    expect(problemsTable).toContain('Ngày quyết định');
    expect(problemsTable).toContain('Độ mật không hợp lệ');
    expect(await page.getByTestId('danh-muc-import').isDisabled()).toBe(true);
    await screenshot(page, 'register-01b-danh-muc-import-problems');

    await page.locator('input[type=file]').setInputFiles({ name: 'danh-muc.csv', mimeType: 'text/csv', buffer: csv(good) });
    await page.getByTestId('danh-muc-dry-run').click();
    await page.getByTestId('danh-muc-check-ok').waitFor();
    await page.getByTestId('danh-muc-import').click();
    await page.getByTestId('tab-decisions').click();
    await expect.poll(() => page.getByTestId('danh-muc-decisions').textContent()).toContain('12/QĐ-UBND');
  });

  it('the clerk logs in and sees the items, the books and the danh mục, which they search without accents', async () => {
    await logInFirstTime(page, CLERK.username, temporary.clerk, CLERK.password);
    expect(await menuKeys()).toEqual(['todo', 'items', 'devices', 'incidents', 'leakChecks', 'people', 'books', 'periods', 'releases', 'destruction', 'danhMuc', 'files']);
    await page.getByTestId('menu-danhMuc').click();
    expect(await page.getByTestId('tab-import').count()).toBe(0);
    await page.getByTestId('tab-items').click();
    await page.getByTestId('danh-muc-search').locator('input').fill('de thi');
    await page.getByTestId('danh-muc-search').locator('input').press('Enter');
    const found = page.getByTestId('danh-muc-items').locator('tbody tr.ant-table-row');
    await eventually(() => found.count()).toBe(2);
    expect(await page.getByTestId('danh-muc-items').textContent()).toContain('531/QĐ-TTg');
    await screenshot(page, 'register-01c-danh-muc-search');
    await page.getByTestId('menu-items').click();
    await page.getByTestId('items-table').waitFor();
  });

  it('no summary is taken for a Tuyệt mật item (R7.2)', async () => {
    await page.getByTestId('items-receive').click();
    await page.getByTestId('receive-condition').waitFor();
    await page.getByTestId('receive-level-TUYET_MAT').click();
    await page.getByTestId('trich-yeu-blocked').waitFor();
    expect(await page.getByTestId('trich-yeu-blocked').textContent()).toContain('Không ghi trích yếu đối với tài liệu Tuyệt mật');
    expect(await page.getByTestId('receive-trich-yeu').isVisible()).toBe(false);
    // Nothing is sent before the shared schema's checks pass; each error sits on its field.
    await page.getByTestId('receive-submit').click();
    await eventually(() => page.getByText('Nơi gửi là bắt buộc').isVisible()).toBe(true);
    await eventually(() => page.getByText('Số, ký hiệu là bắt buộc').isVisible()).toBe(true);
    await screenshot(page, 'register-02-tuyet-mat-no-summary');
  });

  it('the clerk checks an envelope and registers it in the incoming book, with danh mục suggestions (R7.5a)', async () => {
    await page.getByTestId('receive-level-MAT').click();
    await page.getByTestId('receive-trich-yeu').waitFor();
    await page.getByTestId('condition-envelope').check();
    await page.getByTestId('condition-count').check();
    await page.getByTestId('condition-packaging').check();
    await page.getByLabel('Nơi gửi').fill(DOC.sender);
    await page.getByLabel('Số, ký hiệu').fill(DOC.soKyHieu);
    await typeDate(page, 'Ngày văn bản', '20/11/2026');
    await page.getByTestId('receive-trich-yeu').fill(DOC.trichYeu);
    // The local helper suggests danh mục items; one is Tối mật, above the level chosen.
    await page.getByTestId('danh-muc-suggestions').waitFor();
    expect(await page.getByTestId('danh-muc-suggestions').textContent()).toContain('531/QĐ-TTg');
    await screenshot(page, 'register-03-receive-form');

    await page.getByTestId('receive-submit').click();
    await page.getByTestId('receive-result').waitFor();
    expect(await page.getByTestId('receive-serial').textContent()).toBe('Đã vào sổ đến số 1');
    await page.getByTestId('outcome-registered').waitFor();
    await screenshot(page, 'register-04-received');
  });

  it('an envelope with signs of opening is registered and reported to the head at once (R7.5d)', async () => {
    await page.getByTestId('receive-next').click();
    await page.getByTestId('receive-level-TOI_MAT').click();
    await page.getByTestId('condition-count').check();
    await page.getByTestId('condition-packaging').check();
    await page.getByLabel('Nơi gửi').fill(TAMPERED.sender);
    await page.getByLabel('Số, ký hiệu').fill(TAMPERED.soKyHieu);
    await page.getByTestId('receive-submit').click();
    await page.getByTestId('tampering-confirm').click();
    await page.getByTestId('outcome-tampering').waitFor();
    expect(await page.getByTestId('receive-serial').textContent()).toBe('Đã vào sổ đến số 2');
    expect(await page.getByTestId('outcome-tampering').textContent()).toContain('Đã báo cáo lãnh đạo');
    await screenshot(page, 'register-05-tampering-reported');
  });

  it('an envelope only the named person may open is registered from the outside and passed on unopened (R7.5b)', async () => {
    await page.getByTestId('receive-next').click();
    await page.getByTestId('receive-level-MAT').click();
    await page.getByTestId('condition-envelope').check();
    await page.getByTestId('condition-count').check();
    await page.getByTestId('condition-packaging').check();
    await page.getByLabel('Nơi gửi').fill(NAMED.sender);
    await page.getByLabel('Số, ký hiệu').fill(NAMED.soKyHieu);
    await page.getByTestId('receive-named').check();
    await pick(page, 'Người có tên nhận', `${STAFF.fullName} — ${STAFF.position}`);
    await page.getByTestId('trich-yeu-blocked').waitFor();
    expect(await page.getByTestId('trich-yeu-blocked').textContent()).toContain('Không bóc bì, không ghi trích yếu');
    expect(await page.getByTestId('receive-trich-yeu').isVisible()).toBe(false);
    await page.getByTestId('receive-submit').click();
    await page.getByTestId('outcome-named').waitFor();
    expect(await page.getByTestId('receive-serial').textContent()).toBe('Đã vào sổ đến số 3');
    expect(await page.getByTestId('outcome-named').textContent()).toContain(`Chuyển nguyên bì, không bóc, cho ${STAFF.fullName}`);
    await screenshot(page, 'register-05b-named-recipient');
  });

  it('finds the item without typing accents and hands it to the staff member (R7.4)', async () => {
    await page.getByTestId('menu-items').click();
    await page.getByTestId('items-search').locator('input').fill('phuong an van chuyen');
    await page.getByTestId('items-search').locator('input').press('Enter');
    const rows = page.getByTestId('items-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(DOC.soKyHieu);
    await screenshot(page, 'register-06-items-search');

    await page.getByTestId(`item-link-${DOC.soKyHieu}`).click();
    await expect.poll(() => page.getByTestId('item-custodian').textContent()).toBe(CLERK.fullName);
    await page.getByTestId('item-handover').click();
    await pick(page, 'Người nhận', STAFF.fullName);
    await page.getByLabel('Ghi chú').fill('Giao để nghiên cứu, xử lý');
    await screenshot(page, 'register-07-handover');
    await page.getByTestId('handover-submit').click();
    await expect.poll(() => page.getByTestId('item-custodian').textContent()).toBe(STAFF.fullName);
    await screenshot(page, 'register-08-item-after-handover');
  });

  it('the incoming book and the handover book show the lines', async () => {
    // The books are landscape, like the paper ones: a wide screen shows every column.
    await page.setViewportSize({ width: 1800, height: 860 });
    await page.getByTestId('menu-books').click();
    const incoming = page.getByTestId('book-den').locator('tbody tr.ant-table-row');
    await expect.poll(() => incoming.count()).toBe(3);
    const first = (await incoming.nth(0).textContent()) ?? '';
    expect(first).toContain(DOC.soKyHieu);
    expect(first).toContain(DOC.sender);
    expect(first).toContain('20/11/2026');
    expect(first).toContain('Nguyên vẹn');
    expect(await incoming.nth(1).textContent()).toContain('Có dấu hiệu bóc mở');
    // The unopened envelope: outside data only, held by the named person.
    const named = (await incoming.nth(2).textContent()) ?? '';
    expect(named).toContain(NAMED.soKyHieu);
    expect(named).toContain(STAFF.fullName);
    await screenshot(page, 'register-09-incoming-book');

    await page.getByTestId('tab-chuyen-giao').click();
    const handovers = page.getByTestId('book-chuyen-giao').locator('tbody tr.ant-table-row');
    await expect.poll(() => handovers.count()).toBe(1);
    const line = (await handovers.first().textContent()) ?? '';
    expect(line).toContain(DOC.soKyHieu);
    expect(line).toContain(CLERK.fullName);
    expect(line).toContain(STAFF.fullName);
    expect(line).toContain('Sở Tư pháp');
    await screenshot(page, 'register-10-handover-book');
    await page.setViewportSize({ width: 1366, height: 860 });
  });

  it('finds a line of a book typed without accents, and shows the Thống kê of the year in numbers above its lines', async () => {
    // Wide enough for every tab beside the export buttons (narrower, the last tabs fold into "…").
    await page.setViewportSize({ width: 1800, height: 860 });
    await page.getByTestId('tab-den').click();
    const incoming = page.getByTestId('book-den').locator('tbody tr.ant-table-row');
    await page.getByTestId('books-search').locator('input').fill('phuong an van chuyen');
    await page.getByTestId('books-search').locator('input').press('Enter');
    await expect.poll(() => incoming.count()).toBe(1);
    // The line keeps its serial in the book (Số đến 1).
    expect(await incoming.first().locator('td').first().textContent()).toBe('1');
    expect(await incoming.first().textContent()).toContain(DOC.soKyHieu);
    expect(await page.getByTestId('book-den-total').textContent()).toBe('1 dòng khớp bộ lọc');
    await page.getByTestId('books-search').locator('input').fill('');
    await page.getByTestId('books-search').locator('input').press('Enter');
    await expect.poll(() => incoming.count()).toBe(3);

    await page.getByTestId('tab-thong-ke').click();
    await page.getByTestId('statistics-summary').waitFor();
    expect(await page.getByTestId('statistics-items').locator('.ant-statistic-content-value').textContent()).toBe('3');
    expect(await page.getByTestId('statistics-by-status').textContent()).toContain('Bì có dấu hiệu bóc mở');
    await page.getByTestId('statistics-chart').locator('canvas').waitFor();
    await expect.poll(() => page.getByTestId('book-thong-ke').locator('tbody tr.ant-table-row').count()).toBe(3);
    await screenshot(page, 'register-10c-statistics');
    await page.getByTestId('tab-den').click();
    await page.setViewportSize({ width: 1366, height: 860 });
  });

  it('exports the incoming book as XLSX and PDF, and the workbook reads back with the Vietnamese text', async () => {
    await page.getByTestId('tab-den').click();
    const href = (await page.getByTestId('export-den-xlsx').getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/books\/den\/export\?unitId=unt_\w+&year=\d{4}&format=xlsx$/);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-den-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
    const text = cells.join(' | ');
    expect(text).toContain(DOC.soKyHieu);
    expect(text).toContain(DOC.sender);
    expect(text).toContain(TAMPERED.soKyHieu);

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-den-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(fs.readFileSync(await pdf.path()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('exports the incoming book as DOCX and prints the level stamp of an item from its "In" menu (R4.5)', async () => {
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-den-docx').click()]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    expect(fs.readFileSync(await docx.path()).subarray(0, 2).toString()).toBe('PK');

    await page.getByTestId('menu-items').click();
    await page.getByTestId(`item-link-${DOC.soKyHieu}`).click();
    await page.getByTestId('item-print').click();
    await page.getByTestId('print-giai-mat-unavailable').waitFor();
    await screenshot(page, 'register-10b-print-menu');
    const [stamp] = await Promise.all([page.waitForEvent('download'), page.getByTestId('print-dau-do-mat').click()]);
    expect(stamp.suggestedFilename()).toMatch(/^dau-do-mat-.*\.pdf$/);
    const text = execFileSync('pdftotext', [await stamp.path(), '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain('DẤU CHỈ ĐỘ MẬT');
    expect(text).toContain(DOC.soKyHieu);
    // Leave on the books page, where the next person's login starts from.
    await page.keyboard.press('Escape');
    await page.getByTestId('menu-books').click();
  });

  it('the clerk runs a stock-take: ticks everything found in a batch, records one item found elsewhere, closes and prints the record (R6.1)', async () => {
    await page.getByTestId('go-stock-takes').click();
    await page.getByTestId('stock-take-start').click();
    await page.getByTestId('stock-take-title').fill('Kiểm kê cuối năm — Văn thư');
    await page.getByTestId('stock-take-start-ok').click();
    const lines = page.getByTestId('stock-take-lines');
    await lines.waitFor();
    const rows = lines.locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await lines.locator('thead input[type="checkbox"]').check();
    await page.getByTestId('stock-take-present').click();
    await expect.poll(() => lines.textContent()).not.toContain('Chưa kiểm');
    await rows.filter({ hasText: DOC.soKyHieu }).locator('input[type="checkbox"]').check();
    await page.getByTestId('stock-take-misplaced').click();
    await page.getByTestId('stock-take-found-location').fill('Phòng 305, két sắt');
    await page.getByTestId('stock-take-misplaced-ok').click();
    await expect.poll(() => rows.filter({ hasText: DOC.soKyHieu }).textContent()).toContain('Có, nhưng không đúng nơi lưu giữ: Phòng 305, két sắt');
    await screenshot(page, 'register-10b-stock-take');
    await page.getByTestId('stock-take-close').click();
    await page.getByRole('button', { name: 'Kết thúc', exact: true }).click();
    await page.getByTestId('stock-take-close').waitFor({ state: 'detached' });
    expect(await page.getByTestId('stock-take-incident').count()).toBe(0);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stock-take-xlsx').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
    expect(cells.join(' | ')).toContain('BIÊN BẢN KIỂM KÊ TÀI LIỆU, VẬT CHỨA BÍ MẬT NHÀ NƯỚC');
    expect(cells.join(' | ')).toContain('Có, nhưng không đúng nơi lưu giữ: Phòng 305, két sắt');
    await page.keyboard.press('Escape');
    await page.getByTestId('stock-take-lines').waitFor({ state: 'detached' });
  });

  it('the staff member finds what they hold in their list, and nothing else', async () => {
    await logInFirstTime(page, STAFF.username, temporary.staff, STAFF.password);
    expect(await menuKeys()).toEqual(['items', 'incidents', 'leakChecks', 'releases', 'destruction']);
    // The staff member holds the handed-over item and the unopened envelope addressed to them, nothing else.
    const rows = page.getByTestId('items-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    const list = (await page.getByTestId('items-table').textContent()) ?? '';
    expect(list).toContain(DOC.soKyHieu);
    expect(list).toContain(NAMED.soKyHieu);
    expect(list).not.toContain(TAMPERED.soKyHieu);
    await screenshot(page, 'register-11-staff-items');
  });

  it('ran under the strict Content-Security-Policy without a script error', () => {
    expect(problems).toEqual([]);
  });
});
