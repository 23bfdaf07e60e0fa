import { z } from 'zod';
import { nullableText, requiredText } from './fields.ts';
import { LIMITS } from './limits.ts';
import { idSchema, isoDate } from './schemas.ts';

// The device register (sổ quản lý thiết bị, LEGAL.md R12.1–R12.4): computers, printers, copiers,
// scanners, cameras, removable media and crypto products (sản phẩm mật mã cơ yếu) used for BMNN.

export const DEVICE_TYPES = ['COMPUTER', 'PRINTER', 'COPIER', 'SCANNER', 'CAMERA', 'REMOVABLE_MEDIUM', 'CRYPTO_PRODUCT'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];
export const DEVICE_TYPE_LABELS: Record<DeviceType, string> = {
  COMPUTER: 'Máy tính',
  PRINTER: 'Máy in',
  COPIER: 'Máy photocopy',
  SCANNER: 'Máy quét (scan)',
  CAMERA: 'Máy ảnh, máy quay',
  REMOVABLE_MEDIUM: 'Thiết bị lưu trữ di động (USB, ổ đĩa)',
  CRYPTO_PRODUCT: 'Sản phẩm mật mã (cơ yếu)',
};

/** LEGAL.md R12.1: CONNECTED is never allowed for secret work. */
export const NETWORK_STATUSES = ['AIR_GAPPED_NEVER_CONNECTED', 'INDEPENDENT_LAN', 'CO_YEU_APPROVED', 'CONNECTED'] as const;
export type NetworkStatus = (typeof NETWORK_STATUSES)[number];
export const NETWORK_STATUS_LABELS: Record<NetworkStatus, string> = {
  AIR_GAPPED_NEVER_CONNECTED: 'Độc lập, chưa từng kết nối mạng',
  INDEPENDENT_LAN: 'Mạng LAN độc lập (từ 01/3/2026)',
  CO_YEU_APPROVED: 'Được bảo vệ bằng sản phẩm cơ yếu',
  CONNECTED: 'Đang kết nối Internet, mạng máy tính, mạng viễn thông (không được dùng cho BMNN)',
};

export const DEVICE_USES = ['DRAFT_STORE', 'COPY', 'MEETING'] as const;
export type DeviceUse = (typeof DEVICE_USES)[number];
export const DEVICE_USE_LABELS: Record<DeviceUse, string> = {
  DRAFT_STORE: 'Soạn thảo, lưu giữ BMNN',
  COPY: 'Sao, chụp BMNN',
  MEETING: 'Phục vụ hội nghị, cuộc họp có nội dung BMNN',
};

