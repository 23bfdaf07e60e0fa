import { z } from 'zod';
import { nullableText, requiredText } from './fields.ts';
import type { Level } from './enums.ts';
import { LIMITS } from './limits.ts';
import { idSchema, isoDate } from './schemas.ts';

// Incidents: disclosure (lộ) or loss (mất) of state secrets (LEGAL.md R1.1, §13), with the
// channel taxonomy of the seeds (Chỉ thị 04/CT-UBND 2023: Internet, thu thập, chiếm đoạt, khác).

export const INCIDENT_KINDS = ['LO', 'MAT'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_KIND_LABELS: Record<IncidentKind, string> = { LO: 'Lộ bí mật nhà nước', MAT: 'Mất bí mật nhà nước' };

export const INCIDENT_CHANNELS = ['INTERNET', 'THU_THAP', 'CHIEM_DOAT', 'KHAC'] as const;
export type IncidentChannel = (typeof INCIDENT_CHANNELS)[number];
export const INCIDENT_CHANNEL_LABELS: Record<IncidentChannel, string> = {
  INTERNET: 'Qua mạng Internet',
  THU_THAP: 'Qua hoạt động thu thập bí mật nhà nước',
  CHIEM_DOAT: 'Qua hoạt động chiếm đoạt bí mật nhà nước',
  KHAC: 'Qua hình thức khác',
};

export const INCIDENT_SUB_CHANNELS = ['AGENCY_PORTAL', 'WEBSITE_FORUM', 'SOCIAL_NETWORK', 'LOST_MISPLACED', 'UNLAWFUL_TRANSFER', 'OTHER'] as const;
export type IncidentSubChannel = (typeof INCIDENT_SUB_CHANNELS)[number];
export const INCIDENT_SUB_CHANNEL_LABELS: Record<IncidentSubChannel, string> = {
  AGENCY_PORTAL: 'Đăng tải trên cổng thông tin điện tử của cơ quan, tổ chức',
  WEBSITE_FORUM: 'Website, diễn đàn mua bán, trao đổi tài liệu',
  SOCIAL_NETWORK: 'Tán phát trên mạng xã hội (Facebook, Zalo…)',
  LOST_MISPLACED: 'Làm mất, thất lạc tài liệu, vật chứa bí mật nhà nước',
  UNLAWFUL_TRANSFER: 'Mua bán, cung cấp, chuyển giao bí mật nhà nước trái pháp luật',
  OTHER: 'Hành vi khác',
};
/** Which sub-channels belong to which channel; a channel without sub-channels takes none. */
export const SUB_CHANNELS_BY_CHANNEL: Record<IncidentChannel, readonly IncidentSubChannel[]> = {
  INTERNET: ['AGENCY_PORTAL', 'WEBSITE_FORUM', 'SOCIAL_NETWORK'],
  THU_THAP: [],
  CHIEM_DOAT: [],
  KHAC: ['LOST_MISPLACED', 'UNLAWFUL_TRANSFER', 'OTHER'],
};

/** Where an incident came from: by hand, or raised by another part of BMNN. */
export const INCIDENT_SOURCES = ['MANUAL', 'ENVELOPE_TAMPERED', 'OFFBOARDING_MISSING', 'TAKE_OUT_OVERDUE', 'PORTAL_LEAK', 'STOCK_TAKE_MISSING'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];
export const INCIDENT_SOURCE_LABELS: Record<IncidentSource, string> = {
  MANUAL: 'Ghi nhận trực tiếp',
  ENVELOPE_TAMPERED: 'Bì văn bản có dấu hiệu bóc, mở, tráo đổi khi nhận',
  OFFBOARDING_MISSING: 'Thiếu tài liệu khi thu hồi do cán bộ thôi quản lý BMNN',
  TAKE_OUT_OVERDUE: 'Tài liệu mang ra ngoài không được trả lại đúng hạn',
  PORTAL_LEAK: 'Phát hiện trên cổng thông tin điện tử',
  STOCK_TAKE_MISSING: 'Không tìm thấy khi kiểm kê tài liệu, vật chứa BMNN',
};

export const INVESTIGATION_STATUSES = ['REPORTED', 'INVESTIGATING', 'CONCLUDED', 'CLOSED'] as const;
export type InvestigationStatus = (typeof INVESTIGATION_STATUSES)[number];
export const INVESTIGATION_STATUS_LABELS: Record<InvestigationStatus, string> = {
  REPORTED: 'Mới ghi nhận',
  INVESTIGATING: 'Đang xác minh, điều tra',
  CONCLUDED: 'Đã có kết luận',
  CLOSED: 'Đã kết thúc xử lý',
};

export const REFERRALS = ['NONE', 'DISCIPLINARY', 'ADMINISTRATIVE', 'CRIMINAL'] as const;
export type Referral = (typeof REFERRALS)[number];
export const REFERRAL_LABELS: Record<Referral, string> = {
  NONE: 'Chưa, không chuyển xử lý',
  DISCIPLINARY: 'Xử lý kỷ luật',
  ADMINISTRATIVE: 'Xử phạt vi phạm hành chính',
  CRIMINAL: 'Chuyển cơ quan điều tra (hình sự)',
};

/** Who must be told (LEGAL.md R13.1): the head, the body that determined the secret, Công an tỉnh. */
export const NOTIFICATION_RECIPIENTS = ['HEAD', 'DETERMINING_BODY', 'CONG_AN_TINH', 'OTHER'] as const;
export type NotificationRecipient = (typeof NOTIFICATION_RECIPIENTS)[number];
export const NOTIFICATION_RECIPIENT_LABELS: Record<NotificationRecipient, string> = {
  HEAD: 'Người đứng đầu cơ quan, đơn vị',
  DETERMINING_BODY: 'Cơ quan, tổ chức xác định bí mật nhà nước',
  CONG_AN_TINH: 'Ban Chỉ đạo tỉnh (qua Công an tỉnh)',
  OTHER: 'Cơ quan, người khác',
};
/** Until both are notified the incident shows "report now" (LEGAL.md R13.1). */
export const REQUIRED_NOTIFICATIONS: readonly NotificationRecipient[] = ['HEAD', 'CONG_AN_TINH'];

export const TIMELINE_KINDS = ['OPENED', 'NOTE', 'NOTIFIED', 'ITEM_LINKED', 'DEVICE_LINKED', 'UPDATED', 'STATUS_CHANGED', 'REPORT_EXPORTED'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

const text = requiredText;
const optionalText = nullableText;

/** An instant: ISO-8601 with a time zone (the UI sends UTC). */
export const isoInstant = z.iso.datetime({ offset: true, error: 'Thời điểm không hợp lệ' });

function channelConsistency(v: { channel?: IncidentChannel | undefined; subChannel?: IncidentSubChannel | null | undefined }, ctx: z.RefinementCtx) {
  if (!v.channel) return;
  const allowed = SUB_CHANNELS_BY_CHANNEL[v.channel];
  if (allowed.length > 0 && !v.subChannel) ctx.addIssue({ code: 'custom', path: ['subChannel'], message: 'Chọn hình thức cụ thể' });
  if (v.subChannel && !allowed.includes(v.subChannel)) ctx.addIssue({ code: 'custom', path: ['subChannel'], message: 'Hình thức cụ thể không thuộc hình thức đã chọn' });
}

export const openIncidentRequest = z
  .object({
    unitId: idSchema('unt'),
    kind: z.enum(INCIDENT_KINDS, { error: 'Loại vụ việc không hợp lệ (lộ hoặc mất)' }),
    channel: z.enum(INCIDENT_CHANNELS, { error: 'Hình thức lộ, mất không hợp lệ' }),
    subChannel: z.enum(INCIDENT_SUB_CHANNELS, { error: 'Hình thức cụ thể không hợp lệ' }).nullish(),
    title: text('Tên vụ việc'),
    discoveredAt: isoInstant,
    discoveredByPersonId: idSchema('psn').nullish(),
    discoveredByName: optionalText('Người phát hiện', LIMITS.nameMax),
    occurredOn: isoDate.nullish(),
    circumstances: text('Diễn biến, hoàn cảnh', LIMITS.textMax),
    immediateMeasures: optionalText('Biện pháp đã áp dụng ngay'),
    itemIds: z.array(idSchema('itm')).max(100).default([]),
    deviceIds: z.array(idSchema('dev')).max(50).default([]),
  })
  .superRefine(channelConsistency);
export type OpenIncidentRequest = z.input<typeof openIncidentRequest>;

export const updateIncidentRequest = z
  .object({
    kind: z.enum(INCIDENT_KINDS, { error: 'Loại vụ việc không hợp lệ (lộ hoặc mất)' }).optional(),
    channel: z.enum(INCIDENT_CHANNELS, { error: 'Hình thức lộ, mất không hợp lệ' }).optional(),
    subChannel: z.enum(INCIDENT_SUB_CHANNELS, { error: 'Hình thức cụ thể không hợp lệ' }).nullish(),
    title: text('Tên vụ việc').optional(),
    circumstances: text('Diễn biến, hoàn cảnh', LIMITS.textMax).optional(),
    immediateMeasures: optionalText('Biện pháp đã áp dụng ngay'),
    investigationStatus: z.enum(INVESTIGATION_STATUSES, { error: 'Tình trạng xác minh không hợp lệ' }).optional(),
    outcome: optionalText('Kết quả xác minh, điều tra'),
    rootCause: optionalText('Nguyên nhân'),
    handling: optionalText('Kết quả xử lý'),
    remedy: optionalText('Biện pháp khắc phục'),
    referral: z.enum(REFERRALS, { error: 'Hình thức xử lý không hợp lệ' }).optional(),
    referralNote: optionalText('Ghi chú về xử lý'),
  })
  .superRefine(channelConsistency);
export type UpdateIncidentRequest = z.input<typeof updateIncidentRequest>;

export const linkIncidentItemsRequest = z.object({ itemIds: z.array(idSchema('itm')).min(1, { error: 'Chọn ít nhất một tài liệu' }).max(100) });
export const linkIncidentDevicesRequest = z.object({ deviceIds: z.array(idSchema('dev')).min(1, { error: 'Chọn ít nhất một thiết bị' }).max(50) });

export const recordNotificationRequest = z.object({
  recipient: z.enum(NOTIFICATION_RECIPIENTS, { error: 'Nơi nhận thông báo không hợp lệ' }),
  recipientName: optionalText('Tên cơ quan, người nhận', LIMITS.nameMax),
  notifiedAt: isoInstant,
  method: optionalText('Hình thức thông báo', LIMITS.nameMax),
  documentRef: optionalText('Số văn bản báo cáo', LIMITS.nameMax),
});
export type RecordNotificationRequest = z.input<typeof recordNotificationRequest>;

export const addTimelineNoteRequest = z.object({ at: isoInstant.optional(), text: text('Nội dung', LIMITS.textMax) });

export const listIncidentsQuery = z.object({
  unitId: idSchema('unt').optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(INCIDENT_KINDS).optional(),
  channel: z.enum(INCIDENT_CHANNELS).optional(),
  status: z.enum(INVESTIGATION_STATUSES).optional(),
  reportNow: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
});

export const incidentStatisticsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  unitId: idSchema('unt').optional(),
});

