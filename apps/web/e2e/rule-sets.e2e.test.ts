// The administrator reads the rule sets as Vietnamese tables, corrects the extension lead days
// (R9.2, an UNCONFIRMED figure of LEGAL.md), sees a refused JSON edit explained in Vietnamese,
// and finds the change in the history.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchBrowser, openPage, screenshot, setUpAdministrator, startServer, type RunningServer } from './harness.ts';

const ADMIN = { username: 'quantri', fullName: 'Lê Thị Hoa', password: 'Quan-Tri-2026-BN' };

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

describe('rule sets in the browser', () => {
  it('A4, R9.2: the administrator reads the 2025 rule set, corrects the extension lead days and sees it in the history', async () => {
    await page.getByTestId('menu-ruleSets').click();
    await page.getByTestId('rule-set-view-LAW_2025').waitFor();
    await eventually(() => page.getByTestId('rule-set-levels').textContent()).toContain('Tuyệt mật30 năm30 nămACó');
    await eventually(() => page.getByTestId('rule-set-deadlines').textContent()).toContain('Quyết định gia hạn chậm nhất trước khi hết thời hạn60 ngày');
    expect(await page.getByTestId('rule-set-authority-EXTEND').textContent()).toContain('Người đứng đầu cơ quan, tổ chức');
    await screenshot(page, 'rule-sets-01-view');

    await page.getByTestId('rule-set-tab-edit').click();
    const json = page.getByTestId('rs-json');
    const text = await json.inputValue();
    await json.fill(text.replace('"decisionLeadDays": 60', '"decisionLeadDays": "sáu mươi"'));
    await page.getByTestId('rs-save-json').click();
    await eventually(() => page.getByTestId('rule-set-issues').textContent()).toContain('Gia hạn (R9.2) › Quyết định trước khi hết hạn ít nhất (ngày)');
    await screenshot(page, 'rule-sets-02-invalid');
    await page.getByRole('button', { name: 'Hoàn tác' }).click();

    await page.getByTestId('rs-decision-lead').fill('45');
    await page.getByTestId('rs-save-form').click();
    await eventually(() => page.getByTestId('rule-set-version').textContent()).toBe('Phiên bản 1');
    await page.getByTestId('rule-set-tab-history').click();
    await eventually(() => page.getByTestId('rule-set-history').textContent()).toContain('Gia hạn (R9.2) › Quyết định trước khi hết hạn ít nhất (ngày): 60 → 45');
    await screenshot(page, 'rule-sets-03-history');
    await page.getByTestId('rule-set-tab-view').click();
    await eventually(() => page.getByTestId('rule-set-deadlines').textContent()).toContain('Quyết định gia hạn chậm nhất trước khi hết thời hạn45 ngày');
    expect(problems).toEqual([]);
  });
});
