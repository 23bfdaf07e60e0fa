// The security officer's day (issue #4): registers a laptop and its police check (R12.2), records
// a training session with attendees and corrects it (R11.5), offboards a clerk who holds two
// items — hands them over, gets the exit commitment signed, closes the case (R11.2) — then reports
// a lost document and downloads the ad-hoc report, whose Vietnamese text is checked inside the DOCX (R13.1).
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, eventually, launchBrowser, logInFirstTime, openPage, pick, type RunningServer, screenshot, setUpAdministrator, startServer } from './harness.ts';

const ADMIN = { username: 'quantri', fullName: 'Lê Thị Hoa', password: 'Quan-Tri-2026-BN' };
const OFFICER = { username: 'bao.pv', fullName: 'Phạm Văn Bảo', password: 'Bao-Mat-2026-STP' };
const CLERK = 'Nguyễn Thị Lan';
const SUCCESSOR = 'Đỗ Minh Tâm';

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: string[];

/** Calls the API with the browser's session (cookie) and its CSRF token. */
const api = <T,>(method: 'GET' | 'POST', url: string, body?: unknown) => callApi<T>(page, server.baseUrl, method, url, body);

async function docxText(file: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser));
  await setUpAdministrator(page, server, ADMIN);
  // The administrator prepares the unit, its people and the officer's account through the API (tested elsewhere in the browser).
  const { account } = await api<{ account: { unitId: string } }>('GET', '/api/auth/session');
  const { unit } = await api<{ unit: { id: string } }>('POST', '/api/units', { parentId: account.unitId, code: 'STP', name: 'Sở Tư pháp', kind: 'SO_BAN_NGANH' });
  const { person } = await api<{ person: { id: string } }>('POST', '/api/people', { fullName: OFFICER.fullName, unitId: unit.id, clearance: 'TOI_MAT', handlesSecrets: true });
  const { person: clerk } = await api<{ person: { id: string } }>('POST', '/api/people', { fullName: CLERK, unitId: unit.id, clearance: 'MAT', handlesSecrets: true });
  await api('POST', '/api/people', { fullName: SUCCESSOR, unitId: unit.id, clearance: 'MAT', handlesSecrets: true });
  const { temporaryPassword } = await api<{ temporaryPassword: string }>('POST', '/api/accounts', { personId: person.id, username: OFFICER.username, roles: ['CAN_BO_BAO_MAT', 'VAN_THU'] });
  await logInFirstTime(page, OFFICER.username, temporaryPassword, OFFICER.password);
  // The register holds two items in the clerk's custody and one in the officer's.
  for (const soKyHieu of ['31/KH-STP', '32/BC-STP']) await api('POST', '/api/items', { unitId: unit.id, level: 'MAT', soKyHieu, custodianId: clerk.id });
  await api('POST', '/api/items', { unitId: unit.id, level: 'MAT', soKyHieu: '15/KH-STP', trichYeu: 'Kế hoạch kiểm tra công tác bảo vệ BMNN', custodianId: person.id });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the security officer's secret work in the browser", () => {
  it('R12.2: registers a laptop, records the police check and puts it in use', async () => {
    await page.getByTestId('menu-devices').click();
    await page.getByTestId('device-create').click();
    await page.getByLabel('Mã tài sản').fill('MT-07');
    await page.getByLabel('Tên thiết bị').fill('Máy tính xách tay soạn thảo văn bản mật');
    await pick(page, 'Loại thiết bị', 'Máy tính');
    await page.getByTestId('device-form-submit').click();
    await page.getByTestId('device-drawer').waitFor();
    await page.getByTestId('device-record-check').click();
    await page.getByLabel('Người kiểm tra').fill('Đại úy Trần Văn Kiểm');
    await page.getByTestId('check-report-ref').fill('27/BB-PA03');
    await page.getByTestId('check-form-submit').click();
    await eventually(() => page.getByTestId('device-drawer').textContent()).toContain('27/BB-PA03');
    await page.getByTestId('device-change-status').click();
    await pick(page, 'Trạng thái mới', 'Đang sử dụng');
    await page.getByTestId('status-form-submit').click();
    await eventually(() => page.getByTestId('device-status').textContent()).toBe('Đang sử dụng');
    await screenshot(page, 'secret-work-01-laptop');
    await page.keyboard.press('Escape');
  });

  it('R11.5: records a training session with two attendees, prints the attendance list and sees the coverage chart', async () => {
    await page.getByTestId('menu-training').click();
    await page.getByTestId('training-create').click();
    await page.getByLabel('Chủ đề').fill('Quán triệt Chỉ thị số 04/CT-UBND về bảo vệ bí mật nhà nước');
    await pick(page, 'Người tham dự', CLERK);
    await pick(page, 'Người tham dự', SUCCESSOR);
    await page.locator('.ant-modal-title').click();
    await page.getByTestId('training-form-submit').click();
    const drawer = page.getByTestId('training-drawer');
    await drawer.waitFor();
    await eventually(() => page.getByTestId('training-attendee-count').textContent()).toBe('2');
    await eventually(() => page.getByTestId('training-attendees').textContent()).toContain(CLERK);
    await screenshot(page, 'secret-work-02-training');

    const downloaded = page.waitForEvent('download');
    await page.getByTestId('training-attendance-docx').click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^danh-sach-tham-du-tap-huan-\d{4}-\d{2}-\d{2}\.docx$/);
    const text = await docxText(await download.path());
    for (const expected of ['DANH SÁCH NGƯỜI THAM DỰ', 'SỞ TƯ PHÁP', 'Chủ đề: Quán triệt Chỉ thị số 04/CT-UBND về bảo vệ bí mật nhà nước', CLERK, SUCCESSOR, 'Tổng số: 2 người tham dự.']) {
      expect(text).toContain(expected);
    }

    // The attendance list can come from Excel: a wrong row stops the whole file; a clean one goes in.
    const sheet = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Tham dự');
      ws.addRow(['Họ và tên', 'Đơn vị']);
      for (const r of rows) ws.addRow(r);
      return { name: 'tham-du.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
    };
    await drawer.locator('input[type=file]').setInputFiles(await sheet([['nguyen thi lan', 'stp'], ['Người Không Có', 'Sở Tư pháp']]));
    await page.getByTestId('attendance-dry-run').click();
    await eventually(() => page.getByTestId('attendance-check-failed').textContent()).toContain('Tìm thấy 1 lỗi');
    expect(await page.getByTestId('attendance-import').isDisabled()).toBe(true);
    await drawer.locator('input[type=file]').setInputFiles(await sheet([['nguyen thi lan', 'stp']]));
    await page.getByTestId('attendance-dry-run').click();
    await eventually(() => page.getByTestId('attendance-check-ok').textContent()).toContain('1 người đã có trong danh sách');
    await page.getByTestId('attendance-import').click();
    await page.getByTestId('attendance-check-ok').waitFor({ state: 'detached' });
    expect(await page.getByTestId('training-attendee-count').textContent()).toBe('2');
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: 'Tỷ lệ được tập huấn' }).click();
    // The officer, the clerk and the successor handle secrets; two of them were trained today.
    await eventually(() => page.getByTestId('coverage-summary').textContent()).toContain('2/3 cán bộ');
    await eventually(() => page.getByTestId('coverage-chart').locator('canvas').count()).toBeGreaterThan(0);
    await screenshot(page, 'secret-work-03-coverage');
    await page.getByRole('tab', { name: /Cần tập huấn lại/ }).click();
    await eventually(() => page.getByTestId('training-due').textContent()).toContain(OFFICER.fullName);
    await screenshot(page, 'secret-work-03-reminders');
  });

  it('R11.5: corrects the session title and takes a wrongly added attendee off the list with a reason', async () => {
    const wrongTitle = 'Quán triệt Chỉ thị số 04/CT-UBND về bảo vệ bí mật nhà nước';
    const rightTitle = 'Quán triệt Chỉ thị số 04/CT-UBND và Luật Bảo vệ bí mật nhà nước năm 2025';
    await page.getByRole('tab', { name: 'Buổi tập huấn' }).click();
    await page.getByTestId('training-sessions').getByRole('button', { name: wrongTitle }).click();
    const drawer = page.getByTestId('training-drawer');
    await drawer.waitFor();
    await page.getByTestId('training-edit').click();
    const topic = page.getByLabel('Chủ đề', { exact: true });
    expect(await topic.inputValue()).toBe(wrongTitle);
    await topic.fill(rightTitle);
    await page.getByTestId('training-form-submit').click();
    await eventually(() => page.getByTestId('training-topic').textContent()).toBe(rightTitle);

    // The successor was added by mistake: the reason is required before he leaves the list.
    await drawer.locator('tr', { hasText: SUCCESSOR }).getByRole('button', { name: 'Xóa khỏi danh sách' }).click();
    await page.getByTestId('training-remove-submit').click();
    await eventually(() => page.locator('.ant-modal .ant-form-item-explain-error').textContent()).toBe('Lý do không được để trống');
    expect(await page.getByTestId('training-attendee-count').textContent()).toBe('2');
    await page.getByLabel('Lý do xóa').fill('Đồng chí Tâm đi công tác, không dự buổi tập huấn; ghi nhầm');
    await page.getByTestId('training-remove-submit').click();
    await eventually(() => page.getByTestId('training-attendee-count').textContent()).toBe('1');
    expect(await page.getByTestId('training-attendees').textContent()).not.toContain(SUCCESSOR);
    expect(await page.getByTestId('training-attendees').textContent()).toContain(CLERK);
    await screenshot(page, 'secret-work-03-training-corrected');
    await page.keyboard.press('Escape');
    await eventually(() => page.getByTestId('training-sessions').textContent()).toContain(rightTitle);

    // Only the clerk is still counted as trained; the successor is due again.
    await page.getByRole('tab', { name: 'Tỷ lệ được tập huấn' }).click();
    await eventually(() => page.getByTestId('coverage-summary').textContent()).toContain('1/3 cán bộ');
    await page.getByRole('tab', { name: /Cần tập huấn lại/ }).click();
    await eventually(() => page.getByTestId('training-due').textContent()).toContain(SUCCESSOR);
  });

  it('R11.2: offboards the clerk who holds two items: hands them over, gets the commitment signed and closes the case', async () => {
    await page.getByTestId('menu-secret-work').click();
    await page.getByRole('tab', { name: 'Thu hồi khi thôi quản lý BMNN' }).click();
    await page.getByTestId('offboarding-create').click();
    await pick(page, 'Cán bộ thôi quản lý BMNN', CLERK);
    await pick(page, 'Lý do', 'Chuyển công tác');
    await page.getByTestId('offboarding-form-submit').click();
    const drawer = page.getByTestId('offboarding-drawer');
    await drawer.waitFor();
    await eventually(() => drawer.textContent()).toContain('còn 2 mục');
    await page.getByTestId('offboarding-close').click();
    await eventually(() => page.getByTestId('offboarding-close-error').textContent()).toContain('Còn 2 tài liệu, thiết bị chưa bàn giao');

    for (let left = 2; left > 0; left--) {
      await drawer.getByRole('button', { name: 'Xử lý' }).first().click();
      await pick(page, 'Người nhận bàn giao', SUCCESSOR);
      await page.getByLabel('Số biên bản bàn giao').fill('BB-BG-21');
      await page.getByTestId('resolve-form-submit').click();
      await eventually(() => drawer.textContent()).toContain(`còn ${left - 1} mục`);
    }
    await page.getByTestId('offboarding-sign').click();
    await page.getByTestId('exit-commitment-submit').click();
    await eventually(() => drawer.textContent()).toContain('Đã ký');
    await page.getByTestId('offboarding-close').click();
    await eventually(() => drawer.textContent()).toContain('Đã kết thúc');
    await screenshot(page, 'secret-work-04-offboarding-closed');
    await page.keyboard.press('Escape');
    // The successor now holds both items.
    const { items } = await api<{ items: Array<{ soKyHieu: string; custodianId: string }> }>('GET', '/api/items');
    const { people } = await api<{ people: Array<{ id: string; fullName: string }> }>('GET', '/api/people');
    const successorId = people.find((p) => p.fullName === SUCCESSOR)!.id;
    expect(items.filter((i) => i.custodianId === successorId).map((i) => i.soKyHieu).sort()).toEqual(['31/KH-STP', '32/BC-STP']);
  });

  it('R11.4: lists the commitments due for renewal on the secret-work page', async () => {
    const { people } = await api<{ people: Array<{ id: string; fullName: string }> }>('GET', '/api/people');
    const successorId = people.find((p) => p.fullName === SUCCESSOR)!.id;
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await api('POST', '/api/commitments', { personId: successorId, kind: 'ON_ASSIGNMENT', signedOn: day(-345), renewalDue: day(20) });
    await page.getByTestId('menu-secret-work').click();
    await page.getByRole('tab', { name: 'Cam kết đến hạn ký lại' }).click();
    const [y, m, d] = day(20).split('-');
    await eventually(() => page.getByTestId('commitment-renewals').textContent()).toContain(`${SUCCESSOR}Cam kết khi được phân công`);
    await eventually(() => page.getByTestId('commitment-renewals').textContent()).toContain(`${d}/${m}/${y}`);
    // The clerk's exit commitment has no renewal date: it is not listed.
    expect(await page.getByTestId('commitment-renewals').textContent()).not.toContain(CLERK);
    await screenshot(page, 'secret-work-04b-renewals');
  });

  it('R8.7, R8.8: a Tối mật meeting outside the premises is held only after the police request and the device ban, and closes only when its document is back', async () => {
    await page.getByTestId('menu-meetings').click();
    await page.getByTestId('meeting-create').click();
    await page.getByLabel('Tên hội nghị, cuộc họp').fill('Hội nghị sơ kết công tác bảo vệ bí mật nhà nước');
    await pick(page, 'Độ mật của nội dung', 'Tối mật');
    await pick(page, 'Nơi tổ chức', 'Ngoài trụ sở cơ quan');
    await page.getByLabel('Địa điểm', { exact: true }).fill('Hội trường Nhà khách tỉnh');
    await page.getByTestId('meeting-form-submit').click();
    const drawer = page.getByTestId('meeting-drawer');
    await drawer.waitFor();
    await page.getByTestId('meeting-attendee-select').click();
    await page.keyboard.type(OFFICER.fullName);
    await page.locator(`.ant-select-dropdown:visible [title="${OFFICER.fullName}"]`).click();
    await page.getByTestId('meeting-attendee-add').click();
    await eventually(() => page.getByTestId('meeting-attendees').textContent()).toBe(OFFICER.fullName);

    await page.getByTestId('meeting-held').click();
    await eventually(() => page.getByTestId('meeting-error').textContent()).toContain('phải có văn bản đề nghị Bộ Công an hoặc Công an tỉnh kiểm tra an ninh');
    await page.getByTestId('meeting-police-ref').fill('52/STP-VP');
    await page.getByTestId('meeting-police-save').click();
    await eventually(() => drawer.textContent()).toContain('52/STP-VP');
    await page.getByTestId('meeting-held').click();
    await eventually(() => page.getByTestId('meeting-error').textContent()).toContain('phải thông báo cấm mang thiết bị');
    await page.getByTestId('meeting-device-ban').click();
    await eventually(() => drawer.textContent()).toContain('Đã thông báo');
    await page.getByTestId('meeting-held').click();
    await eventually(() => page.getByTestId('meeting-status').textContent()).toBe('Đã họp, đang thu hồi tài liệu');
    const downloaded = page.waitForEvent('download');
    await page.getByTestId('meeting-notice-docx').click();
    const notice = await docxText(await (await downloaded).path());
    for (const expected of ['TỐI MẬT', 'THÔNG BÁO', 'Hội nghị sơ kết công tác bảo vệ bí mật nhà nước', 'Người tham dự không mang vào phòng họp điện thoại di động']) expect(notice).toContain(expected);

    await page.getByTestId('meeting-item-select').click();
    await page.keyboard.type('15/KH-STP');
    await page.locator('.ant-select-dropdown:visible [title="15/KH-STP (Mật)"]').click();
    await page.getByTestId('meeting-item-to').click();
    await page.locator(`.ant-select-dropdown:visible [title="${OFFICER.fullName}"]`).click();
    await page.getByTestId('meeting-item-hand-out').click();
    await eventually(() => drawer.textContent()).toContain('Tài liệu số 15/KH-STP (Mật)');
    await page.getByTestId('meeting-close').click();
    await eventually(() => page.getByTestId('meeting-error').textContent()).toContain('chưa được thu hồi');
    await drawer.getByRole('button', { name: 'Đã thu hồi' }).click();
    await eventually(() => drawer.getByRole('button', { name: 'Đã thu hồi' }).count()).toBe(0);
    await page.getByTestId('meeting-close').click();
    await eventually(() => page.getByTestId('meeting-status').textContent()).toBe('Đã kết thúc');
    await screenshot(page, 'secret-work-05-meeting-closed');
    await page.keyboard.press('Escape');
  });

  it('R13.1: reports a lost document and downloads the ad-hoc report, which opens with the Vietnamese text', async () => {
    await page.getByTestId('menu-incidents').click();
    await page.getByTestId('incident-create').click();
    await pick(page, 'Hình thức', 'Qua hình thức khác');
    await pick(page, 'Hình thức cụ thể', 'Làm mất, thất lạc tài liệu, vật chứa bí mật nhà nước');
    await page.getByLabel('Tên vụ việc').fill('Thất lạc Kế hoạch 15/KH-STP sau buổi tập huấn');
    await page.getByLabel('Người phát hiện').fill(OFFICER.fullName);
    await page.getByLabel('Diễn biến, hoàn cảnh').fill('Sau buổi tập huấn, cán bộ kiểm tra lại cặp tài liệu thì không thấy bản Kế hoạch.');
    await page.getByLabel('Biện pháp đã áp dụng ngay').fill('Rà soát hội trường và phòng làm việc.');
    await pick(page, 'Tài liệu, vật chứa BMNN bị lộ, mất', '15/KH-STP (Mật)');
    await page.locator('.ant-modal-title').click();
    await page.getByTestId('incident-form-submit').click();
    await page.getByTestId('incident-drawer').waitFor();
    await eventually(() => page.getByTestId('report-now').first().textContent()).toContain('Báo cáo ngay');

    const downloaded = page.waitForEvent('download');
    await page.getByTestId('incident-report-docx').click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^bao-cao-dot-xuat-\d{4}-\d{2}-\d{2}\.docx$/);
    const text = await docxText(await download.path());
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'SỞ TƯ PHÁP', 'Đột xuất về vụ mất bí mật nhà nước', 'Thất lạc Kế hoạch 15/KH-STP sau buổi tập huấn', '1. Tài liệu, vật chứa số 15/KH-STP, độ mật: Mật — bị mất.', 'Rà soát hội trường và phòng làm việc.']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Bắc Ninh, ngày \d{2} tháng \d{2} năm \d{4}/);
    await screenshot(page, 'secret-work-06-incident');
  });

  it('ran under the strict Content-Security-Policy without a script error', () => {
    expect(problems).toEqual([]);
  });
});
