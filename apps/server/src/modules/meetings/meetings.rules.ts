import { CHECK_BODY_LABELS, LEVELS_REQUIRING_DEVICE_BAN, type CheckBody, type CheckResult, type DeviceType, type Level, type VenueKind } from '@bmnn/contracts';

// Pure rules of the meeting register (LEGAL.md R8.7, R8.8).

export type MeetingCheckFacts = { body: CheckBody; result: CheckResult; checkedOn: string; nextDue: string | null };

/** Bodies whose check counts for meeting equipment: BCA or Công an tỉnh; Ban Cơ yếu for its own products (2026 draft). */
export function bodiesAcceptedFor(type: DeviceType): readonly CheckBody[] {
  return type === 'CRYPTO_PRODUCT' ? ['CONG_AN_TINH', 'BO_CONG_AN', 'BAN_CO_YEU'] : ['CONG_AN_TINH', 'BO_CONG_AN'];
}

/**
 * R8.7: equipment is installed only after a check by BCA or Công an tỉnh that passed, was made
 * on or before the meeting day, is still valid on that day and is newer than the last repair
 * outside. Returns the reason it may not serve, or null.
 */
export function findEquipmentBlocker({ type, latestCheck, lastRepairOn, meetingDay }: { type: DeviceType; latestCheck: MeetingCheckFacts | null; lastRepairOn: string | null; meetingDay: string }): string | null {
  if (!latestCheck) return 'Thiết bị chưa được kiểm tra an ninh, an toàn: không được lắp đặt phục vụ cuộc họp (R8.7)';
  if (!bodiesAcceptedFor(type).includes(latestCheck.body)) return `Lần kiểm tra gần nhất do ${CHECK_BODY_LABELS[latestCheck.body]} thực hiện: thiết bị phục vụ cuộc họp phải được Bộ Công an hoặc Công an tỉnh kiểm tra (R8.7)`;
  if (latestCheck.result !== 'PASSED') return 'Lần kiểm tra an ninh gần nhất không đạt: không được lắp đặt phục vụ cuộc họp (R8.7)';
  if (latestCheck.checkedOn > meetingDay) return 'Kiểm tra an ninh phải được thực hiện trước ngày họp (R8.7)';
  if (latestCheck.nextDue && latestCheck.nextDue < meetingDay) return 'Kết quả kiểm tra an ninh đã hết hạn vào ngày họp (R8.7)';
  if (lastRepairOn && latestCheck.checkedOn < lastRepairOn) return 'Thiết bị đã sửa chữa bên ngoài sau lần kiểm tra gần nhất: cần kiểm tra lại (R8.7)';
  return null;
}

export type HoldFacts = { level: Level; venueKind: VenueKind; policeCheckRef: string | null; deviceBanNotice: boolean; online: boolean; coYeuLineRef: string | null };

/** What a meeting still lacks before it can be held, as error keys in the order they are checked. */
export function findHoldBlockers(m: HoldFacts): Array<'policeCheckRequired' | 'deviceBanRequired' | 'coYeuLineRequired'> {
  const blockers: Array<'policeCheckRequired' | 'deviceBanRequired' | 'coYeuLineRequired'> = [];
  if (m.venueKind === 'OUTSIDE' && !m.policeCheckRef) blockers.push('policeCheckRequired');
  if (LEVELS_REQUIRING_DEVICE_BAN.includes(m.level) && !m.deviceBanNotice) blockers.push('deviceBanRequired');
  if (m.online && !m.coYeuLineRef) blockers.push('coYeuLineRequired');
  return blockers;
}