/**
 * The incidents section of the annual report (LEGAL.md R13.2) for report year Y; the period is
 * the rule set's (R14.1(c): 15/12/(Y−1)–14/12/Y). The upper bound (current year + 1) depends on
 * the clock and is checked by the use case.
 */
export const ANNUAL_REPORT_FIRST_YEAR = 2018;
export const incidentAnnualReportQuery = z.object({
  year: z.coerce
    .number({ error: 'Năm báo cáo phải là số có 4 chữ số' })
    .int({ error: 'Năm báo cáo phải là số có 4 chữ số' })
    .min(ANNUAL_REPORT_FIRST_YEAR, { error: `Năm báo cáo phải từ năm ${ANNUAL_REPORT_FIRST_YEAR} trở đi` })
    .max(9999, { error: 'Năm báo cáo phải là số có 4 chữ số' }),
  unitId: idSchema('unt').optional(),
});

export const incidentReportQuery = z.object({
  number: z.string().trim().max(LIMITS.codeMax).optional(),
  place: z.string().trim().max(LIMITS.nameMax).optional(),
});

/** The "report now" clock (LEGAL.md R13.1): no numeric limit in national law, so "now" means now. */
export type ReportClock = {
  reportNow: boolean;
  pending: NotificationRecipient[];
  /** When the last required notification was made, if all were. */
  reportedAt: string | null;
  minutesSinceDiscovery: number;
};

