// Copying and photographing (R5.4, R5.5, R5.7, R5.8; device rule R12.1).
import type { RuleSet, DeviceNetworkStatus } from './rule-set.schema.ts';
import { refuse } from './decision.ts';
import type { Decision } from './decision.ts';
import { isRuleSetInForce } from './rule-set.ts';
import type { IsoDate } from './dates.ts';
import { formatDateVi } from './dates.ts';

/** A copy request (R5.8, R5.4): refused when the item may not be copied, or for no copy at all. */
export function checkCopyRequest({
  copyPermitted,
  requestedCount,
  laterPermissionRef,
  ruleSet,
}: {
  copyPermitted: boolean;
  requestedCount: number;
  /** Reference of a later decision permitting copying, when the rule set allows one. */
  laterPermissionRef?: string;
  ruleSet: RuleSet;
}): Decision<{ requestedCount: number }> {
  if (!copyPermitted) {
    const later = ruleSet.copying.laterPermissionAllowed && (laterPermissionRef ?? '').trim().length > 0;
    if (!later) {
      return refuse('rules.copy_not_permitted', 'Tài liệu, vật này được xác định "không được phép sao, chụp".', ruleSet.copying.laterPermissionBasis);
    }
  }
  if (!Number.isInteger(requestedCount) || requestedCount < 1) {
    return refuse('rules.copy_count_invalid', 'Số bản sao, chụp phải là số nguyên, ít nhất 1.', ruleSet.copying.basis);
  }
  return { ok: true, requestedCount };
}

/**
 * A copy record (R5.4): no more copies than authorised, counting those already made, and every
 * spoiled or surplus copy destroyed at once.
 */
export function checkCopyExecution({
  authorisedCount,
  alreadyMade = 0,
  madeCount,
  spoiledCount = 0,
  spoiledDestroyedCount = 0,
  ruleSet,
}: {
  authorisedCount: number;
  alreadyMade?: number;
  madeCount: number;
  spoiledCount?: number;
  spoiledDestroyedCount?: number;
  ruleSet: RuleSet;
}): Decision<{ remaining: number }> {
  const basis = ruleSet.copying.basis;
  if (!Number.isInteger(madeCount) || madeCount < 0 || !Number.isInteger(spoiledCount) || spoiledCount < 0) {
    return refuse('rules.copy_count_invalid', 'Số bản sao, chụp phải là số nguyên không âm.', basis);
  }
  if (alreadyMade + madeCount > authorisedCount) {
    return refuse(
      'rules.copy_over_count',
      `Chỉ được sao, chụp ${authorisedCount} bản theo cho phép; đã sao ${alreadyMade} bản, không thể thêm ${madeCount} bản.`,
      basis,
    );
  }
  if (ruleSet.copying.spoiledMustBeDestroyed && spoiledDestroyedCount < spoiledCount) {
    return refuse(
      'rules.spoiled_copies_not_destroyed',
      `Còn ${spoiledCount - spoiledDestroyedCount} bản hỏng, thừa chưa tiêu hủy; phải tiêu hủy ngay.`,
      basis,
    );
  }
  return { ok: true, remaining: authorisedCount - alreadyMade - madeCount };
}

/** "Bản sao số" 1..n of a copy batch (R5.7, Mẫu 11). */
export function numberCopies({ count }: { count: number }): { number: number; label: string }[] {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Invalid copy count: ${count}`);
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, label: `Bản sao số ${i + 1}` }));
}

/**
 * Whether a device may be used for BMNN on a date (R5.5, R12.1): its network status must be
 * allowed by the rule set in force, and under the 2018 regime a device once connected is out.
 */
export function checkDevice({
  networkStatus,
  everConnected,
  actionDate,
  ruleSet,
}: {
  networkStatus: DeviceNetworkStatus;
  everConnected: boolean;
  actionDate: IsoDate;
  ruleSet: RuleSet;
}): Decision<{ networkStatus: DeviceNetworkStatus }> {
  const basis = ruleSet.devices.basis;
  if (!isRuleSetInForce({ ruleSet, date: actionDate })) {
    return refuse('rules.rule_set_not_in_force', `${ruleSet.name} không áp dụng cho ngày ${formatDateVi(actionDate)}.`, ruleSet.basis);
  }
  if (!ruleSet.devices.allowedNetworkStatuses.includes(networkStatus)) {
    return refuse('rules.device_network_not_allowed', 'Thiết bị có trạng thái kết nối mạng không được phép dùng cho bí mật nhà nước.', basis);
  }
  if (ruleSet.devices.everConnectedDisqualifies && everConnected && networkStatus !== 'CO_YEU_APPROVED') {
    return refuse('rules.device_was_connected', 'Thiết bị đã từng kết nối mạng không được dùng cho bí mật nhà nước theo quy định trước 01/3/2026.', basis);
  }
  return { ok: true, networkStatus };
}
