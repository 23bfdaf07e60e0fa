import { DEVICE_USE_LABELS, type CheckResult, type DeviceStatus, type DeviceUse, type NetworkStatus } from '@bmnn/contracts';

// Pure rules of the device register (LEGAL.md R12.1–R12.3): which device may serve which BMNN
// action on which date, which status changes are allowed, and what putting a device in use needs.

/** Law 117/2025/QH15 applies to actions from this date; earlier actions follow Law 29/2018/QH14. */
export const LAW_2025_FROM = '2026-03-01';

export type DeviceApprovalFacts = {
  networkStatus: NetworkStatus;
  everConnected: boolean;
  approvedUses: readonly DeviceUse[];
  status: DeviceStatus;
};

export type DeviceApproval = { approved: true } | { approved: false; reason: string };

/**
 * LEGAL.md R12.1. CONNECTED is never approved. INDEPENDENT_LAN is approved only for actions from
 * 01/3/2026 (Law 117/2025 Art. 5(2)). For actions before that date the 2018 regime applies: a
 * device that has ever been connected is disqualified ("đã kết nối hoặc đang kết nối", Law
 * 29/2018 Art. 5(5)), whatever its status today. The device must also be in use and approved
 * for that use by the unit.
 */
export function checkDeviceApproval({ device, use, actionDate }: { device: DeviceApprovalFacts; use: DeviceUse; actionDate: string }): DeviceApproval {
  const day = actionDate.slice(0, 10);
  const regime2025 = day >= LAW_2025_FROM;
  if (device.networkStatus === 'CONNECTED') {
    return { approved: false, reason: 'Thiết bị đang kết nối Internet, mạng máy tính hoặc mạng viễn thông: không được dùng cho bí mật nhà nước' };
  }
  if (device.networkStatus === 'INDEPENDENT_LAN' && !regime2025) {
    return { approved: false, reason: 'Trước ngày 01/3/2026, thiết bị trong mạng LAN độc lập không được dùng cho bí mật nhà nước' };
  }
  if (!regime2025 && device.everConnected) {
    return { approved: false, reason: 'Trước ngày 01/3/2026 (Luật số 29/2018/QH14), thiết bị đã từng kết nối mạng không được dùng cho bí mật nhà nước' };
  }
  if (device.status !== 'IN_USE') {
    return { approved: false, reason: 'Thiết bị không ở trạng thái đang sử dụng' };
  }
  if (!device.approvedUses.includes(use)) {
    return { approved: false, reason: `Thiết bị chưa được phê duyệt cho mục đích "${DEVICE_USE_LABELS[use]}"` };
  }
  return { approved: true };
}

/** The register's copying and drafting workflows accept only devices for which this is true (R12.1). */
export function isDeviceApprovedFor(args: { device: DeviceApprovalFacts; use: DeviceUse; actionDate: string }): boolean {
  return checkDeviceApproval(args).approved;
}

/** Allowed status changes. DISPOSED is final; a repurposed device has left secret work. */
export const DEVICE_TRANSITIONS: Record<DeviceStatus, readonly DeviceStatus[]> = {
  IN_STORE: ['IN_USE', 'REPAIR_EXTERNAL', 'REPURPOSED', 'DISPOSED'],
  IN_USE: ['IN_STORE', 'REPAIR_EXTERNAL', 'REPURPOSED', 'DISPOSED'],
  REPAIR_EXTERNAL: ['IN_STORE', 'IN_USE', 'DISPOSED'],
  REPURPOSED: ['DISPOSED'],
  DISPOSED: [],
};

export function canTransition(from: DeviceStatus, to: DeviceStatus): boolean {
  return DEVICE_TRANSITIONS[from].includes(to);
}

export type DeviceCheckFacts = {
  lastCheckOn: string | null;
  lastCheckResult: CheckResult | null;
  nextCheckDue: string | null;
  /** The date the device last went out for repair, if ever. */
  lastRepairOn: string | null;
};

/**
 * LEGAL.md R12.2: with the policy on, a device is put in use only on a passed security check that
 * is the latest check, is still valid on the date, and was made after the device's last repair
 * outside. Returns the reason it may not, or null.
 */
export function findUseBlocker({ device, requireCheck, effectiveDate }: { device: DeviceCheckFacts; requireCheck: boolean; effectiveDate: string }): string | null {
  if (!requireCheck) return null;
  if (!device.lastCheckOn) return 'Thiết bị chưa được kiểm tra an ninh, an toàn: không được đưa vào sử dụng';
  if (device.lastCheckResult !== 'PASSED') return 'Lần kiểm tra an ninh gần nhất không đạt: không được đưa vào sử dụng';
  if (device.lastCheckOn > effectiveDate) return 'Ngày đưa vào sử dụng phải từ ngày kiểm tra an ninh trở đi';
  if (device.nextCheckDue && device.nextCheckDue < effectiveDate) return 'Kết quả kiểm tra an ninh đã hết hạn: cần kiểm tra lại trước khi sử dụng';
  if (device.lastRepairOn && device.lastCheckOn < device.lastRepairOn) return 'Thiết bị đã sửa chữa bên ngoài: cần kiểm tra an ninh lại trước khi sử dụng';
  return null;
}
