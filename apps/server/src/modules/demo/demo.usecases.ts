import type { Clearance, Role, UnitKind } from '@bmnn/contracts';
import { foldForSearch } from '@bmnn/contracts';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../platform/context.ts';
import { generateId } from '../../platform/ids.ts';
import { createPersonWithAccount } from '../accounts/accounts.usecases.ts';
import { generateTemporaryPassword } from '../accounts/accounts.passwords.ts';
import { createUnit, markUnitDefunct } from '../units/units.usecases.ts';
import { loadSampleDanhMuc } from '../danh-muc/danh-muc.usecases.ts';

// A realistic demo province for training and trying BMNN: the new Bắc Ninh (Bắc Giang merged
// into it on 01/7/2025, LEGAL.md R1.3), some departments and communes, people with accounts
// for every role. Everything is marked as demo data; names of people are invented.

export const DEMO_NOTE = 'Dữ liệu mẫu (demo) — không phải dữ liệu thật';

type DemoUnit = { key: string; code: string; name: string; kind: UnitKind; parent: string | null; keyPost?: boolean };
const UNITS: DemoUnit[] = [
  { key: 'tinh', code: 'DEMO-BN', name: 'Tỉnh Bắc Ninh (demo)', kind: 'TINH', parent: null },
  { key: 'ubnd', code: 'DEMO-UBND', name: 'Ủy ban nhân dân tỉnh Bắc Ninh', kind: 'UBND_TINH', parent: 'tinh', keyPost: true },
  { key: 'vp', code: 'DEMO-VPUBND', name: 'Văn phòng UBND tỉnh', kind: 'SO_BAN_NGANH', parent: 'ubnd', keyPost: true },
  { key: 'bcd', code: 'DEMO-BCD', name: 'Ban Chỉ đạo công tác bảo vệ BMNN tỉnh', kind: 'BAN_CHI_DAO', parent: 'tinh' },
  { key: 'ca', code: 'DEMO-CAT', name: 'Công an tỉnh Bắc Ninh', kind: 'CO_QUAN_THUONG_TRUC', parent: 'tinh', keyPost: true },
  { key: 'pa03', code: 'DEMO-PA03', name: 'Phòng An ninh chính trị nội bộ (PA03)', kind: 'PHONG_BAN', parent: 'ca' },
  { key: 'snv', code: 'DEMO-SNV', name: 'Sở Nội vụ', kind: 'SO_BAN_NGANH', parent: 'ubnd' },
  { key: 'stc', code: 'DEMO-STC', name: 'Sở Tài chính', kind: 'SO_BAN_NGANH', parent: 'ubnd' },
  { key: 'syt', code: 'DEMO-SYT', name: 'Sở Y tế', kind: 'SO_BAN_NGANH', parent: 'ubnd' },
  { key: 'sgd', code: 'DEMO-SGDDT', name: 'Sở Giáo dục và Đào tạo', kind: 'SO_BAN_NGANH', parent: 'ubnd', keyPost: true },
  { key: 'tu', code: 'DEMO-VPTU', name: 'Văn phòng Tỉnh ủy', kind: 'DANG_DOAN_THE', parent: 'tinh', keyPost: true },
  { key: 'kb', code: 'DEMO-KBNN', name: 'Kho bạc Nhà nước khu vực', kind: 'CO_QUAN_TRUNG_UONG', parent: 'tinh' },
  { key: 'p1', code: 'DEMO-P-KINHBAC', name: 'Phường Kinh Bắc', kind: 'PHUONG', parent: 'tinh' },
  { key: 'p2', code: 'DEMO-P-BACGIANG', name: 'Phường Bắc Giang', kind: 'PHUONG', parent: 'tinh' },
  { key: 'x1', code: 'DEMO-X-YENDUNG', name: 'Xã Yên Dũng', kind: 'XA', parent: 'tinh' },
  { key: 'x2', code: 'DEMO-X-LUCNGAN', name: 'Xã Lục Ngạn', kind: 'XA', parent: 'tinh' },
];

