import { describe, expect, it } from 'vitest';
import { findEquipmentBlocker, findHoldBlockers } from './meetings.rules.ts';

const check = { body: 'CONG_AN_TINH' as const, result: 'PASSED' as const, checkedOn: '2026-11-20', nextDue: '2027-11-20' };

describe('meeting rules (R8.7, R8.8)', () => {
  it('R8.7: equipment needs a passed, valid check by BCA or Công an tỉnh made before the meeting and after the last repair', () => {
    const base = { type: 'COMPUTER' as const, lastRepairOn: null, meetingDay: '2026-11-23' };
    expect(findEquipmentBlocker({ ...base, latestCheck: check })).toBeNull();
    expect(findEquipmentBlocker({ ...base, latestCheck: null })).toContain('chưa được kiểm tra');
    expect(findEquipmentBlocker({ ...base, latestCheck: { ...check, body: 'NOI_BO' } })).toContain('Bộ Công an hoặc Công an tỉnh');
    expect(findEquipmentBlocker({ ...base, latestCheck: { ...check, body: 'BAN_CO_YEU' } })).toContain('Bộ Công an hoặc Công an tỉnh');
    expect(findEquipmentBlocker({ ...base, type: 'CRYPTO_PRODUCT', latestCheck: { ...check, body: 'BAN_CO_YEU' } })).toBeNull();
    expect(findEquipmentBlocker({ ...base, latestCheck: { ...check, result: 'FAILED' } })).toContain('không đạt');
    expect(findEquipmentBlocker({ ...base, latestCheck: { ...check, checkedOn: '2026-11-24' } })).toContain('trước ngày họp');
    expect(findEquipmentBlocker({ ...base, latestCheck: { ...check, nextDue: '2026-11-22' } })).toContain('hết hạn');
    expect(findEquipmentBlocker({ ...base, lastRepairOn: '2026-11-21', latestCheck: check })).toContain('sửa chữa');
  });

  it('R8.7, R8.8: a meeting is held only with the police check when outside, the device ban for Tối mật and Tuyệt mật, and a cơ yếu line when online', () => {
    const ok = { level: 'MAT' as const, venueKind: 'INSIDE' as const, policeCheckRef: null, deviceBanNotice: false, online: false, coYeuLineRef: null };
    expect(findHoldBlockers(ok)).toEqual([]);
    expect(findHoldBlockers({ ...ok, venueKind: 'OUTSIDE' })).toEqual(['policeCheckRequired']);
    expect(findHoldBlockers({ ...ok, venueKind: 'OUTSIDE', policeCheckRef: '45/STP-VP' })).toEqual([]);
    expect(findHoldBlockers({ ...ok, level: 'TOI_MAT' })).toEqual(['deviceBanRequired']);
    expect(findHoldBlockers({ ...ok, level: 'TUYET_MAT', deviceBanNotice: true })).toEqual([]);
    expect(findHoldBlockers({ ...ok, online: true })).toEqual(['coYeuLineRequired']);
  });
});
