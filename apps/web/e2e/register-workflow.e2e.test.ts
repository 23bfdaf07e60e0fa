// The register's workflows in a real browser, as a secret-records clerk and a leader do them:
// the clerk receives an envelope and registers it (R7.5), hands it to a staff member (R7.4), asks
// for two copies (R5.1); the leader, logged in on the same browser, approves them from the
// "Việc cần làm" page (R5.3); the clerk records the copies made on an approved offline copier
// (R5.4, R5.5) and opens "Bản sao số 1" (R5.7). The clerk proposes an outgoing document citing the
// danh mục (R4.2), the leader determines it (R4.1), the clerk registers the outgoing-book line,
// prints the envelope labels and sends it (R7.2, R7.3). Last, the incoming book is printed as PDF
// and exported as XLSX from the books page and both files are read back (pdftotext, exceljs).
// The accounts, the leader's authority and the copier are prepared through the API; every step of
// the work itself goes through the screens. Screenshots go to test-artifacts/e2e/.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { request, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchBrowser, logIn, openPage, pick, screenshot, setUpAdministrator, startServer, typeDate, type RunningServer } from './harness.ts';

const ADMIN = { username: 'quantri', fullName: 'Nguyễn Văn Quản', password: 'Quan-Tri-2026-BN' };
const CLERK = { username: 'thu.pt', fullName: 'Phạm Thị Thu', position: 'Văn thư', clearance: 'TOI_MAT', roles: ['VAN_THU'], password: 'Thu-Van-Thu-2026' };
const STAFF = { username: 'binh.tv', fullName: 'Trần Văn Bình', position: 'Chuyên viên', clearance: 'MAT', roles: ['CAN_BO'], password: 'Binh-Can-Bo-2026' };
const LEADER = { username: 'duc.lm', fullName: 'Lê Minh Đức', position: 'Giám đốc Sở', clearance: 'TOI_MAT', roles: ['LANH_DAO'], password: 'Duc-Lanh-Dao-2026' };
const OFFICER = { username: 'bao.pv', fullName: 'Phạm Văn Bảo', position: 'Cán bộ bảo mật', clearance: 'TOI_MAT', roles: ['CAN_BO_BAO_MAT'], password: 'Bao-Mat-2026-STP' };
const COPIER = 'Máy photocopy phòng văn thư';
const DOC = {
  sender: 'Sở Giáo dục và Đào tạo tỉnh Bắc Ninh',
  soKyHieu: '125/SGDĐT-KT',
  trichYeu: 'Phương án vận chuyển, bảo quản đề thi tốt nghiệp trung học phổ thông năm 2026',
};
const OUTGOING = { trichYeu: 'Báo cáo về biên chế công tác ở nước ngoài của Sở Tư pháp năm 2027', soKyHieu: '21/BC-STP', recipient: 'Ông Nguyễn Văn An, Vụ Tổ chức cán bộ, Bộ Tư pháp', address: '58-60 Trần Phú, Ba Đình, Hà Nội' };

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: string[];
const apiContexts: APIRequestContext[] = [];

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

