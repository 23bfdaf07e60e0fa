// What happens to secret items after they are registered, in a real browser: a clerk proposes
// two items for destruction from the item list, the head sets up the council, a council member
// records the review, the head decides, the clerk records the destruction and both items show
// "Đã tiêu hủy" (R10.4, R10.2, R10.3); a take-out is requested, approved, taken out and returned,
// and an overdue one stands out (R8.1, R8.2); an extension decided too late is refused with the
// server's Vietnamese message and the computed deadline (R9.2); a provision is refused with its
// reason (R8.4); a level is raised from the danh mục (R9.3); the notice of a declassification is
// recorded as sent (R9.5); an emergency destruction shows its report as due until filed (R10.1 b). The administrator prepares the unit, the people,
// their accounts and authority, and the items through the API. Screenshots go to test-artifacts/e2e/.
import { request as playwrightRequest, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchBrowser, logIn, openPage, pick, screenshot, setUpAdministrator, startServer, typeDate, type RunningServer } from './harness.ts';

const ADMIN = { username: 'quantri', fullName: 'Lê Thị Hoa', password: 'Quan-Tri-2026-BN' };
const CLERK = { username: 'thu.pt', fullName: 'Phạm Thị Thu', password: 'Thu-Van-Thu-2026', roles: ['VAN_THU'] };
const HEAD = { username: 'hung.nv', fullName: 'Nguyễn Văn Hùng', password: 'Hung-Lanh-Dao-2026', roles: ['LANH_DAO'] };
const MEMBER = { username: 'lan.dt', fullName: 'Đỗ Thị Lan', password: 'Lan-Can-Bo-2026', roles: ['CAN_BO'] };
/** A council member representing another unit (R10.4: "representatives of related bodies"); no account needed. */
const OUTSIDER = { fullName: 'Trịnh Văn Đại', unitName: 'Sở Tài chính' };
const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: string[];
const contexts: APIRequestContext[] = [];
let unitId = '';
let activityItemId = '';
let toiMatDanhMuc = { decisionNumber: '', itemNo: '' };

type Call = <T>(method: 'GET' | 'POST', url: string, body?: unknown) => Promise<T>;

