// The item list of a clerk with more items than one page, in a real browser (issue #3): pages come
// from the server (so the oldest items can be reached), filters by level and status and a search
// typed without accents go to the server and into the address bar, the filters are saved as a view
// that is applied again after a reload, a mistyped date says what is wrong in Vietnamese, and the
// destruction proposal (R10.4) keeps the rows chosen on other pages. The administrator prepares the
// unit and the clerk, and the clerk registers the items, through the API. Screenshots go to
// test-artifacts/e2e/.
import { request as playwrightRequest, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchBrowser, logIn, openPage, pick, screenshot, setUpAdministrator, startServer, typeDate, type RunningServer } from './harness.ts';

const ADMIN = { username: 'quantri', fullName: 'Lê Thị Hoa', password: 'Quan-Tri-2026-BN' };
const CLERK = { username: 'thu.pt', fullName: 'Phạm Thị Thu', password: 'Thu-Van-Thu-2026' };
const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };
const TAMPERED = { envelopeIntact: false, countMatches: true, packagingCorrect: true };
const COUNT = 64;

/** The items the clerk registers: every third is Tối mật, every eighth envelope was opened, every second summary says "bí mật". */
const ITEMS = Array.from({ length: COUNT }, (_, k) => {
  const n = k + 1;
  return {
    soKyHieu: `${String(n).padStart(2, '0')}/BC-STP`,
    level: n % 3 === 0 ? 'TOI_MAT' : 'MAT',
    tampered: n % 8 === 0,
    trichYeu: n % 2 === 0 ? `Báo cáo bí mật về công tác bảo vệ số ${n}` : `Kế hoạch kiểm tra định kỳ số ${n}`,
  };
});
const TOI_MAT_RECEIVED = ITEMS.filter((i) => i.level === 'TOI_MAT' && !i.tampered);
const TOI_MAT_RECEIVED_BI_MAT = TOI_MAT_RECEIVED.filter((i) => i.trichYeu.includes('bí mật'));
const sorted = (list: { soKyHieu: string }[]) => list.map((i) => i.soKyHieu).sort();

let server: RunningServer;
let browser: Browser;
let page: Page;
let problems: string[];
const contexts: APIRequestContext[] = [];
let unitId = '';

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

const table = () => page.getByTestId('items-table');

/** The numbers of the rows on screen once the list has finished loading. */
async function shownNumbers(): Promise<string[]> {
  // The loading spinner wraps the table element that carries the test id.
  await page.locator('.ant-table-wrapper .ant-spin-spinning').waitFor({ state: 'detached' });
  return (await table().locator('[data-testid^="item-link-"]').allTextContents()).sort();
}

/** Clicks a page number and waits for the server's answer for that page. */
async function goToPage(n: number): Promise<void> {
  const answered = page.waitForResponse((r) => {
    const url = new URL(r.url());
    return url.pathname === '/api/items' && url.searchParams.get('page') === String(n);
  });
  await page.locator(`.ant-table-pagination .ant-pagination-item-${n}`).click();
  await answered;
}

const search = () => new URL(page.url()).searchParams;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, problems } = await openPage(browser));
  await setUpAdministrator(page, server, ADMIN);

  const admin = await apiSession(ADMIN.username, ADMIN.password);
  const { account } = await admin<{ account: { unitId: string } }>('GET', '/api/auth/session');
  ({ unit: { id: unitId } } = await admin<{ unit: { id: string } }>('POST', '/api/units', { parentId: account.unitId, code: 'STP', name: 'Sở Tư pháp', kind: 'SO_BAN_NGANH' }));
  const { person } = await admin<{ person: { id: string } }>('POST', '/api/people', { fullName: CLERK.fullName, unitId, clearance: 'TOI_MAT', handlesSecrets: true });
  const { temporaryPassword } = await admin<{ temporaryPassword: string }>('POST', '/api/accounts', { personId: person.id, username: CLERK.username, roles: ['VAN_THU'] });
  const clerk = await apiSession(CLERK.username, temporaryPassword, CLERK.password);
  for (const item of ITEMS) {
    await clerk('POST', '/api/register/receive', { unitId, sender: 'UBND tỉnh Bắc Ninh', soKyHieu: item.soKyHieu, level: item.level, trichYeu: item.trichYeu, condition: item.tampered ? TAMPERED : GOOD });
  }

  await page.getByTestId('logout').click();
  await page.getByTestId('login-form').waitFor();
  await logIn(page, CLERK.username, CLERK.password);
  await page.getByTestId('main-menu').waitFor();
}, 240_000);

