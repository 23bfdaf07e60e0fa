import { describe, expect, it } from 'vitest';
import { foldForSearch } from '@bmnn/contracts';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';
import { ITEM_COUNT_CAP } from './register.search.ts';

// The item search through the trigram index (migration 0014): the same substring semantics as
// the LIKE it replaced, on both databases; short needles fall back; the index follows inserts,
// corrections and deletions; counts stop at the cap and never include what the actor may not see.

const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };

describe.each(DATABASE_KINDS)('item search on %s', (kind) => {
  const t = useTestApp(kind);

  async function register() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'CAT', name: 'Công an tỉnh' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TUYET_MAT' });
    const receive = async (level: string, soKyHieu: string, trichYeu: string) => (await clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'UBND tỉnh', soKyHieu, level, trichYeu, condition: GOOD } })).json().itemId as string;
    const a = await receive('MAT', '125/KH-CAT', 'Kế hoạch diễn tập khu vực phòng thủ năm 2026');
    const b = await receive('TOI_MAT', '7/QĐ-UBND', 'Quyết định phê duyệt phương án bảo vệ mục tiêu "A2" 100% an toàn');
    const c = await receive('MAT', '31/BC-CAT', 'Báo cáo đánh giá an ninh mạng quý IV');
    const ids = async (q: string, extra = '') => (await clerk.request({ method: 'GET', url: `/api/items?q=${encodeURIComponent(q)}${extra}` })).json().items.map((i: { id: string }) => i.id).sort();
    return { unit, clerk, a, b, c, ids };
  }

  it('finds a substring of the summary or the number, typed with or without accents, with filters', async () => {
    const { a, b, c, ids } = await register();
    expect(await ids('dien tap khu vuc')).toEqual([a]);
    expect(await ids('Diễn Tập')).toEqual([a]);
    expect(await ids('125/kh')).toEqual([a]);
    expect(await ids('-cat')).toEqual([a, c].sort());
    expect(await ids('an ninh', '&level=MAT')).toEqual([c]);
    expect(await ids('an ninh', '&level=TOI_MAT')).toEqual([]);
    expect(await ids('quyết định phê')).toEqual([b]);
    // A needle inside a word, as LIKE did.
    expect(await ids('oach dien')).toEqual([a]);
    expect(await ids('tau ngam')).toEqual([]);
  });

  it('answers needles of one or two characters (no trigram) and needles with quotes or wildcards', async () => {
    const { a, b, c, ids } = await register();
    expect(await ids('qd')).toEqual([b]);
    expect(await ids('Đ')).toEqual([a, b, c].sort());
    expect(await ids('"a2"')).toEqual([b]);
    expect(await ids('100%')).toEqual([b]);
    expect(await ids('"')).toEqual([b]);
    expect(await ids('%_')).toEqual([a, b, c].sort());
  });

  it('follows corrections and deletions of an item', async () => {
    const { a, c, ids } = await register();
    const now = new Date().toISOString();
    await t.ctx.db.updateTable('items').set({ trich_yeu: 'Kế hoạch tuần tra biên giới', trich_yeu_folded: foldForSearch('Kế hoạch tuần tra biên giới'), updated_at: now }).where('id', '=', a).execute();
    expect(await ids('dien tap')).toEqual([]);
    expect(await ids('tuan tra bien')).toEqual([a]);
    const iso = new Date().toISOString();
    const gone = 'itm_searchdelete00000000';
    await t.ctx.db.insertInto('items').values({ id: gone, unit_id: (await t.ctx.db.selectFrom('items').select('unit_id').where('id', '=', c).executeTakeFirstOrThrow()).unit_id, level: 'MAT', so_ky_hieu: '9/BB', so_ky_hieu_folded: '9/bb', trich_yeu: 'Biên bản kiểm kê tài sản', trich_yeu_folded: 'bien ban kiem ke tai san', trich_yeu_consent_by: null, custodian_id: null, status: 'RECEIVED', created_by: 'x', created_at: iso, updated_at: iso }).execute();
    expect(await ids('kiem ke tai')).toEqual([gone]);
    await t.ctx.db.deleteFrom('items').where('id', '=', gone).execute();
    expect(await ids('kiem ke tai')).toEqual([]);
    expect(await ids('an ninh mang')).toEqual([c]);
  });

  it('counts up to the cap and says when there are more; a person without clearance finds and counts nothing', async () => {
    const { unit, clerk } = await register();
    const iso = new Date().toISOString();
    const rows = Array.from({ length: ITEM_COUNT_CAP + 5 }, (_, n) => ({ id: `itm_cap${String(n).padStart(6, '0')}xxxxxxxx`, unit_id: unit.id, level: 'MAT', so_ky_hieu: `${n}/TB-CAT`, so_ky_hieu_folded: `${n}/tb-cat`, trich_yeu: 'Thông báo lịch trực', trich_yeu_folded: 'thong bao lich truc', trich_yeu_consent_by: null, custodian_id: null, status: 'RECEIVED', created_by: 'x', created_at: iso, updated_at: iso }));
    for (let i = 0; i < rows.length; i += 200) await t.ctx.db.insertInto('items').values(rows.slice(i, i + 200)).execute();
    const capped = (await clerk.request({ method: 'GET', url: '/api/items?q=lich truc&pageSize=10' })).json();
    expect(capped).toMatchObject({ total: ITEM_COUNT_CAP, totalCapped: true });
    expect(capped.items).toHaveLength(10);
    const exact = (await clerk.request({ method: 'GET', url: '/api/items?q=bao cao' })).json();
    expect(exact.total).toBe(1);
    expect(exact).not.toHaveProperty('totalCapped');

    const outsider = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'NONE' });
    const none = (await outsider.request({ method: 'GET', url: '/api/items?q=lich truc' })).json();
    expect(none).toEqual({ items: [], total: 0 });
    const uncleared = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'NONE' });
    expect((await uncleared.request({ method: 'GET', url: '/api/items?q=lich' })).json()).toEqual({ items: [], total: 0 });
  });
});