/** An API session of its own (not the browser's), for preparing data as one person. */
async function apiSession(username: string, password: string, newPassword?: string): Promise<Call> {
  const context = await playwrightRequest.newContext({ baseURL: server.baseUrl });
  contexts.push(context);
  let csrf = '';
  const call: Call = async <T,>(method: 'GET' | 'POST', url: string, body?: unknown) => {
    const res = await context.fetch(url, { method, headers: { 'x-csrf-token': csrf }, ...(body === undefined ? {} : { data: body }) });
    if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  ({ csrfToken: csrf } = await call<{ csrfToken: string }>('POST', '/api/auth/login', { username, password }));
  if (newPassword) ({ csrfToken: csrf } = await call<{ csrfToken: string }>('POST', '/api/auth/change-password', { currentPassword: password, newPassword }));
  return call;
}

const isoIn = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

async function logInAs(user: { username: string; password: string }) {
  const drawer = page.getByTestId('destruction-drawer');
  if (await drawer.isVisible()) {
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  }
  await page.getByTestId('logout').click();
  await page.getByTestId('login-form').waitFor();
  await logIn(page, user.username, user.password);
  await page.getByTestId('main-menu').waitFor();
}

async function openCase() {
  await page.getByTestId('menu-destruction').click();
  await page.getByTestId('destruction-table').locator('tbody tr.ant-table-row').first().click();
  await page.getByTestId('destruction-drawer').waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser));
  await setUpAdministrator(page, server, ADMIN);

  const admin = await apiSession(ADMIN.username, ADMIN.password);
  const { account } = await admin<{ account: { unitId: string } }>('GET', '/api/auth/session');
  ({ unit: { id: unitId } } = await admin<{ unit: { id: string } }>('POST', '/api/units', { parentId: account.unitId, code: 'STP', name: 'Sở Tư pháp', kind: 'SO_BAN_NGANH' }));
  const { unit: outsiderUnit } = await admin<{ unit: { id: string } }>('POST', '/api/units', { parentId: account.unitId, code: 'STC', name: OUTSIDER.unitName, kind: 'SO_BAN_NGANH' });
  await admin('POST', '/api/people', { fullName: OUTSIDER.fullName, unitId: outsiderUnit.id, clearance: 'TOI_MAT', handlesSecrets: true });
  const personIds: Record<string, string> = {};
  for (const user of [CLERK, HEAD, MEMBER]) {
    const { person } = await admin<{ person: { id: string } }>('POST', '/api/people', { fullName: user.fullName, unitId, clearance: 'TOI_MAT', handlesSecrets: true });
    personIds[user.username] = person.id;
    const { temporaryPassword } = await admin<{ temporaryPassword: string }>('POST', '/api/accounts', { personId: person.id, username: user.username, roles: user.roles });
    await apiSession(user.username, temporaryPassword, user.password);
  }
  await admin('POST', '/api/authorities', { personId: personIds[HEAD.username], positionKeys: ['NGUOI_DUNG_DAU'], validFrom: '2025-07-01' });
  await admin('POST', '/api/danh-muc/samples');
  const { items: danhMuc } = await admin<{ items: Array<{ id: string }> }>('GET', '/api/danh-muc/items?level=MAT');
  [toiMatDanhMuc] = (await admin<{ items: Array<{ decisionNumber: string; itemNo: string }> }>('GET', '/api/danh-muc/items?level=TOI_MAT')).items as [typeof toiMatDanhMuc];

  const clerk = await apiSession(CLERK.username, CLERK.password);
  for (const [soKyHieu, level] of [['01/BC-STP', 'TOI_MAT'], ['02/KH-STP', 'MAT'], ['03/TB-STP', 'MAT'], ['04/CV-STP', 'MAT'], ['06/BC-STP', 'MAT']]) {
    await clerk('POST', '/api/register/receive', { unitId, sender: 'UBND tỉnh Bắc Ninh', soKyHieu, level, trichYeu: `Tài liệu ${soKyHieu}`, condition: GOOD });
  }
  // An activity whose shorter protection period ends in 30 days: too late to extend (R9.1, R9.2).
  ({ itemId: activityItemId } = await clerk<{ itemId: string }>('POST', '/api/register/propose', { unitId, form: 'ACTIVITY', trichYeu: 'Kế hoạch kiểm tra đột xuất kho lưu trữ', danhMucItemIds: [danhMuc[0]!.id], proposedLevel: 'MAT', recipients: [{ name: 'Phòng Hành chính' }], copies: 1, copyPermitted: false, drafterName: 'Phạm Thị Thu', customEndDate: isoIn(30) }));
  const head = await apiSession(HEAD.username, HEAD.password);
  await head('POST', `/api/items/${activityItemId}/determine`);
  await clerk('POST', `/api/items/${activityItemId}/register-outgoing`, { soKyHieu: '05/KH-STP', documentDate: isoIn(0) });
  // A take-out whose return date has passed, to show how an overdue return stands out (R8.2).
  const { items } = await clerk<{ items: Array<{ id: string; soKyHieu: string }> }>('GET', '/api/items?q=04/CV-STP');
  const { requestId } = await clerk<{ requestId: string }>('POST', '/api/take-outs', { unitId, itemIds: [items[0]!.id], purpose: 'Làm việc với Thanh tra tỉnh', destination: 'Thanh tra tỉnh Bắc Ninh', fromDate: isoIn(-3), toDate: isoIn(-1), protectionMeasures: 'Cặp có khóa' });
  await head('POST', `/api/releases/${requestId}/decide`, { approve: true });
  await clerk('POST', `/api/take-outs/${requestId}/out`);

  await logInAs(CLERK);
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.dispose();
  await browser?.close();
  await server?.stop();
});

