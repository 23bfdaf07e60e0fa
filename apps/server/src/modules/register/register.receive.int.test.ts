import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestUnit, createUserAndLogin, DATABASE_KINDS, setupAdmin, useTestApp } from '../../testing/test-context.ts';

const GOOD = { envelopeIntact: true, countMatches: true, packagingCorrect: true };

describe.each(DATABASE_KINDS)('receiving and handing over secret items on %s', (kind) => {
  const t = useTestApp(kind);

  async function office() {
    const admin = await setupAdmin(t);
    const unit = await createTestUnit(t, { parentId: admin.provinceId, code: 'SO-NV', name: 'Sở Nội vụ' });
    const clerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'TUYET_MAT' });
    const staff = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'TOI_MAT' });
    const receive = (body: Record<string, unknown>) => clerk.request({ method: 'POST', url: '/api/register/receive', body: { unitId: unit.id, sender: 'Văn phòng UBND tỉnh', soKyHieu: '15/KH-UBND', level: 'MAT', trichYeu: 'Kế hoạch kiểm tra công tác bảo vệ bí mật', condition: GOOD, ...body } });
    const year = new Date().getFullYear();
    return { admin, unit, clerk, staff, receive, year };
  }

  it('R7.5(a): registers a sound envelope in the incoming book with consecutive serials and its summary', async () => {
    const { clerk, unit, receive, year } = await office();
    const first = (await receive({})).json();
    const second = (await receive({ soKyHieu: '16/KH-UBND' })).json();
    expect(first).toMatchObject({ bookSerial: 1, outcomes: ['REGISTERED'], status: 'RECEIVED' });
    expect(second.bookSerial).toBe(2);
    const book = (await clerk.request({ method: 'GET', url: `/api/books/den?unitId=${unit.id}&year=${year}` })).json();
    expect(book.lines.map((l: { serial: number }) => l.serial)).toEqual([1, 2]);
    expect(book).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    expect(book.lines[0]).toMatchObject({ sender: 'Văn phòng UBND tỉnh', soKyHieu: '15/KH-UBND', trichYeu: 'Kế hoạch kiểm tra công tác bảo vệ bí mật', condition: 'Nguyên vẹn', level: 'MAT' });
  });

  it('R7.5(b): an envelope for a named person is registered from the outside only and goes to that person unopened', async () => {
    const { clerk, staff, unit, receive, year } = await office();
    const res = (await receive({ namedRecipientId: staff.personId, level: 'TOI_MAT' })).json();
    expect(res).toMatchObject({ outcomes: ['NAMED_RECIPIENT_UNOPENED'], status: 'RECEIVED_UNOPENED' });
    const item = await t.ctx.db.selectFrom('items').selectAll().where('id', '=', res.itemId).executeTakeFirstOrThrow();
    expect(item.trich_yeu).toBeNull();
    expect(item.custodian_id).toBe(staff.personId);
    const line = (await clerk.request({ method: 'GET', url: `/api/books/den?unitId=${unit.id}&year=${year}` })).json().lines[0];
    expect(line.trichYeu).toBeNull();
    expect((await staff.request({ method: 'GET', url: `/api/items/${res.itemId}` })).statusCode).toBe(200);
  });

  it('R7.2: the incoming book keeps no summary for a Tuyệt mật item', async () => {
    const { receive } = await office();
    const res = (await receive({ level: 'TUYET_MAT', trichYeu: 'Không được lưu' })).json();
    const item = await t.ctx.db.selectFrom('items').select(['trich_yeu', 'trich_yeu_folded']).where('id', '=', res.itemId).executeTakeFirstOrThrow();
    expect(item).toEqual({ trich_yeu: null, trich_yeu_folded: null });
  });

  it('R7.5(c), R7.6: a packing or count defect is registered and the sender is notified', async () => {
    const { receive } = await office();
    const res = (await receive({ condition: { ...GOOD, countMatches: false } })).json();
    expect(res.outcomes).toEqual(['DEFECT_SENDER_NOTIFIED']);
    const events = await t.ctx.db.selectFrom('item_events').select(['type', 'data']).where('item_id', '=', res.itemId).orderBy('recorded_at').execute();
    expect(events.map((e) => e.type)).toEqual(['RECEIVED', 'SENDER_NOTIFIED']);
    expect(JSON.parse(events[1]!.data).reason).toBe('số lượng không khớp');
  });

  it('R7.5(d): signs of opening or tampering are registered and reported to the head at once', async () => {
    const { receive } = await office();
    const res = (await receive({ condition: { ...GOOD, envelopeIntact: false } })).json();
    expect(res).toMatchObject({ outcomes: ['TAMPERING_REPORTED'], status: 'RECEIVED_TAMPERED' });
    const reported = await t.ctx.db.selectFrom('audit_records').select('type').where('subject_id', '=', res.itemId).execute();
    expect(reported.map((r) => r.type)).toContain('item.tampering_reported');
    // R13.1: the incident is open with its report-now clock, referring to the item.
    const incident = await t.ctx.db.selectFrom('incidents').selectAll().where('id', '=', res.incidentId).executeTakeFirstOrThrow();
    expect(incident).toMatchObject({ source: 'ENVELOPE_TAMPERED', source_ref: res.itemId, kind: 'LO', investigation_status: 'REPORTED' });
  });

  it('R7.4: a handover is a line of the handover book with both parties, and moves custody', async () => {
    const { clerk, staff, unit, receive, year } = await office();
    const { itemId } = (await receive({ level: 'TOI_MAT' })).json();
    const res = await clerk.request({ method: 'POST', url: `/api/items/${itemId}/handover`, body: { toPersonId: staff.personId, note: 'Giao xử lý' } });
    expect(res.json()).toEqual({ bookSerial: 1 });
    const book = (await clerk.request({ method: 'GET', url: `/api/books/chuyen-giao?unitId=${unit.id}&year=${year}` })).json();
    expect(book.lines[0]).toMatchObject({ serial: 1, soKyHieu: '15/KH-UBND', level: 'TOI_MAT', fromName: `Cán bộ ${clerk.username}`, toName: `Cán bộ ${staff.username}`, toUnitName: 'Sở Nội vụ', note: 'Giao xử lý' });
    expect((await staff.request({ method: 'GET', url: `/api/items/${itemId}` })).statusCode).toBe(200);
    const timeline = (await staff.request({ method: 'GET', url: `/api/items/${itemId}/events` })).json().events;
    expect(timeline.map((e: { label: string; bookSerial: number | null }) => [e.label, e.bookSerial])).toEqual([
      ['Tiếp nhận, vào sổ đến', 1],
      ['Chuyển giao', 1],
    ]);
  });

  it('refuses to hand an item to a person without the clearance, and lets no bystander hand it over', async () => {
    const { clerk, unit, receive } = await office();
    const { itemId } = (await receive({ level: 'TOI_MAT' })).json();
    const low = await createUserAndLogin(t, { unitId: unit.id, roles: ['CAN_BO'], clearance: 'MAT' });
    const refused = await clerk.request({ method: 'POST', url: `/api/items/${itemId}/handover`, body: { toPersonId: low.personId } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('register.recipient_not_cleared');
    expect((await low.request({ method: 'POST', url: `/api/items/${itemId}/handover`, body: { toPersonId: low.personId } })).statusCode).toBe(404);
    expect(await t.ctx.db.selectFrom('item_events').select('id').where('book', '=', 'CHUYEN_GIAO').execute()).toHaveLength(0);
  });

  it('hides book lines above the reader clearance, and the book from staff', async () => {
    const { unit, receive, year, staff } = await office();
    await receive({ level: 'TOI_MAT' });
    await receive({ level: 'MAT', soKyHieu: '20/BC' });
    const lowClerk = await createUserAndLogin(t, { unitId: unit.id, roles: ['VAN_THU'], clearance: 'MAT' });
    const { lines, total } = (await lowClerk.request({ method: 'GET', url: `/api/books/den?unitId=${unit.id}&year=${year}` })).json();
    expect(lines.map((l: { soKyHieu: string }) => l.soKyHieu)).toEqual(['20/BC']);
    expect(total).toBe(1);
    expect((await staff.request({ method: 'GET', url: `/api/books/den?unitId=${unit.id}&year=${year}` })).statusCode).toBe(403);
  });

  it('keeps item events append-only in the database itself (DESIGN.md §4)', async () => {
    const { receive } = await office();
    const { itemId } = (await receive({})).json();
    await expect(sql`update item_events set data = '{}' where item_id = ${itemId}`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from item_events where item_id = ${itemId}`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    expect(await t.ctx.db.selectFrom('item_events').select('id').where('item_id', '=', itemId).execute()).toHaveLength(1);
  });
});