export type IncidentSummary = {
  id: string;
  unitId: string;
  unitName: string;
  kind: IncidentKind;
  channel: IncidentChannel;
  subChannel: IncidentSubChannel | null;
  title: string;
  source: IncidentSource;
  discoveredAt: string;
  investigationStatus: InvestigationStatus;
  clock: ReportClock;
  createdAt: string;
};

export type IncidentItemLink = { itemId: string; soKyHieu: string; level: Level; effect: 'LOST' | 'DISCLOSED'; linkedAt: string };
export type IncidentDeviceLink = { deviceId: string; assetCode: string; name: string; linkedAt: string };
export type IncidentNotification = {
  id: string;
  recipient: NotificationRecipient;
  recipientName: string | null;
  notifiedAt: string;
  method: string | null;
  documentRef: string | null;
};
export type IncidentTimelineEntry = { id: string; at: string; kind: TimelineKind; text: string; actorName: string | null };

export type Incident = IncidentSummary & {
  discoveredByPersonId: string | null;
  discoveredByName: string | null;
  occurredOn: string | null;
  sourceRef: string | null;
  circumstances: string;
  immediateMeasures: string | null;
  outcome: string | null;
  rootCause: string | null;
  handling: string | null;
  remedy: string | null;
  referral: Referral;
  referralNote: string | null;
  items: IncidentItemLink[];
  devices: IncidentDeviceLink[];
  notifications: IncidentNotification[];
  timeline: IncidentTimelineEntry[];
};

export type IncidentStatisticsRow = { cases: number; casesPercent: number; items: number; itemsPercent: number };
export type IncidentStatistics = {
  year: number | null;
  totalCases: number;
  totalItems: number;
  byChannel: Array<IncidentStatisticsRow & { channel: IncidentChannel; label: string; bySubChannel: Array<{ subChannel: IncidentSubChannel; label: string; cases: number; items: number }> }>;
  byKind: Array<IncidentStatisticsRow & { kind: IncidentKind; label: string }>;
  byUnit: Array<IncidentStatisticsRow & { unitId: string; unitName: string }>;
  byYear: Array<{ year: number; cases: number; items: number }>;
};