type DemoUser = { username: string; fullName: string; unit: string; roles: Role[]; clearance: Clearance };
const USERS: DemoUser[] = [
  { username: 'demo.quantri', fullName: 'Nguyễn Quốc Quản', unit: 'tinh', roles: ['QUAN_TRI'], clearance: 'NONE' },
  { username: 'demo.bcd', fullName: 'Trần Đức Chỉ', unit: 'bcd', roles: ['BAN_CHI_DAO'], clearance: 'TOI_MAT' },
  { username: 'demo.thanhtra', fullName: 'Phạm Thị Thanh', unit: 'pa03', roles: ['THANH_TRA'], clearance: 'TOI_MAT' },
  { username: 'demo.lanhdao.snv', fullName: 'Lê Văn Lãnh', unit: 'snv', roles: ['LANH_DAO'], clearance: 'TUYET_MAT' },
  { username: 'demo.vanthu.snv', fullName: 'Hoàng Thị Thư', unit: 'snv', roles: ['VAN_THU'], clearance: 'TOI_MAT' },
  { username: 'demo.baomat.snv', fullName: 'Vũ Minh Bảo', unit: 'snv', roles: ['CAN_BO_BAO_MAT'], clearance: 'TOI_MAT' },
  { username: 'demo.canbo.snv', fullName: 'Đặng Thu Hà', unit: 'snv', roles: ['CAN_BO'], clearance: 'MAT' },
  { username: 'demo.vanthu.stc', fullName: 'Bùi Thị Lan', unit: 'stc', roles: ['VAN_THU'], clearance: 'MAT' },
  { username: 'demo.lanhdao.x1', fullName: 'Ngô Văn Dũng', unit: 'x1', roles: ['LANH_DAO'], clearance: 'TOI_MAT' },
];

/** Fills an empty installation with the demo province; returns the accounts and their passwords. */
export async function createDemoProvince(ctx: AppContext) {
  const existing = await ctx.db.selectFrom('units').select('id').limit(1).execute();
  if (existing.length > 0) throw new Error('DEMO_NOT_EMPTY');
  const ids = new Map<string, string>();
  for (const u of UNITS) {
    const parentId = u.parent ? ids.get(u.parent)! : null;
    const { unit } = await createUnit(ctx, { actor: null, input: { code: u.code, name: u.name, kind: u.kind, parentId, validFrom: '2025-07-01', isKeyPost: u.keyPost ?? false, note: DEMO_NOTE } });
    ids.set(u.key, unit.id);
  }
  // The former province and one of its former districts, kept as defunct records (R1.2, R1.3).
  const { unit: oldProvince } = await createUnit(ctx, { actor: null, input: { code: 'DEMO-BG-CU', name: 'Tỉnh Bắc Giang', kind: 'TINH', parentId: null, validFrom: '1997-01-01', note: DEMO_NOTE } });
  await inTransaction(ctx, async ({ trx, now }) => {
    const id = generateId('unt');
    const iso = now.toISOString();
    await trx.insertInto('units').values({ id, code: 'DEMO-H-YENDUNG-CU', name: 'Huyện Yên Dũng', name_folded: foldForSearch('Huyện Yên Dũng'), kind: 'HUYEN', parent_id: oldProvince.id, valid_from: '1997-01-01', valid_to: '2025-07-01', successor_id: ids.get('x1')!, is_key_post: 0, note: DEMO_NOTE, created_at: iso, updated_at: iso }).execute();
    await trx.insertInto('unit_names').values({ id: generateId('unn'), unit_id: id, name: 'Huyện Yên Dũng', name_folded: foldForSearch('Huyện Yên Dũng'), valid_from: '1997-01-01', valid_to: '2025-07-01' }).execute();
    await trx.insertInto('settings').values({ key: 'demo', value: 'true', updated_at: iso }).execute();
  });
  await markUnitDefunct(ctx, { actor: null, unitId: oldProvince.id, input: { successorId: ids.get('tinh')!, effectiveDate: '2025-07-01', reason: 'Hợp nhất vào tỉnh Bắc Ninh từ 01/7/2025' } });

  await loadSampleDanhMuc(ctx, { actor: null });

  const accounts: Array<{ username: string; password: string; roles: Role[]; unit: string }> = [];
  for (const u of USERS) {
    const password = generateTemporaryPassword();
    await createPersonWithAccount(ctx, { username: u.username, fullName: u.fullName, unitId: ids.get(u.unit)!, roles: u.roles, clearance: u.clearance, password });
    accounts.push({ username: u.username, password, roles: u.roles, unit: UNITS.find((x) => x.key === u.unit)!.name });
  }
  return { units: UNITS.length + 2, accounts };
}