afterAll(async () => {
  for (const context of contexts) await context.dispose();
  await browser?.close();
  await server?.stop();
});

describe('the item list of a clerk with more than one page of items', () => {
  it('pages come from the server: page 3 is asked for, kept in the address bar, and every item can be reached', async () => {
    await page.getByTestId('menu-items').click();
    await eventually(() => page.getByTestId('items-total').textContent()).toBe(`${COUNT} tài liệu, vật chứa`);
    const first = await shownNumbers();
    expect(first).toHaveLength(20);

    await goToPage(3);
    expect(search().get('page')).toBe('3');
    const third = await shownNumbers();
    expect(third).toHaveLength(20);
    expect(third.filter((n) => first.includes(n))).toEqual([]);
    await screenshot(page, 'items-list-01-page-3');

    // Past the 50 newest: the last page holds the rest, and all pages together hold every item.
    const seen = new Set([...first, ...third]);
    for (const n of [2, 4]) {
      await goToPage(n);
      for (const so of await shownNumbers()) seen.add(so);
    }
    expect([...seen].sort()).toEqual(sorted(ITEMS));

    // The back button returns to the page before, from the address bar.
    await page.goBack();
    await eventually(() => search().get('page')).toBe('2');
    await eventually(() => page.locator('.ant-table-pagination .ant-pagination-item-active').textContent()).toBe('2');

    // An address past the last page shows the last page.
    await page.goto(`${server.baseUrl}/items?page=9`);
    await eventually(() => search().get('page')).toBe(String(Math.ceil(COUNT / 20)));
    await eventually(() => shownNumbers()).toHaveLength(COUNT % 20);
  });

  it('filters by level and status and searches without accents on the server, and keeps them in the address bar', async () => {
    await pick(page, 'Độ mật', 'Tối mật');
    await eventually(() => search().get('level')).toBe('TOI_MAT');
    await pick(page, 'Tình trạng', 'Đã vào sổ đến');
    await eventually(() => search().get('status')).toBe('RECEIVED');
    await eventually(() => page.getByTestId('items-total').textContent()).toBe(`${TOI_MAT_RECEIVED.length} tài liệu, vật chứa`);
    expect(search().get('page')).toBeNull();

    await page.getByTestId('items-search').locator('input').fill('bao cao bi mat');
    await page.getByTestId('items-search').locator('input').press('Enter');
    await eventually(() => search().get('q')).toBe('bao cao bi mat');
    await eventually(() => page.getByTestId('items-total').textContent()).toBe(`${TOI_MAT_RECEIVED_BI_MAT.length} tài liệu, vật chứa`);
    expect(await shownNumbers()).toEqual(sorted(TOI_MAT_RECEIVED_BI_MAT));
    await screenshot(page, 'items-list-02-filtered');

    // A reload keeps the filters: they are in the address bar.
    await page.reload();
    await eventually(() => page.getByTestId('items-total').textContent()).toBe(`${TOI_MAT_RECEIVED_BI_MAT.length} tài liệu, vật chứa`);
    expect(await shownNumbers()).toEqual(sorted(TOI_MAT_RECEIVED_BI_MAT));
    expect(await page.getByTestId('items-search').locator('input').inputValue()).toBe('bao cao bi mat');
  });

  it('saves the filters as a view, and after a reload of the plain list applies it and sees the same rows', async () => {
    const expected = await shownNumbers();
    await page.getByTestId('items-save-view').click();
    await page.getByTestId('items-save-view-name').fill('Tối mật đã vào sổ đến');
    await page.getByTestId('items-save-view-submit').click();
    await page.getByText('Đã lưu bộ lọc “Tối mật đã vào sổ đến”').waitFor();

    await page.goto(`${server.baseUrl}/items`);
    await eventually(() => page.getByTestId('items-total').textContent()).toBe(`${COUNT} tài liệu, vật chứa`);
    await pick(page, 'Bộ lọc đã lưu', 'Tối mật đã vào sổ đến');
    await eventually(() => search().get('q')).toBe('bao cao bi mat');
    expect(search().get('level')).toBe('TOI_MAT');
    expect(search().get('status')).toBe('RECEIVED');
    await eventually(() => page.getByTestId('items-total').textContent()).toBe(`${expected.length} tài liệu, vật chứa`);
    expect(await shownNumbers()).toEqual(expected);
    expect(await page.getByTestId('items-search').locator('input').inputValue()).toBe('bao cao bi mat');
    await screenshot(page, 'items-list-03-saved-view-applied');
  });

  it('a mistyped date says what is wrong in Vietnamese and does not filter; a good one filters', async () => {
    await typeDate(page, 'Hết thời hạn bảo vệ trước ngày', '31/02/2026');
    await eventually(() => page.getByTestId('items-filter-date-error').textContent()).toContain('Ngày không hợp lệ: “31/02/2026”');
    expect(search().get('protectionEndBefore')).toBeNull();
    // Closing the calendar (which covers it) leaves the message under the field.
    await page.keyboard.press('Escape');
    await eventually(() => page.getByTestId('items-filter-date-error').isVisible()).toBe(true);
    expect(search().get('protectionEndBefore')).toBeNull();
    await screenshot(page, 'items-list-04-invalid-date');

    await page.getByLabel('Hết thời hạn bảo vệ trước ngày', { exact: true }).fill('');
    await typeDate(page, 'Hết thời hạn bảo vệ trước ngày', '31/12/2099');
    await eventually(() => search().get('protectionEndBefore')).toBe('2099-12-31');
    await eventually(() => page.getByTestId('items-filter-date-error').count()).toBe(0);
  });

  it('deletes the saved view after confirming', async () => {
    await page.getByTestId('items-clear-filters').click();
    await eventually(() => search().toString()).toBe('');
    await pick(page, 'Bộ lọc đã lưu', 'Tối mật đã vào sổ đến');
    await page.getByTestId('items-saved-view-delete').click();
    await page.getByTestId('items-saved-view-delete-confirm').click();
    await page.getByText('Đã xóa bộ lọc “Tối mật đã vào sổ đến”').waitFor();
    await page.getByLabel('Bộ lọc đã lưu', { exact: true }).click();
    expect(await page.locator('.ant-select-dropdown:visible [title="Tối mật đã vào sổ đến"]').count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('R10.4: rows chosen on two pages go into one destruction proposal', async () => {
    await page.getByTestId('items-clear-filters').click();
    await eventually(() => page.getByTestId('items-total').textContent()).toBe(`${COUNT} tài liệu, vật chứa`);
    const onFirst = (await shownNumbers())[0]!;
    await table().locator('tr', { hasText: onFirst }).locator('.ant-checkbox-input').check();
    await goToPage(2);
    const onSecond = (await shownNumbers())[0]!;
    await table().locator('tr', { hasText: onSecond }).locator('.ant-checkbox-input').check();
    await eventually(() => page.getByTestId('items-selected-count').textContent()).toContain('Đã chọn 2 tài liệu');

    await page.getByTestId('items-propose-destruction').click();
    await page.getByTestId('propose-destruction-submit').click();
    await page.getByTestId('destruction-drawer').waitFor();
    await eventually(() => page.getByTestId('destruction-items').textContent()).toContain(onFirst);
    expect(await page.getByTestId('destruction-items').textContent()).toContain(onSecond);
    expect(problems).toEqual([]);
  });
});