describe('the lifecycle of secret items in the browser', () => {
  it('R10.4: the clerk chooses two items in the list and proposes them for destruction', async () => {
    await page.getByTestId('menu-items').click();
    const table = page.getByTestId('items-table');
    for (const so of ['01/BC-STP', '02/KH-STP']) await table.locator('tr', { hasText: so }).locator('.ant-checkbox-input').check();
    await page.getByTestId('items-propose-destruction').click();
    await page.getByTestId('propose-destruction-submit').click();
    await page.getByTestId('destruction-drawer').waitFor();
    await eventually(() => page.getByTestId('destruction-status').textContent()).toBe('Đã lập danh sách đề nghị');
    await eventually(() => page.getByTestId('destruction-items').textContent()).toContain('02/KH-STP');
    await eventually(() => page.getByTestId('destruction-waiting').textContent()).toBe('Chờ lãnh đạo thành lập Hội đồng tiêu hủy');
    await screenshot(page, 'lifecycle-01-destruction-proposed');
  });

  it('R10.4: the head sets up the council (chair and members), one member found in another unit by typing without accents', async () => {
    await logInAs(HEAD);
    await openCase();
    await page.getByTestId('council-ref').fill('12/QĐ-STP');
    await pick(page, 'Chủ tịch Hội đồng', HEAD.fullName);
    await pick(page, 'Thành viên Hội đồng', MEMBER.fullName);
    await pick(page, 'Thành viên Hội đồng', CLERK.fullName);
    const members = page.getByLabel('Thành viên Hội đồng', { exact: true });
    await members.fill('trinh van dai');
    const outsider = page.locator(`.ant-select-dropdown:visible [title="${OUTSIDER.fullName}"]`);
    await eventually(() => outsider.textContent()).toBe(`${OUTSIDER.fullName} — ${OUTSIDER.unitName}`);
    await screenshot(page, 'lifecycle-01b-council-member-other-unit');
    await outsider.click();
    await page.getByTestId('council-submit').click();
    await eventually(() => page.getByTestId('destruction-status').textContent()).toBe('Đã thành lập Hội đồng');
    await eventually(() => page.getByTestId('destruction-drawer').textContent()).toContain(`Chủ tịch: ${HEAD.fullName}; thành viên: ${MEMBER.fullName}, ${CLERK.fullName}, ${OUTSIDER.fullName}`);
  });

  it('R10.4: a council member, a staff member, records the review', async () => {
    await logInAs(MEMBER);
    await openCase();
    await page.getByTestId('review-minutes').fill('Hội đồng thống nhất đề nghị tiêu hủy 02 tài liệu đã hết giá trị sử dụng.');
    await page.getByTestId('review-submit').click();
    await eventually(() => page.getByTestId('destruction-status').textContent()).toBe('Hội đồng đã họp xét');
  });

  it('R10.3: the head, who did not propose, decides', async () => {
    await logInAs(HEAD);
    await openCase();
    await page.getByTestId('decide-ref').fill('15/QĐ-STP');
    await page.getByTestId('decide-submit').click();
    await eventually(() => page.getByTestId('destruction-status').textContent()).toBe('Đã có quyết định tiêu hủy');
    await screenshot(page, 'lifecycle-02-destruction-decided');
  });

  it('R10.2: the clerk records the destruction and both items show "Đã tiêu hủy"', async () => {
    await logInAs(CLERK);
    await openCase();
    await pick(page, 'Phương pháp tiêu hủy', 'Nghiền, cắt hủy bằng máy chuyên dụng');
    await page.getByTestId('execution-place').fill('Phòng văn thư, Sở Tư pháp');
    const witnesses = page.getByLabel('Người chứng kiến', { exact: true });
    for (const name of ['Nguyễn Văn Chứng', 'Lê Thị Kiến']) {
      await witnesses.fill(name);
      await witnesses.press('Enter');
    }
    await page.getByTestId('execute-submit').click();
    await eventually(() => page.getByTestId('execute-form').textContent()).toContain('Phải xác nhận tài liệu sau tiêu hủy không thể khôi phục (R10.2)');
    await page.getByTestId('execution-irrecoverable').check();
    await page.getByTestId('execute-submit').click();
    await eventually(() => page.getByTestId('destruction-status').textContent()).toBe('Đã tiêu hủy, có biên bản');
    await eventually(() => page.getByTestId('destruction-item-status-01/BC-STP').textContent()).toBe('Đã tiêu hủy');
    await eventually(() => page.getByTestId('destruction-drawer').textContent()).toContain('Nguyễn Văn Chứng, Lê Thị Kiến');
    await screenshot(page, 'lifecycle-03-destroyed');
    await page.keyboard.press('Escape');
    await page.getByTestId('menu-items').click();
    for (const so of ['01/BC-STP', '02/KH-STP']) {
      await eventually(() => page.getByTestId('items-table').locator('tr', { hasText: so }).textContent()).toContain('Đã tiêu hủy');
    }
  });

  it('R8.2: the clerk asks to take an item out; the head approves; it leaves and comes back; an overdue return stands out', async () => {
    await page.getByTestId('item-link-03/TB-STP').click();
    await page.getByTestId('item-take-out').click();
    await page.getByTestId('take-out-purpose').fill('Báo cáo tại hội nghị của Bộ Tư pháp');
    await page.getByTestId('take-out-destination').fill('Bộ Tư pháp, Hà Nội');
    await typeDate(page, 'Ngày mang ra', vnDate(isoIn(1)));
    await typeDate(page, 'Ngày trả về nơi lưu giữ', vnDate(isoIn(3)));
    await page.getByTestId('take-out-measures').fill('Đựng trong cặp có khóa, mang theo người');
    await page.getByTestId('take-out-submit').click();
    await page.getByTestId('take-out-submit').waitFor({ state: 'detached' });

    await logInAs(HEAD);
    await page.getByTestId('menu-releases').click();
    const row = page.getByTestId('release-row-03/TB-STP');
    await eventually(() => row.getByTestId('release-status').textContent()).toBe('Chờ quyết định');
    const overdue = page.getByTestId('release-row-04/CV-STP');
    await eventually(() => overdue.getByTestId('release-return-status').textContent()).toBe('Quá hạn trả (R8.2)');
    await screenshot(page, 'lifecycle-04-take-out-requested');
    await row.getByTestId('release-approve').click();
    await eventually(() => row.getByTestId('release-status').textContent()).toBe('Đã đồng ý');
    await eventually(() => row.textContent()).toContain(`Đồng ý: ${HEAD.fullName}`);

    await logInAs(CLERK);
    await page.getByTestId('menu-releases').click();
    await row.getByTestId('release-out').click();
    await eventually(() => row.getByTestId('release-status').textContent()).toBe('Đang mang ra ngoài');
    await eventually(() => row.getByTestId('release-return-status').textContent()).toBe('Sắp đến hạn trả');
    await row.getByTestId('release-returned').click();
    await eventually(() => row.getByTestId('release-status').textContent()).toBe('Đã trả về nơi lưu giữ');
    await screenshot(page, 'lifecycle-05-take-out-returned');
  });

  it('R8.4: a provision request is refused in writing, with its reason', async () => {
    await logInAs(CLERK);
    await page.getByTestId('menu-items').click();
    await page.getByTestId('item-link-03/TB-STP').click();
    await page.getByTestId('item-provision').click();
    await page.getByTestId('provision-body').fill('Sở Kế hoạch và Đầu tư');
    await page.getByTestId('provision-representative').fill('Trần Văn Đề');
    await page.getByTestId('provision-purpose').fill('Tổng hợp báo cáo');
    await page.getByTestId('provision-submit').click();
    await eventually(() => page.getByTestId('provision-error').isVisible()).toBe(true);
    await page.getByTestId('provision-commitment').check();
    await page.getByTestId('provision-submit').click();
    await page.getByTestId('provision-submit').waitFor({ state: 'detached' });

    await logInAs(HEAD);
    await page.getByTestId('menu-releases').click();
    const row = page.getByTestId('releases-table').locator('tr', { hasText: 'Sở Kế hoạch và Đầu tư' });
    await row.getByTestId('release-refuse').click();
    await page.getByTestId('refuse-reason').fill('Nội dung đề nghị không liên quan trực tiếp đến nhiệm vụ được giao');
    await page.getByTestId('refuse-submit').click();
    await eventually(() => row.textContent()).toContain('Lý do từ chối: Nội dung đề nghị không liên quan trực tiếp đến nhiệm vụ được giao');
    expect(await row.getByTestId('release-status').textContent()).toBe('Từ chối');
  });

  it('R9.3: the head raises the level of an item, citing the danh mục', async () => {
    await page.getByTestId('menu-items').click();
    // The item page asks for this item's notices, not for the whole "Việc cần làm" dashboard.
    const asked: string[] = [];
    const record = (r: { url: () => string }) => asked.push(new URL(r.url()).pathname);
    page.on('request', record);
    await page.getByTestId('item-link-03/TB-STP').click();
    await page.getByTestId('item-adjust').click();
    const danhMuc = page.getByLabel('Căn cứ danh mục bí mật nhà nước', { exact: true });
    await danhMuc.click();
    await danhMuc.fill(`${toiMatDanhMuc.decisionNumber}, mục ${toiMatDanhMuc.itemNo}`);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await eventually(() => page.getByTestId('adjust-preview').textContent()).toBe('Nâng độ mật: Mật → Tối mật');
    await page.getByTestId('adjust-decision').fill('22/QĐ-STP');
    await page.getByTestId('adjust-submit').click();
    await page.getByTestId('adjust-submit').waitFor({ state: 'detached' });
    await eventually(() => page.getByTestId('item-detail').textContent()).toContain('Tối mật');
    await eventually(() => page.getByTestId('item-notices').textContent()).toContain('phải gửi trước hết ngày');
    page.off('request', record);
    expect(asked.filter((url) => /^\/api\/items\/[^/]+\/notices$/.test(url)).length).toBeGreaterThan(0);
    expect(asked).not.toContain('/api/dashboard');
    await screenshot(page, 'lifecycle-09-level-raised');
  });

  it('R9.2: an extension decided less than 60 days before the end is refused, in Vietnamese, with the deadline', async () => {
    await logInAs(HEAD);
    await page.goto(`${server.baseUrl}/items/${activityItemId}`);
    const deadline = vnDate(isoIn(-30));
    await eventually(() => page.getByTestId('item-extension-deadline').textContent()).toContain(deadline);
    await page.getByTestId('item-extend').click();
    await page.getByTestId('extend-years').fill('2');
    await page.getByTestId('extend-decision').fill('20/QĐ-STP');
    await page.getByTestId('extend-submit').click();
    const error = page.getByTestId('extend-error');
    await eventually(() => error.textContent()).toContain('Quyết định gia hạn phải ban hành chậm nhất 60 ngày trước khi hết thời hạn bảo vệ');
    expect(await error.textContent()).toContain(deadline);
    expect(await page.getByTestId('extend-deadline').textContent()).toContain('đã quá hạn');
    await screenshot(page, 'lifecycle-06-extension-too-late');
    await page.getByRole('button', { name: 'Hủy', exact: true }).click();
  });

  it('R9.4(c), R9.5: the head declassifies the item; the clerk records the written notice as sent', async () => {
    await page.getByTestId('item-declassify').click();
    await page.getByText('Không còn thuộc danh mục bí mật nhà nước (R9.4 c)').click();
    await page.getByTestId('declassify-decision').fill('21/QĐ-STP');
    await page.getByTestId('declassify-submit').click();
    await page.getByTestId('declassify-submit').waitFor({ state: 'detached' });
    await eventually(() => page.getByTestId('item-detail').textContent()).toContain('Đã giải mật');

    await logInAs(CLERK);
    await page.getByTestId('menu-periods').click();
    await page.getByTestId('notice-sent-05/KH-STP').click();
    await page.getByTestId('notice-sent-to').fill('Phòng Hành chính; Văn phòng UBND tỉnh');
    await page.getByTestId('notice-submit').click();
    await eventually(() => page.getByTestId('notices-table').textContent()).not.toContain('05/KH-STP');
    // The notice of the level adjustment (R9.3) is still due.
    expect(await page.getByTestId('notices-table').textContent()).toContain('03/TB-STP');
    await screenshot(page, 'lifecycle-07-notice-sent');
  });

  it('R10.1(b), R10.3: the clerk holding an item destroys it in an emergency; the written report shows as due until filed', async () => {
    await page.getByTestId('menu-items').click();
    await page.getByTestId('item-link-06/BC-STP').click();
    await page.getByTestId('item-emergency-destruction').click();
    await page.getByTestId('emergency-circumstances').fill('Kho lưu trữ bị ngập, tài liệu có nguy cơ bị lộ');
    await pick(page, 'Phương pháp tiêu hủy', 'Đốt');
    await page.getByTestId('execution-place').fill('Sân sau trụ sở Sở Tư pháp');
    const witnesses = page.getByLabel('Người chứng kiến', { exact: true });
    await witnesses.fill('Nguyễn Văn Chứng');
    await witnesses.press('Enter');
    await page.getByTestId('execution-irrecoverable').check();
    await page.getByTestId('emergency-submit').click();
    await page.getByTestId('emergency-submit').waitFor({ state: 'detached' });
    await eventually(() => page.getByTestId('item-detail').textContent()).toContain('Đã tiêu hủy');

    await page.getByTestId('menu-destruction').click();
    const due = page.getByTestId('destruction-table').locator('tr', { hasText: 'Khẩn cấp (R10.1 b)' });
    await eventually(() => due.textContent()).toContain('Chưa báo cáo bằng văn bản — phải báo cáo ngay');
    await screenshot(page, 'lifecycle-08-emergency-report-due');
    await due.click();
    await page.getByTestId('report-submit').click();
    await eventually(() => page.getByTestId('destruction-status').textContent()).toBe('Tiêu hủy khẩn cấp — đã báo cáo');
    await page.keyboard.press('Escape');
    await eventually(() => due.textContent()).toContain('Đã báo cáo ngày');
  });

  it('ran under the strict Content-Security-Policy without a script error', () => {
    expect(problems).toEqual([]);
  });
});