/** An API session of its own (not the browser's), logged in, with a request helper. */
async function apiSession(username: string, password: string, newPassword?: string) {
  const context = await request.newContext({ baseURL: server.baseUrl });
  apiContexts.push(context);
  let token = '';
  const call = async <T,>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> => {
    const res = await context.fetch(url, { method, headers: { 'x-csrf-token': token }, ...(body === undefined ? {} : { data: body }) });
    if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  token = (await call<{ csrfToken: string }>('POST', '/api/auth/login', { username, password })).csrfToken;
  if (newPassword) token = (await call<{ csrfToken: string }>('POST', '/api/auth/change-password', { currentPassword: password, newPassword })).csrfToken;
  return call;
}

/** Logs out and logs in as `person` from the start address, so that they land on their home page. */
async function switchUser(person: { username: string; password: string }) {
  await page.getByTestId('logout').click();
  await page.getByTestId('login-form').waitFor();
  await page.goto(server.baseUrl);
  await page.getByTestId('login-form').waitFor();
  await logIn(page, person.username, person.password);
  await page.getByTestId('main-menu').waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser));
  await setUpAdministrator(page, server, ADMIN);

  const admin = await apiSession(ADMIN.username, ADMIN.password);
  const { account } = await admin<{ account: { unitId: string } }>('GET', '/api/auth/session');
  const { unit } = await admin<{ unit: { id: string } }>('POST', '/api/units', { parentId: account.unitId, code: 'STP', name: 'Sở Tư pháp', kind: 'SO_BAN_NGANH' });
  const personIds: Record<string, string> = {};
  for (const p of [CLERK, STAFF, LEADER, OFFICER]) {
    const { person } = await admin<{ person: { id: string } }>('POST', '/api/people', { fullName: p.fullName, position: p.position, unitId: unit.id, clearance: p.clearance, handlesSecrets: true });
    personIds[p.username] = person.id;
    const { temporaryPassword } = await admin<{ temporaryPassword: string }>('POST', '/api/accounts', { personId: person.id, username: p.username, roles: p.roles });
    // Each person sets their own password (the forced change is tested in register.e2e.test.ts).
    const session = await apiSession(p.username, temporaryPassword, p.password);
    if (p === OFFICER) {
      // R5.5, R12.2: an offline copier, checked by the police, in use.
      const { device } = await session<{ device: { id: string } }>('POST', '/api/devices', { unitId: unit.id, assetCode: 'MP-01', name: COPIER, type: 'COPIER', serial: 'SN-2026-01', location: 'Phòng văn thư', networkStatus: 'AIR_GAPPED_NEVER_CONNECTED', approvedUses: ['COPY'] });
      await session('POST', `/api/devices/${device.id}/checks`, { body: 'CONG_AN_TINH', inspectorName: 'Đại úy Trần Văn Kiểm', reason: 'BEFORE_USE', checkedOn: today(), result: 'PASSED', nextDue: `${Number(today().slice(0, 4)) + 1}${today().slice(4)}`, reportRef: '15/BB-PA03' });
      await session('POST', `/api/devices/${device.id}/status`, { status: 'IN_USE', effectiveDate: today() });
    }
  }
  // R4.1, R5.3: the leader is the head of the department, with authority to determine and to permit copying.
  await admin('POST', '/api/authorities', { personId: personIds[LEADER.username], positionKeys: ['NGUOI_DUNG_DAU'], title: 'Giám đốc Sở', validFrom: '2025-07-01' });
  await admin('POST', '/api/danh-muc/samples');
}, 240_000);

afterAll(async () => {
  for (const c of apiContexts) await c.dispose();
  await browser?.close();
  await server?.stop();
});

let outgoingUrl = '';