export const DEVICE_STATUSES = ['IN_STORE', 'IN_USE', 'REPAIR_EXTERNAL', 'REPURPOSED', 'DISPOSED'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
export const DEVICE_STATUS_LABELS: Record<DeviceStatus, string> = {
  IN_STORE: 'Trong kho, chưa sử dụng',
  IN_USE: 'Đang sử dụng',
  REPAIR_EXTERNAL: 'Đang sửa chữa bên ngoài',
  REPURPOSED: 'Đã chuyển mục đích sử dụng',
  DISPOSED: 'Đã thanh lý, tiêu hủy',
};
/** Status changes that need the BMNN removed or the media destroyed first (LEGAL.md R12.3). */
export const STATUSES_REQUIRING_SANITISATION: readonly DeviceStatus[] = ['REPAIR_EXTERNAL', 'REPURPOSED', 'DISPOSED'];

export const CHECK_BODIES = ['CONG_AN_TINH', 'BAN_CO_YEU', 'BO_CONG_AN', 'NOI_BO'] as const;
export type CheckBody = (typeof CHECK_BODIES)[number];
export const CHECK_BODY_LABELS: Record<CheckBody, string> = {
  CONG_AN_TINH: 'Công an tỉnh',
  BAN_CO_YEU: 'Ban Cơ yếu Chính phủ',
  BO_CONG_AN: 'Bộ Công an',
  NOI_BO: 'Cơ quan, đơn vị tự kiểm tra',
};

export const CHECK_REASONS = ['BEFORE_USE', 'AFTER_REPAIR', 'PERIODIC'] as const;
export type CheckReason = (typeof CHECK_REASONS)[number];
export const CHECK_REASON_LABELS: Record<CheckReason, string> = {
  BEFORE_USE: 'Trước khi đưa vào sử dụng',
  AFTER_REPAIR: 'Sau khi sửa chữa',
  PERIODIC: 'Định kỳ',
};

export const CHECK_RESULTS = ['PASSED', 'FAILED'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];
export const CHECK_RESULT_LABELS: Record<CheckResult, string> = { PASSED: 'Đạt', FAILED: 'Không đạt' };

export const SANITISATION_KINDS = ['WIPE', 'MEDIA_DESTROYED'] as const;
export type SanitisationKind = (typeof SANITISATION_KINDS)[number];
export const SANITISATION_KIND_LABELS: Record<SanitisationKind, string> = {
  WIPE: 'Xóa bỏ BMNN trên thiết bị',
  MEDIA_DESTROYED: 'Tiêu hủy bộ phận lưu trữ',
};

const text = requiredText;
const optionalText = nullableText;

export const deviceTypeSchema = z.enum(DEVICE_TYPES, { error: 'Loại thiết bị không hợp lệ' });
export const networkStatusSchema = z.enum(NETWORK_STATUSES, { error: 'Tình trạng kết nối mạng không hợp lệ' });
export const deviceUseSchema = z.enum(DEVICE_USES, { error: 'Mục đích sử dụng không hợp lệ' });
export const deviceStatusSchema = z.enum(DEVICE_STATUSES, { error: 'Trạng thái thiết bị không hợp lệ' });

const deviceFields = {
  assetCode: text('Mã tài sản', LIMITS.codeMax),
  name: text('Tên thiết bị'),
  type: deviceTypeSchema,
  serial: optionalText('Số sê-ri', LIMITS.nameMax),
  location: optionalText('Vị trí đặt', LIMITS.nameMax),
  custodianId: idSchema('psn').nullish(),
  networkStatus: networkStatusSchema,
  everConnected: z.boolean().default(false),
  coYeuProductRef: optionalText('Số hiệu sản phẩm cơ yếu', LIMITS.nameMax),
  approvedUses: z.array(deviceUseSchema).max(DEVICE_USES.length).default([]),
  note: optionalText('Ghi chú'),
};

/** A device that was never connected cannot be flagged as once connected, and a connected one is. */
function networkConsistency(v: { networkStatus?: NetworkStatus | undefined; everConnected?: boolean | undefined }, ctx: z.RefinementCtx) {
  if (v.networkStatus === 'AIR_GAPPED_NEVER_CONNECTED' && v.everConnected === true) {
    ctx.addIssue({ code: 'custom', path: ['networkStatus'], message: 'Thiết bị đã từng kết nối mạng không thể ghi là "chưa từng kết nối"' });
  }
}

export const createDeviceRequest = z
  // A new device starts in store: putting it in use is a status change that needs a check (R12.2).
  .object({ unitId: idSchema('unt'), ...deviceFields })
  .superRefine(networkConsistency);
export type CreateDeviceRequest = z.input<typeof createDeviceRequest>;

export const updateDeviceRequest = z
  .object({
    assetCode: deviceFields.assetCode.optional(),
    name: deviceFields.name.optional(),
    type: deviceTypeSchema.optional(),
    serial: deviceFields.serial,
    location: deviceFields.location,
    custodianId: deviceFields.custodianId,
    networkStatus: networkStatusSchema.optional(),
    everConnected: z.boolean().optional(),
    coYeuProductRef: deviceFields.coYeuProductRef,
    approvedUses: z.array(deviceUseSchema).max(DEVICE_USES.length).optional(),
    note: deviceFields.note,
  })
  .superRefine(networkConsistency);
export type UpdateDeviceRequest = z.input<typeof updateDeviceRequest>;

export const recordDeviceCheckRequest = z
  .object({
    body: z.enum(CHECK_BODIES, { error: 'Cơ quan kiểm tra không hợp lệ' }),
    inspectorName: optionalText('Người kiểm tra', LIMITS.nameMax),
    reason: z.enum(CHECK_REASONS, { error: 'Lý do kiểm tra không hợp lệ' }),
    checkedOn: isoDate,
    result: z.enum(CHECK_RESULTS, { error: 'Kết quả kiểm tra không hợp lệ' }),
    nextDue: isoDate.nullish(),
    reportRef: optionalText('Số biên bản kiểm tra', LIMITS.nameMax),
    note: optionalText('Ghi chú'),
  })
  .refine((v) => !v.nextDue || v.nextDue > v.checkedOn, { path: ['nextDue'], error: 'Hạn kiểm tra tiếp theo phải sau ngày kiểm tra' });
export type RecordDeviceCheckRequest = z.input<typeof recordDeviceCheckRequest>;

export const sanitisationSchema = z.object({
  kind: z.enum(SANITISATION_KINDS, { error: 'Hình thức xử lý dữ liệu không hợp lệ' }),
  method: text('Phương pháp xóa, tiêu hủy', LIMITS.textMax),
  performedOn: isoDate,
  witnesses: z.array(text('Người chứng kiến')).min(1, { error: 'Cần ghi ít nhất một người chứng kiến' }).max(10),
  destructionRef: optionalText('Số biên bản tiêu hủy', LIMITS.nameMax),
});
export type SanitisationInput = z.input<typeof sanitisationSchema>;

export const changeDeviceStatusRequest = z.object({
  status: deviceStatusSchema,
  effectiveDate: isoDate,
  reason: optionalText('Lý do'),
  /** Required for REPAIR_EXTERNAL, REPURPOSED and DISPOSED (LEGAL.md R12.3). */
  sanitisation: sanitisationSchema.nullish(),
});
export type ChangeDeviceStatusRequest = z.input<typeof changeDeviceStatusRequest>;

export const listDevicesQuery = z.object({
  unitId: idSchema('unt').optional(),
  status: deviceStatusSchema.optional(),
  type: deviceTypeSchema.optional(),
  use: deviceUseSchema.optional(),
  q: z.string().trim().max(LIMITS.nameMax).optional(),
});

export const devicePolicyRequest = z.object({ requireSecurityCheckBeforeUse: z.boolean({ error: 'Giá trị phải là có hoặc không' }) });
export type DevicePolicy = z.infer<typeof devicePolicyRequest>;

export type Device = {
  id: string;
  unitId: string;
  assetCode: string;
  name: string;
  type: DeviceType;
  serial: string | null;
  location: string | null;
  custodianId: string | null;
  custodianName: string | null;
  networkStatus: NetworkStatus;
  everConnected: boolean;
  coYeuProductRef: string | null;
  approvedUses: DeviceUse[];
  status: DeviceStatus;
  lastCheckOn: string | null;
  lastCheckResult: CheckResult | null;
  nextCheckDue: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
};

export type DeviceCheck = {
  id: string;
  body: CheckBody;
  inspectorName: string | null;
  reason: CheckReason;
  checkedOn: string;
  result: CheckResult;
  nextDue: string | null;
  reportRef: string | null;
  note: string | null;
  recordedAt: string;
};

export type DeviceStatusChange = {
  id: string;
  fromStatus: DeviceStatus | null;
  toStatus: DeviceStatus;
  effectiveDate: string;
  reason: string | null;
  at: string;
  sanitisation: { kind: SanitisationKind; method: string; performedOn: string; witnesses: string[]; destructionRef: string | null } | null;
};

export type OverdueDeviceCheck = { device: Device; reason: 'OVERDUE' | 'NEVER_CHECKED'; dueSince: string | null };
