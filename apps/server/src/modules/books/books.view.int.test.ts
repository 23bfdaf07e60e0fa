import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };

type Line = { serial: number; soKyHieu: string; level: string };

// The books on screen (issue #3): one page at a time with the number of lines, filters by level
// and by an accent-insensitive search, and the Thống kê's numbers counted by the database.
describe.each(DATABASE_KINDS)('the books on screen on %s', (kind) => {
  const t = useTestApp(kind);

  /** Seven envelopes received by the clerk of Sở Nội vụ: serials 1–7 of the incoming book. */
  async function register() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TUYET_MAT' });
    const receive = async (body: Record<string, unknown>) => {
      const res = await clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'Văn phòng UBND tỉnh', level: 'MAT', condition: GOOD, ...body } });
      expect(res.statusCode).toBe(200);
    };
    await receive({ soKyHieu: '01/KH-UBND', trichYeu: 'Kế hoạch kiểm tra công tác bảo vệ bí mật nhà nước', copies: 2 });
    await receive({ soKyHieu: '02/BC-CAT', level: 'TOI_MAT', trichYeu: 'Báo cáo tình hình an ninh nội bộ', form: 'E_DOC' });
    await receive({ soKyHieu: '03/QĐ-UBND', trichYeu: 'Quyết định phê duyệt danh sách' });
    await receive({ soKyHieu: '04/KH-SNV', level: 'TOI_MAT', trichYeu: 'Kế hoạch tuyển dụng công chức', copies: 3 });
    await receive({ soKyHieu: '05/TB-UBND', trichYeu: 'Thông báo kết luận cuộc họp', condition: { ...GOOD, envelopeIntact: false } });
    await receive({ soKyHieu: '06/CV-TU', level: 'TUYET_MAT', form: 'OBJECT', copies: 4 });
    await receive({ soKyHieu: '07/KH-CAT', trichYeu: 'Kế hoạch phối hợp bảo đảm an ninh' });
    return { admin, unit, clerk, year: new Date().getFullYear() };
  }

  it('gives a page of the incoming book with the number of lines; page 2 continues the serials', async () => {
    const { unit, clerk, year } = await register();
    const get = async (query: string) => (await clerk.request({ method: 'GET', url: `/api/books/den?unitId=${unit.id}&year=${year}&${query}` })).json();
    const first = await get('page=1&pageSize=3');
    expect(first).toMatchObject({ total: 7, page: 1, pageSize: 3 });
    expect(first.lines.map((l: Line) => l.serial)).toEqual([1, 2, 3]);
    const second = await get('page=2&pageSize=3');
    expect(second.total).toBe(7);
    expect(second.lines.map((l: Line) => [l.serial, l.soKyHieu])).toEqual([
      [4, '04/KH-SNV'],
      [5, '05/TB-UBND'],
      [6, '06/CV-TU'],
    ]);
    expect((await get('page=3&pageSize=3')).lines.map((l: Line) => l.serial)).toEqual([7]);
    // Without paging parameters: the first 50 lines.
    expect((await get('')).lines).toHaveLength(7);
    expect(await t.ctx.db.selectFrom('audit_records').select('id').where('type', '=', 'book.viewed').execute()).toHaveLength(4);
  });

  it('pages the Thống kê the same way, with the summary of the whole year on every page', async () => {
    const { unit, clerk, year } = await register();
    const page2 = (await clerk.request({ method: 'GET', url: `/api/books/thong-ke?unitId=${unit.id}&year=${year}&page=2&pageSize=4` })).json();
    expect(page2).toMatchObject({ total: 7, page: 2, pageSize: 4 });
    expect(page2.lines.map((l: Line) => [l.serial, l.soKyHieu])).toEqual([
      [5, '05/TB-UBND'],
      [6, '06/CV-TU'],
      [7, '07/KH-CAT'],
    ]);
    expect(page2.summary.items).toBe(7);
  });

  it('filters by level and keeps the serials the lines have in the book', async () => {
    const { unit, clerk, year } = await register();
    for (const book of ['den', 'thong-ke']) {
      const res = (await clerk.request({ method: 'GET', url: `/api/books/${book}?unitId=${unit.id}&year=${year}&level=TOI_MAT` })).json();
      expect(res.total).toBe(2);
      expect(res.lines.map((l: Line) => [l.serial, l.soKyHieu, l.level])).toEqual([
        [2, '02/BC-CAT', 'TOI_MAT'],
        [4, '04/KH-SNV', 'TOI_MAT'],
      ]);
    }
    // Page 2 of a filtered book still counts every matching line.
    const page2 = (await clerk.request({ method: 'GET', url: `/api/books/thong-ke?unitId=${unit.id}&year=${year}&level=MAT&pageSize=2&page=2` })).json();
    expect(page2.total).toBe(4);
    expect(page2.lines.map((l: Line) => l.serial)).toEqual([5, 7]);
    // A page past the end still answers how many lines there are.
    for (const book of ['den', 'thong-ke']) {
      expect((await clerk.request({ method: 'GET', url: `/api/books/${book}?unitId=${unit.id}&year=${year}&level=MAT&pageSize=2&page=5` })).json()).toMatchObject({ lines: [], total: 4, page: 5 });
    }
  });

  it('finds lines by số ký hiệu or trích yếu typed without accents', async () => {
    const { unit, clerk, year } = await register();
    for (const book of ['den', 'thong-ke']) {
      const plan = (await clerk.request({ method: 'GET', url: `/api/books/${book}?unitId=${unit.id}&year=${year}&q=${encodeURIComponent('ke hoach')}` })).json();
      expect(plan.total).toBe(3);
      expect(plan.lines.map((l: Line) => [l.serial, l.soKyHieu])).toEqual([
        [1, '01/KH-UBND'],
        [4, '04/KH-SNV'],
        [7, '07/KH-CAT'],
      ]);
      const decision = (await clerk.request({ method: 'GET', url: `/api/books/${book}?unitId=${unit.id}&year=${year}&q=${encodeURIComponent('qd-ubnd')}` })).json();
      expect(decision.lines.map((l: Line) => l.soKyHieu)).toEqual(['03/QĐ-UBND']);
      // Search and level together; a LIKE wildcard is a character like any other, not "everything".
      expect((await clerk.request({ method: 'GET', url: `/api/books/${book}?unitId=${unit.id}&year=${year}&q=KE%20HOACH&level=TOI_MAT` })).json().lines.map((l: Line) => l.serial)).toEqual([4]);
      expect((await clerk.request({ method: 'GET', url: `/api/books/${book}?unitId=${unit.id}&year=${year}&q=0_%2F` })).json()).toMatchObject({ total: 0, lines: [] });
    }
  });

  it('counts the Thống kê by level, form and status, with the copies, as registered', async () => {
    const { unit, clerk, year } = await register();
    const { summary } = (await clerk.request({ method: 'GET', url: `/api/books/thong-ke?unitId=${unit.id}&year=${year}&pageSize=1` })).json();
    expect(summary.items).toBe(7);
    expect(summary.copies).toBe(2 + 1 + 1 + 3 + 1 + 4 + 1);
    expect(summary.byLevel).toEqual([
      { level: 'TUYET_MAT', items: 1, copies: 4 },
      { level: 'TOI_MAT', items: 2, copies: 4 },
      { level: 'MAT', items: 4, copies: 5 },
    ]);
    expect(summary.byForm).toEqual([
      { form: 'PAPER_DOC', label: 'Tài liệu giấy', items: 5 },
      { form: 'E_DOC', label: 'Văn bản điện tử', items: 1 },
      { form: 'OBJECT', label: 'Vật', items: 1 },
    ]);
    expect(summary.byStatus).toEqual([
      { status: 'RECEIVED', label: 'Đang lưu giữ', items: 6 },
      { status: 'RECEIVED_TAMPERED', label: 'Bì có dấu hiệu bóc mở', items: 1 },
    ]);
  });

  it('leaves an item the reader may not see out of the lines, the totals, the search and the summary', async () => {
    const { unit, year } = await register();
    const lowClerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT' });
    const get = async (book: string, query = '') => {
      const res = await lowClerk.request({ method: 'GET', url: `/api/books/${book}?unitId=${unit.id}&year=${year}${query}` });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const den = await get('den');
    expect(den.total).toBe(4);
    expect(den.lines.map((l: Line) => l.soKyHieu)).toEqual(['01/KH-UBND', '03/QĐ-UBND', '05/TB-UBND', '07/KH-CAT']);
    // The hidden Tối mật item is found by neither its number nor its summary.
    expect(await get('den', '&q=KH-SNV')).toMatchObject({ total: 0, lines: [] });
    expect(await get('thong-ke', '&q=tuyen%20dung')).toMatchObject({ total: 0, lines: [] });
    expect(await get('thong-ke', '&level=TOI_MAT')).toMatchObject({ total: 0, lines: [] });
    const stats = await get('thong-ke');
    expect(stats.total).toBe(4);
    expect(stats.lines.map((l: Line) => l.serial)).toEqual([1, 2, 3, 4]);
    expect(stats.summary).toMatchObject({ items: 4, copies: 5 });
    expect(stats.summary.byLevel).toEqual([
      { level: 'TUYET_MAT', items: 0, copies: 0 },
      { level: 'TOI_MAT', items: 0, copies: 0 },
      { level: 'MAT', items: 4, copies: 5 },
    ]);
    expect(stats.summary.byForm).toEqual([{ form: 'PAPER_DOC', label: 'Tài liệu giấy', items: 4 }]);
    // A head of another unit gets no page of this one, whatever the parameters.
    const other = await createTestUnit(t, { parentId: null, code: 'X', name: 'Khác', kind: 'TINH' });
    const outsider = await createUserAndLogin(t, { unitId: other.id, roles: ['LANH_DAO'], clearance: 'TUYET_MAT' });
    const refused = await outsider.request({ method: 'GET', url: `/api/books/thong-ke?unitId=${unit.id}&year=${year}&q=ke%20hoach` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).not.toHaveProperty('summary');
  });

  it('refuses a page size above the limit and a page below 1', async () => {
    const { unit, clerk, year } = await register();
    const big = await clerk.request({ method: 'GET', url: `/api/books/den?unitId=${unit.id}&year=${year}&pageSize=501` });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.code).toBe('validation.failed');
    expect((await clerk.request({ method: 'GET', url: `/api/books/den?unitId=${unit.id}&year=${year}&page=0` })).statusCode).toBe(400);
    expect((await clerk.request({ method: 'GET', url: `/api/books/den?unitId=${unit.id}&year=${year}&level=KHAN` })).statusCode).toBe(400);
    expect((await clerk.request({ method: 'GET', url: `/api/books/den?unitId=${unit.id}&year=${year}&pageSize=500` })).json().lines).toHaveLength(7);
  });
});
