// A security officer registers a laptop and its police check and puts it in use (R12.2); then
// reports a lost document (R1.1), sees the "report now" clock (R13.1), records the notifications
// and downloads the ad-hoc report, whose Vietnamese text is checked inside the DOCX.
import fs from 'node:fs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, launchBrowser, logInFirstTime, openPage, pick, type RunningServer, screenshot, setUpAdministrator, startServer } from './harness.ts';

const ADMIN = { username: 'quantri', fullName: 'Lê Thị Hoa', password: 'Quan-Tri-2026-BN' };
const OFFICER = { username: 'bao.pv', fullName: 'Phạm Văn Bảo', password: 'Bao-Mat-2026-STP' };

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: string[];

/** Calls the API with the browser's session (cookie) and its CSRF token. */
const api = <T,>(method: 'GET' | 'POST', url: string, body?: unknown) => callApi<T>(page, server.baseUrl, method, url, body);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser));
  await setUpAdministrator(page, server, ADMIN);
  // The administrator prepares the unit and the officer's account through the API (tested elsewhere in the browser).
  const { account } = await api<{ account: { unitId: string } }>('GET', '/api/auth/session');
  const { unit } = await api<{ unit: { id: string } }>('POST', '/api/units', { parentId: account.unitId, code: 'STP', name: 'Sở Tư pháp', kind: 'SO_BAN_NGANH' });
  const { person } = await api<{ person: { id: string } }>('POST', '/api/people', { fullName: OFFICER.fullName, unitId: unit.id, clearance: 'TOI_MAT', handlesSecrets: true });
  const { temporaryPassword } = await api<{ temporaryPassword: string }>('POST', '/api/accounts', { personId: person.id, username: OFFICER.username, roles: ['CAN_BO_BAO_MAT', 'VAN_THU'] });
  await logInFirstTime(page, OFFICER.username, temporaryPassword, OFFICER.password);
  await api('POST', '/api/items', { unitId: unit.id, level: 'MAT', soKyHieu: '15/KH-STP', trichYeu: 'Kế hoạch kiểm tra công tác bảo vệ BMNN', custodianId: person.id });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('devices and incidents in the browser', () => {
  it('R12.2: a security officer registers a laptop, records the police check and puts it in use', async () => {
    await page.getByTestId('menu-devices').click();
    await page.getByTestId('device-create').click();
    await page.getByLabel('Mã tài sản').fill('MT-05');
    await page.getByLabel('Tên thiết bị').fill('Máy tính xách tay soạn thảo văn bản mật');
    await pick(page, 'Loại thiết bị', 'Máy tính');
    await page.getByLabel('Số sê-ri').fill('5CG1234XYZ');
    await page.getByTestId('device-form-submit').click();
    await page.getByTestId('device-drawer').waitFor();
    await expect.poll(() => page.getByTestId('device-status').textContent()).toBe('Trong kho, chưa sử dụng');

    // Without a check the device cannot be put in use.
    await page.getByTestId('device-change-status').click();
    await pick(page, 'Trạng thái mới', 'Đang sử dụng');
    await page.getByTestId('status-form-submit').click();
    await expect.poll(() => page.getByTestId('status-form-error').textContent()).toContain('chưa được kiểm tra an ninh');
    await page.getByRole('button', { name: 'Hủy', exact: true }).click();

    await page.getByTestId('device-record-check').click();
    await page.getByLabel('Người kiểm tra').fill('Đại úy Trần Văn Kiểm');
    await page.getByTestId('check-report-ref').fill('21/BB-PA03');
    await page.getByTestId('check-form-submit').click();
    await expect.poll(() => page.getByTestId('device-drawer').textContent()).toContain('21/BB-PA03');

    await page.getByTestId('device-change-status').click();
    await pick(page, 'Trạng thái mới', 'Đang sử dụng');
    await page.getByTestId('status-form-submit').click();
    await expect.poll(() => page.getByTestId('device-status').textContent()).toBe('Đang sử dụng');
    await screenshot(page, 'devices-01-laptop-in-use');
    await page.keyboard.press('Escape');
  });

  it('R13.1: reports a lost document, which must be reported now, records the notifications and downloads the ad-hoc report', async () => {
    await page.getByTestId('menu-incidents').click();
    await page.getByTestId('incident-create').click();
    await pick(page, 'Hình thức', 'Qua hình thức khác');
    await pick(page, 'Hình thức cụ thể', 'Làm mất, thất lạc tài liệu, vật chứa bí mật nhà nước');
    await page.getByLabel('Tên vụ việc').fill('Thất lạc Kế hoạch 15/KH-STP sau cuộc họp');
    await page.getByLabel('Người phát hiện').fill('Phạm Văn Bảo');
    await page.getByLabel('Diễn biến, hoàn cảnh').fill('Sau cuộc họp giao ban, cán bộ kiểm tra lại cặp tài liệu thì không thấy bản Kế hoạch.');
    await page.getByLabel('Biện pháp đã áp dụng ngay').fill('Rà soát phòng họp và phòng làm việc.');
    await pick(page, 'Tài liệu, vật chứa BMNN bị lộ, mất', '15/KH-STP (Mật)');
    await page.locator('.ant-modal-title').click();
    await page.getByTestId('incident-form-submit').click();
    await page.getByTestId('incident-drawer').waitFor();
    await expect.poll(() => page.getByTestId('report-now').first().textContent()).toContain('Báo cáo ngay: Người đứng đầu cơ quan, đơn vị, Ban Chỉ đạo tỉnh (qua Công an tỉnh)');
    await screenshot(page, 'incidents-01-report-now');

    for (const recipient of ['Người đứng đầu cơ quan, đơn vị', 'Ban Chỉ đạo tỉnh (qua Công an tỉnh)']) {
      await page.getByTestId('incident-notify').click();
      await pick(page, 'Nơi nhận', recipient);
      await page.getByTestId('notify-form-submit').click();
      await expect.poll(() => page.getByTestId('incident-drawer').locator('.ant-table').first().textContent()).toContain(recipient);
    }
    await expect.poll(() => page.getByTestId('incident-drawer').textContent()).toContain('Đã báo cáo');

    const downloaded = page.waitForEvent('download');
    await page.getByTestId('incident-report-docx').click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^bao-cao-dot-xuat-\d{4}-\d{2}-\d{2}\.docx$/);
    const file = await download.path();
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'SỞ TƯ PHÁP', 'Đột xuất về vụ mất bí mật nhà nước', 'Thất lạc Kế hoạch 15/KH-STP sau cuộc họp', '1. Tài liệu, vật chứa số 15/KH-STP, độ mật: Mật — bị mất.', 'Rà soát phòng họp và phòng làm việc.']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Bắc Ninh, ngày \d{2} tháng \d{2} năm \d{4}/);
    await screenshot(page, 'incidents-02-reported');
  });

  it('shows the statistics of the year by channel', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Thống kê' }).click();
    await expect.poll(() => page.getByText(/1 vụ lộ, mất với 1 tài liệu/).isVisible()).toBe(true);
    // The chart draws on a canvas once its chunk has loaded.
    await page.getByTestId('incident-chart').locator('canvas').waitFor();
    await screenshot(page, 'incidents-03-statistics');
  });

  it('R13.2: downloads the incidents section of the annual report for the report year that contains today (R14.1(c))', async () => {
    await page.getByRole('tab', { name: 'Danh sách vụ việc' }).click();
    const year = await page.getByTestId('incident-annual-year').inputValue();
    expect(Number(year)).toBeGreaterThanOrEqual(2026);
    await expect.poll(() => page.getByText(`Số liệu từ 15/12/${Number(year) - 1} đến 14/12/${year}`).isVisible()).toBe(true);
    const downloaded = page.waitForEvent('download');
    await page.getByTestId('incident-annual-docx').click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(`bao-cao-nam-${year}-lo-mat-bmnn.docx`);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(await download.path()))).file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    for (const expected of [`TÌNH HÌNH, SỐ LIỆU CÁC VỤ LỘ, MẤT BÍ MẬT NHÀ NƯỚC NĂM ${year}`, `(Số liệu từ ngày 15/12/${Number(year) - 1} đến ngày 14/12/${year})`, 'Thất lạc Kế hoạch 15/KH-STP sau cuộc họp', 'Trong kỳ báo cáo, Sở Tư pháp phát hiện 1 vụ lộ, mất bí mật nhà nước (0 vụ lộ, 1 vụ mất), liên quan đến 1 tài liệu, vật chứa bí mật nhà nước và 0 thiết bị.']) {
      expect(text).toContain(expected);
    }
    await screenshot(page, 'incidents-04-annual-report');
  });

  it('R11.2: offboards a clerk who holds two items: the case stays open until both are handed over and the exit commitment is signed', async () => {
    const { account } = await api<{ account: { unitId: string } }>('GET', '/api/auth/session');
    const { person: clerk } = await api<{ person: { id: string } }>('POST', '/api/people', { fullName: 'Nguyễn Thị Lan', unitId: account.unitId, clearance: 'MAT', handlesSecrets: true });
    await api('POST', '/api/people', { fullName: 'Đỗ Minh Tâm', unitId: account.unitId, clearance: 'MAT', handlesSecrets: true });
    for (const soKyHieu of ['31/KH-STP', '32/BC-STP']) await api('POST', '/api/items', { unitId: account.unitId, level: 'MAT', soKyHieu, custodianId: clerk.id });

    await page.getByTestId('menu-secret-work').click();
    await page.getByRole('tab', { name: 'Thu hồi khi thôi quản lý BMNN' }).click();
    await page.getByTestId('offboarding-create').click();
    await pick(page, 'Cán bộ thôi quản lý BMNN', 'Nguyễn Thị Lan');
    await pick(page, 'Lý do', 'Nghỉ hưu');
    await page.getByTestId('offboarding-form-submit').click();
    const drawer = page.getByTestId('offboarding-drawer');
    await drawer.waitFor();
    await expect.poll(() => drawer.textContent()).toContain('Tài liệu số 31/KH-STP (Mật)');
    await expect.poll(() => drawer.textContent()).toContain('còn 2 mục');

    await page.getByTestId('offboarding-close').click();
    await expect.poll(() => page.getByTestId('offboarding-close-error').textContent()).toContain('Còn 2 tài liệu, thiết bị chưa bàn giao');
    await screenshot(page, 'offboarding-01-open');

    for (let left = 2; left > 0; left--) {
      await drawer.getByRole('button', { name: 'Xử lý' }).first().click();
      await pick(page, 'Người nhận bàn giao', 'Đỗ Minh Tâm');
      await page.getByLabel('Số biên bản bàn giao').fill('BB-BG-12');
      await page.getByTestId('resolve-form-submit').click();
      await expect.poll(() => drawer.textContent()).toContain(`còn ${left - 1} mục`);
    }
    await page.getByTestId('offboarding-close').click();
    await expect.poll(() => page.getByTestId('offboarding-close-error').textContent()).toContain('chưa ký cam kết');
    await page.getByTestId('offboarding-sign').click();
    await page.getByTestId('exit-commitment-submit').click();
    await expect.poll(() => drawer.textContent()).toContain('Đã ký');
    await page.getByTestId('offboarding-close').click();
    await expect.poll(() => drawer.textContent()).toContain('Đã kết thúc');
    await screenshot(page, 'offboarding-02-closed');
  });

  it('ran under the strict Content-Security-Policy without a script error', () => {
    expect(problems).toEqual([]);
  });
});
