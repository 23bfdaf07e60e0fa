import { z } from 'zod';
import type { Level } from './enums.ts';
import { nullableText, requiredText } from './fields.ts';
import { LIMITS } from './limits.ts';
import { idSchema, isoDate, levelSchema } from './schemas.ts';

// Conferences, seminars and meetings with secret content (LEGAL.md R8.7, R8.8): the meeting
// register with its checklist (venue, police check, equipment, cơ yếu line, device-ban notice),
// attendees, and the documents handed out and collected back.

export const VENUE_KINDS = ['INSIDE', 'OUTSIDE'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];
export const VENUE_KIND_LABELS: Record<VenueKind, string> = {
  INSIDE: 'Phòng họp kín tại trụ sở cơ quan',
  OUTSIDE: 'Ngoài trụ sở cơ quan',
};

export const MEETING_STATUSES = ['PLANNED', 'HELD', 'CLOSED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  PLANNED: 'Đã đăng ký, chưa họp',
  HELD: 'Đã họp, đang thu hồi tài liệu',
  CLOSED: 'Đã kết thúc',
};

/** R8.8: for these levels the meeting must announce the ban on devices that receive, transmit or record. */
export const LEVELS_REQUIRING_DEVICE_BAN: readonly Level[] = ['TOI_MAT', 'TUYET_MAT'];

const text = requiredText;
/** Short optional fields (references, names): the name length, not the free-text one. */
const optionalText = (label: string, max: number = LIMITS.nameMax) => nullableText(label, max);

export const createMeetingRequest = z.object({
  unitId: idSchema('unt'),
  title: text('Tên hội nghị, cuộc họp'),
  level: levelSchema,
  heldOn: isoDate,
  venueKind: z.enum(VENUE_KINDS, { error: 'Chọn địa điểm trong hoặc ngoài trụ sở' }),
  venue: text('Địa điểm'),
  chairName: optionalText('Người chủ trì'),
  online: z.boolean().default(false),
  coYeuLineRef: optionalText('Đường truyền được bảo vệ bằng cơ yếu'),
  deviceBanNotice: z.boolean().default(false),
  externalAttendees: optionalText('Thành phần khác', LIMITS.textMax),
});
export type CreateMeetingRequest = z.input<typeof createMeetingRequest>;

export const updateMeetingChecklistRequest = z.object({
  policeCheckRef: optionalText('Số văn bản đề nghị Công an kiểm tra'),
  policeCheckDate: isoDate.nullish(),
  deviceBanNotice: z.boolean().optional(),
  coYeuLineRef: optionalText('Đường truyền được bảo vệ bằng cơ yếu'),
});
export type UpdateMeetingChecklistRequest = z.input<typeof updateMeetingChecklistRequest>;

export const addMeetingEquipmentRequest = z.object({ deviceId: idSchema('dev') });
export const addMeetingAttendeesRequest = z.object({ personIds: z.array(idSchema('psn')).min(1, { error: 'Chọn ít nhất một người' }).max(500) });
export const handOutMeetingDocumentRequest = z.object({ itemId: idSchema('itm'), handedToId: idSchema('psn') });

export type MeetingEquipment = { deviceId: string; assetCode: string; name: string; lastCheckOn: string | null; checkedBy: string | null; nextCheckDue: string | null };
export type MeetingDocument = { id: string; itemId: string; label: string; level: Level; handedToId: string; handedToName: string; handedOutAt: string; collectedBackAt: string | null };

export type MeetingSummary = {
  id: string;
  unitId: string;
  title: string;
  level: Level;
  heldOn: string;
  venueKind: VenueKind;
  venue: string;
  online: boolean;
  status: MeetingStatus;
};

export type Meeting = MeetingSummary & {
  chairName: string | null;
  coYeuLineRef: string | null;
  deviceBanNotice: boolean;
  policeCheckRef: string | null;
  policeCheckDate: string | null;
  externalAttendees: string | null;
  attendees: { personId: string; fullName: string }[];
  equipment: MeetingEquipment[];
  documents: MeetingDocument[];
  documentsOut: number;
};