describe('the register workflows in the browser, as the clerk and the leader do them', () => {
  it('the clerk logs in on "Việc cần làm", receives an envelope and registers it in the incoming book (R7.5)', async () => {
    await switchUser(CLERK);
    await eventually(() => new URL(page.url()).pathname).toBe('/viec-can-lam');
    await page.getByTestId('todo-counts').waitFor();
    await screenshot(page, 'workflow-01-clerk-todo');

    await page.getByTestId('menu-items').click();
    await page.getByTestId('items-receive').click();
    await page.getByTestId('receive-level-MAT').click();
    await page.getByTestId('condition-envelope').check();
    await page.getByTestId('condition-count').check();
    await page.getByTestId('condition-packaging').check();
    await page.getByLabel('Nơi gửi').fill(DOC.sender);
    await page.getByLabel('Số, ký hiệu').fill(DOC.soKyHieu);
    await typeDate(page, 'Ngày văn bản', '20/11/2026');
    await page.getByTestId('receive-trich-yeu').fill(DOC.trichYeu);
    await page.getByTestId('receive-submit').click();
    await eventually(() => page.getByTestId('receive-serial').textContent()).toBe('Đã vào sổ đến số 1');
    await page.getByTestId('receive-open-item').click();
    await eventually(() => page.getByTestId('item-custodian').textContent()).toBe(CLERK.fullName);
  });

  it('hands the item to a staff member (R7.4)', async () => {
    await page.getByTestId('item-handover').click();
    await pick(page, 'Người nhận', STAFF.fullName);
    // Submit once the list has closed on the chosen person, not while it is still closing.
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await screenshot(page, 'workflow-01b-handover');
    await page.getByTestId('handover-submit').click();
    await eventually(() => page.getByTestId('item-custodian').textContent()).toBe(STAFF.fullName);
  });

  it('asks for two copies; the clerk cannot approve their own request (R5.1, R5.3)', async () => {
    await page.getByTestId('item-copy-request').click();
    await page.getByLabel('Số bản sao, chụp').fill('2');
    for (const recipient of ['Phòng Hành chính – Tổng hợp', 'Phòng Bổ trợ tư pháp']) {
      await page.getByLabel('Nơi nhận bản sao').fill(recipient);
      await page.getByLabel('Nơi nhận bản sao').press('Enter');
    }
    await page.getByLabel('Mục đích').fill('Phổ biến để các phòng thực hiện');
    await screenshot(page, 'workflow-02-copy-request');
    await page.getByTestId('copy-request-submit').click();
    await page.getByTestId('copy-request-submit').waitFor({ state: 'detached' });
    await eventually(() => page.getByTestId('copy-request-status').textContent()).toBe('Chờ lãnh đạo cho phép');
    const line = (await page.getByTestId('item-copies').textContent()) ?? '';
    expect(line).toContain('Sao y bản chính 2 bản');
    expect(line).toContain('Phòng Hành chính – Tổng hợp; Phòng Bổ trợ tư pháp');
    expect(await page.getByTestId('copy-approve').count()).toBe(0);
    await screenshot(page, 'workflow-03-copy-requested');
  });

  it('proposes an outgoing document citing the danh mục, with a named recipient (R4.2, R3.4)', async () => {
    await page.getByTestId('menu-items').click();
    await page.getByTestId('items-propose').click();
    await page.getByTestId('propose-trich-yeu').fill(OUTGOING.trichYeu);
    const cite = page.getByTestId('propose-suggestions').locator('[data-testid^="cite-"]').first();
    await cite.click();
    // The level follows the cited item: "biên chế công tác ở nước ngoài" is Mật in the sample list.
    await eventually(() => page.getByTestId('propose-level-MAT').isChecked()).toBe(true);
    await page.getByTestId('recipient-name-0').fill(OUTGOING.recipient);
    await page.getByTestId('recipient-address-0').fill(OUTGOING.address);
    await page.getByTestId('recipient-named-0').check();
    await screenshot(page, 'workflow-04-propose');
    await page.getByTestId('propose-submit').click();
    await page.getByTestId('item-detail').waitFor();
    await eventually(() => page.getByTestId('item-detail').textContent()).toContain('Đề xuất độ mật');
    // Only a leader determines (R4.1): the clerk has no such button.
    expect(await page.getByTestId('item-determine').count()).toBe(0);
    outgoingUrl = page.url();
  });

  it('the leader logs in, finds both waiting on "Việc cần làm", approves the copies and determines the document (R5.3, R4.1)', async () => {
    await switchUser(LEADER);
    await eventually(() => new URL(page.url()).pathname).toBe('/viec-can-lam');
    await eventually(() => page.getByTestId('todo-number-approvals').textContent()).toBe('2');
    const approvals = (await page.getByTestId('todo-approvals').textContent()) ?? '';
    expect(approvals).toContain('Chờ lãnh đạo xác định độ mật');
    expect(approvals).toContain(`Đề nghị sao y bản chính 2 bản — ${CLERK.fullName}`);
    await screenshot(page, 'workflow-05-leader-todo');

    await page.getByTestId(`todo-link-approvals-${DOC.soKyHieu}`).click();
    await page.getByTestId('copy-approve').click();
    await page.getByTestId('copy-approve-confirm').click();
    await eventually(() => page.getByTestId('copy-request-status').textContent()).toBe('Đã được cho phép, chưa sao, chụp');
    expect(await page.getByTestId('item-copies').textContent()).toContain(`Lãnh đạo cho phép: ${LEADER.fullName} (2 bản`);
    await screenshot(page, 'workflow-06-copy-approved');

    await page.goto(outgoingUrl);
    await page.getByTestId('item-determine').click();
    await page.getByTestId('determine-confirm').click();
    await eventually(() => page.getByTestId('item-detail').textContent()).toContain('Đã xác định độ mật');
    expect(await page.getByTestId('item-detail').textContent()).toContain('Đến hết ngày');
  });

  it('the clerk records the two copies made on the offline copier and opens "Bản sao số 1" (R5.4, R5.5, R5.7)', async () => {
    await switchUser(CLERK);
    await eventually(() => page.getByTestId('todo-number-copies').textContent()).toBe('1');
    await page.getByTestId(`todo-link-copies-${DOC.soKyHieu}`).click();
    await page.getByTestId('copy-execute').click();
    await pick(page, 'Thiết bị sao, chụp', COPIER);
    expect(await page.getByLabel('Số bản đã sao, chụp').inputValue()).toBe('2');
    await screenshot(page, 'workflow-07-copy-execute');
    await page.getByTestId('copy-execute-submit').click();
    await eventually(() => page.getByTestId('copy-request-status').textContent()).toBe('Đã sao, chụp đủ số bản');
    expect(await page.getByTestId('copy-children').textContent()).toBe('Bản sao số 1Bản sao số 2');
    await screenshot(page, 'workflow-08-copies-made');

    // R6.1: the original goes back to its place, which the clerk records.
    await page.getByTestId('item-location').click();
    await page.getByTestId('location-input').fill('Phòng văn thư, tủ sắt số 2');
    await page.getByTestId('location-submit').click();
    await eventually(() => page.getByTestId('item-detail').textContent()).toContain('Phòng văn thư, tủ sắt số 2');

    await page.getByTestId('copy-child-1').click();
    await page.getByTestId('copy-of').waitFor();
    expect(await page.getByRole('heading', { level: 3 }).textContent()).toContain(`${DOC.soKyHieu} (Bản sao số 1)`);
    expect(await page.getByTestId('copy-of').textContent()).toContain('Bản sao số 1');
    // A copy is not copied again: only the original may be (the server refuses too).
    expect(await page.getByTestId('item-copy-request').count()).toBe(0);
  });

  it('registers the outgoing-book line, prints the envelope labels and sends the document (R5.8, R7.2, R7.3)', async () => {
    await page.goto(outgoingUrl);
    await page.getByTestId('item-register-outgoing').waitFor();
    // R5.8: the document was determined "không được phép sao, chụp": a request is refused with the server's reason.
    await page.getByTestId('item-copy-request').click();
    await page.getByLabel('Nơi nhận bản sao').fill('Phòng Tổ chức');
    await page.getByLabel('Nơi nhận bản sao').press('Enter');
    await page.getByLabel('Mục đích').fill('Lưu hồ sơ');
    await page.getByTestId('copy-request-submit').click();
    await eventually(() => page.getByTestId('copy-request-error').textContent()).toContain('không được phép sao, chụp');
    await screenshot(page, 'workflow-09a-copy-refused');
    await page.getByRole('button', { name: 'Hủy', exact: true }).click();
    await page.getByTestId('copy-request-submit').waitFor({ state: 'detached' });
    expect(await page.getByTestId('item-copies').count()).toBe(0);
    // R7.2: no sending before the outgoing-book line.
    expect(await page.getByTestId('item-send').isDisabled()).toBe(true);
    await page.getByTestId('item-register-outgoing').click();
    await page.getByTestId('outgoing-so-ky-hieu').fill(OUTGOING.soKyHieu);
    await typeDate(page, 'Ngày văn bản', '24/11/2026');
    await page.getByTestId('outgoing-submit').click();
    await eventually(() => page.getByTestId('item-detail').textContent()).toContain('Đã vào sổ đi');

    await page.getByTestId('item-envelope').click();
    await page.getByTestId('envelope-sheet').waitFor();
    // Mật: one envelope with the letter C, and the named-person stamp for a named recipient.
    expect(await page.getByTestId('envelope-0-inner').count()).toBe(0);
    expect(await page.getByTestId('envelope-0-outer-mark').textContent()).toBe('C');
    const outer = (await page.getByTestId('envelope-0-outer').textContent()) ?? '';
    expect(outer).toContain(OUTGOING.recipient);
    expect(outer).toContain(OUTGOING.address);
    expect(outer).toContain('Chỉ người có tên mới được bóc bì');
    await screenshot(page, 'workflow-09-envelope');
    // The printout carries the labels only, without the menu and the buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('main-menu').isVisible()).toBe(false);
    expect(await page.getByTestId('envelope-print').isVisible()).toBe(false);
    expect(await page.getByTestId('envelope-0-outer').isVisible()).toBe(true);
    await screenshot(page, 'workflow-10-envelope-print');
    await page.emulateMedia({ media: 'screen' });

    await page.goto(outgoingUrl);
    await page.getByTestId('item-send').click();
    await page.getByTestId('send-confirm').click();
    await eventually(() => page.getByTestId('item-detail').textContent()).toContain('Đã gửi');
  });

  it('prints the incoming book (Sổ đăng ký BMNN đến) as PDF and exports it as XLSX, both with the Vietnamese text intact', async () => {
    await page.getByTestId('menu-books').click();
    await page.getByTestId('book-den').locator('tbody tr.ant-table-row').first().waitFor();

    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-den-pdf').click()]);
    expect(pdf.suggestedFilename()).toMatch(/^so-den-\d{4}\.pdf$/);
    const pdfPath = await pdf.path();
    const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    const flat = pdfText.replace(/\s+/g, ' ');
    expect(flat).toContain('SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐẾN');
    expect(flat).toContain('Sở Tư pháp');
    // The number wraps at its hyphen in the narrow column, and pdftotext joins the two halves without it.
    expect(flat).toMatch(/125\/SGDĐT-?KT/);
    expect(flat).toMatch(/(^|\s)Mật(\s|$)/);
    // The page's level mark (R12.5), the sender, the summary and the people, with their diacritics.
    expect(flat.startsWith('MẬT ')).toBe(true);
    expect(flat).toContain(DOC.sender);
    expect(flat).toContain(DOC.trichYeu);
    expect(flat).toContain(STAFF.fullName);
    expect(flat).toContain(`bởi ${CLERK.fullName}`);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-den-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^so-den-\d{4}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
    expect(cells).toContain('SỔ ĐĂNG KÝ BÍ MẬT NHÀ NƯỚC ĐẾN');
    expect(cells).toContain('Mật');
    expect(cells).toContain(DOC.sender);
    expect(cells).toContain(DOC.trichYeu);
    expect(cells.join(' | ')).toContain(STAFF.fullName);
    await screenshot(page, 'workflow-11-incoming-book');
  });

  it('ran under the strict Content-Security-Policy without a script error', () => {
    expect(problems).toEqual([]);
  });
});
