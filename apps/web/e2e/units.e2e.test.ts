// The unit tree through its life (R1.3): a department merges into another, its office moves
// and is renamed, old names stay searchable, history is shown; then the administrator turns on
// TOTP and logs in with it, and the audit viewer filters by event type.
import { AUDIT_BREAK_LABELS } from '@bmnn/contracts';
import Database from 'better-sqlite3';
import path from 'node:path';
import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchBrowser, logIn, openPage, pick, screenshot, setUpAdministrator, startServer, typeDate, type RunningServer } from './harness.ts';

const ADMIN = { username: 'quantri', fullName: 'Lê Thị Hoa', password: 'Quan-Tri-2026-BN' };

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: string[];
let totpSecret = '';

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

async function selectUnit(code: string): Promise<void> {
  await page.getByTestId(`unit-node-${code}`).click();
  await eventually(() => page.getByTestId('unit-detail').textContent()).toContain(code);
}

async function createUnit({ parent, name, code, kind }: { parent: string; name: string; code: string; kind: string }) {
  await selectUnit(parent);
  await page.getByTestId('unit-add-child').click();
  await page.getByLabel('Tên đơn vị').fill(name);
  await page.getByLabel('Mã đơn vị').fill(code);
  await pick(page, 'Loại đơn vị', kind);
  await page.getByTestId('unit-form-submit').click();
  await page.getByTestId(`unit-node-${code}`).waitFor();
}

const nodeText = (code: string) => page.getByTestId(`unit-node-${code}`).textContent();
const detailText = () => page.getByTestId('unit-detail').textContent();

describe('units, TOTP and the audit viewer in the browser', () => {
  it('moves an office to another department from an effective date and shows it in its history', async () => {
    await page.getByTestId('menu-units').click();
    await createUnit({ parent: 'BN', name: 'Sở Kế hoạch và Đầu tư', code: 'SKHDT', kind: 'Sở, ban, ngành' });
    await createUnit({ parent: 'BN', name: 'Sở Tài chính', code: 'STC', kind: 'Sở, ban, ngành' });
    await createUnit({ parent: 'SKHDT', name: 'Văn phòng Sở Kế hoạch và Đầu tư', code: 'SKHDT-VP', kind: 'Phòng, ban trực thuộc' });

    await selectUnit('SKHDT-VP');
    await page.getByTestId('unit-move').click();
    await pick(page, 'Đơn vị cấp trên mới', 'Sở Tài chính (STC)');
    await typeDate(page, 'Ngày có hiệu lực', '01/03/2025');
    await screenshot(page, 'units-01-move');
    await page.getByTestId('unit-move-submit').click();

    await eventually(detailText).toContain('Đơn vị cấp trênSở Tài chính');
    await eventually(() => page.getByTestId('unit-history').textContent()).toContain('Chuyển đơn vị cấp trên');
    await eventually(() => page.getByTestId('unit-history').textContent()).toContain('01/03/2025');
  });

  it('renames the office and still finds it by its old name, without accents', async () => {
    await page.getByTestId('unit-edit').click();
    await page.getByLabel('Tên đơn vị').fill('Phòng Kế hoạch và Đầu tư');
    await page.getByTestId('unit-form-submit').click();
    await eventually(detailText).toContain('Tên cũVăn phòng Sở Kế hoạch và Đầu tư');

    await page.getByTestId('unit-search').locator('input').fill('van phong so ke hoach');
    await page.getByTestId('unit-search').locator('input').press('Enter');
    await eventually(() => nodeText('SKHDT-VP')).toContain('tên cũ: Văn phòng Sở Kế hoạch và Đầu tư');
    await screenshot(page, 'units-02-former-name');
    await page.getByTestId('unit-search').locator('input').fill('');
    await page.getByTestId('unit-search').locator('input').press('Enter');
  });

  it('marks the merged department defunct with its successor; the tree greys it and names the successor', async () => {
    await selectUnit('SKHDT');
    await page.getByTestId('unit-defunct').click();
    await pick(page, 'Đơn vị kế thừa', 'Sở Tài chính (STC)');
    await typeDate(page, 'Ngày có hiệu lực', '01/03/2025');
    await page.getByLabel('Lý do').fill('Hợp nhất vào Sở Tài chính');
    await screenshot(page, 'units-03-defunct');
    await page.getByTestId('unit-defunct-submit').click();

    await eventually(() => nodeText('SKHDT')).toContain('đã giải thể → Sở Tài chính');
    await eventually(detailText).toContain('Đơn vị kế thừaSở Tài chính');
    await eventually(detailText).toContain('Hiệu lực đến01/03/2025');
    await screenshot(page, 'units-04-tree');
  });

  it('turns on TOTP from the profile and then asks for the code at login', async () => {
    await page.getByTestId('user-name').click();
    await page.getByTestId('totp-start').click();
    await page.getByTestId('totp-qr').locator('svg path').waitFor();
    totpSecret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    expect(totpSecret).toMatch(/^[A-Z2-7]{16,}$/);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(totpSecret) });
    await page.getByLabel('Mã 6 chữ số').fill(totp.generate());
    await screenshot(page, 'profile-01-totp');
    await page.getByTestId('totp-submit').click();
    await eventually(() => page.getByTestId('totp-section').textContent()).toContain('đang bật');

    await page.getByTestId('logout').click();
    await logIn(page, ADMIN.username, ADMIN.password);
    await page.getByLabel('Mã xác thực hai lớp (TOTP)').waitFor();
    await screenshot(page, 'profile-02-login-totp');
    await logIn(page, ADMIN.username, ADMIN.password, totp.generate());
    await page.getByTestId('main-menu').waitFor();
  });

  it('filters the audit trail by event type and pages through it', async () => {
    await page.getByTestId('menu-audit').click();
    await page.getByTestId('audit-type-filter').locator('input').fill('unit.moved');
    await page.getByTestId('audit-type-filter').locator('input').press('Enter');
    const rows = page.getByTestId('audit-table').locator('tbody tr.ant-table-row');
    await eventually(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('unit.moved');
    await screenshot(page, 'audit-01-filtered');
  });

  it('reports an edited audit record with its kind when the administrator verifies the trail', async () => {
    // Someone with access to the database file rewrites what the move recorded.
    const db = new Database(path.join(server.dataDir, 'bmnn.sqlite'));
    try {
      const changed = db.prepare(`UPDATE audit_records SET data = '{"toParentId":null}' WHERE type = 'unit.moved'`).run();
      expect(changed.changes).toBe(1);
    } finally {
      db.close();
    }
    await page.getByTestId('audit-verify').click();
    await page.getByTestId('audit-verify-broken').waitFor();
    const report = page.getByTestId(/^audit-chain-/).filter({ hasText: 'Phòng Kế hoạch và Đầu tư' });
    await eventually(() => report.textContent()).toContain(AUDIT_BREAK_LABELS.EDITED);
    await screenshot(page, 'audit-02-broken');
  });

  it('ran under the strict Content-Security-Policy without a script error', () => {
    expect(problems).toEqual([]);
  });
});
