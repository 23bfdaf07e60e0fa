import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };

describe.each(DATABASE_KINDS)('the item list on %s', (kind) => {
  const t = useTestApp(kind);

  async function register() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TOI_MAT' });
    const receive = async (level: string, soKyHieu: string, trichYeu: string) => (await clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'UBND tỉnh', soKyHieu, level, trichYeu, condition: GOOD } })).json().itemId as string;
    const a = await receive('MAT', '01/KH', 'Kế hoạch bảo vệ bí mật nhà nước năm 2027');
    const b = await receive('TOI_MAT', '02/BC', 'Báo cáo đánh giá tư tưởng đội ngũ');
    const c = await receive('MAT', '03/TB', 'Thông báo lịch trực');
    return { unit, clerk, a, b, c };
  }

  it('finds items without accents and with filters, page by page, with the total', async () => {
    const { clerk, a, b } = await register();
    expect((await clerk.request({ method: 'GET', url: '/api/items?q=bi mat nha nuoc' })).json()).toMatchObject({ total: 1, items: [{ id: a }] });
    expect((await clerk.request({ method: 'GET', url: '/api/items?level=TOI_MAT' })).json().items.map((i: { id: string }) => i.id)).toEqual([b]);
    const page = (await clerk.request({ method: 'GET', url: '/api/items?level=MAT&pageSize=1&page=2' })).json();
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    expect((await clerk.request({ method: 'GET', url: '/api/items?level=KHAN' })).statusCode).toBe(400);
  });

  it('filters by book: only the items with a line in that book; an unknown book is a Vietnamese 400', async () => {
    const { clerk, unit, a, b, c } = await register();
    const staff = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TOI_MAT' });
    expect((await clerk.request({ method: 'POST', url: `/api/items/${a}/handover`, body: { toPersonId: staff.personId } })).statusCode).toBe(200);
    const ids = async (query: string) => (await clerk.request({ method: 'GET', url: `/api/items?${query}` })).json().items.map((i: { id: string }) => i.id).sort();
    expect(await ids('book=CHUYEN_GIAO')).toEqual([a]);
    expect(await ids('book=DEN')).toEqual([a, b, c].sort());
    expect(await ids('book=DEN&level=MAT&q=lich truc')).toEqual([c]);
    expect(await ids('book=DI')).toEqual([]);
    const bad = await clerk.request({ method: 'GET', url: '/api/items?book=SO_MA' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Sổ không hợp lệ');
  });

  it('records where an item is kept; the dashboard lists the items without a location', async () => {
    const { clerk, a, b, c } = await register();
    expect((await clerk.request({ method: 'GET', url: '/api/dashboard' })).json().withoutLocation).toHaveLength(3);
    const res = (await clerk.request({ method: 'POST', url: `/api/items/${a}/location`, body: { storageLocation: 'Phòng 201, tủ sắt số 2' } })).json();
    expect(res.item.storageLocation).toBe('Phòng 201, tủ sắt số 2');
    const remaining = (await clerk.request({ method: 'GET', url: '/api/dashboard' })).json().withoutLocation.map((e: { itemId: string }) => e.itemId).sort();
    expect(remaining).toEqual([b, c].sort());
    expect((await clerk.request({ method: 'GET', url: '/api/items?withoutLocation=true' })).json().total).toBe(2);
  });

  it("keeps each person's saved views to themselves", async () => {
    const { clerk, unit } = await register();
    const saved = (await clerk.request({ method: 'POST', url: '/api/saved-views', body: { name: 'Tối mật chưa có nơi lưu', query: { level: 'TOI_MAT', withoutLocation: 'true' } } })).json();
    expect(saved.view.name).toBe('Tối mật chưa có nơi lưu');
    expect((await clerk.request({ method: 'GET', url: '/api/saved-views' })).json().views).toHaveLength(1);
    const other = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TOI_MAT' });
    expect((await other.request({ method: 'GET', url: '/api/saved-views' })).json().views).toEqual([]);
    await other.request({ method: 'DELETE', url: `/api/saved-views/${saved.view.id}` });
    expect((await clerk.request({ method: 'GET', url: '/api/saved-views' })).json().views).toHaveLength(1);
  });
});
