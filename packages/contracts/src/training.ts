import { z } from 'zod';
import { nullableText, requiredText } from './fields.ts';
import { LIMITS } from './limits.ts';
import { idSchema, isoDate } from './schemas.ts';

// Training and dissemination (tuyên truyền, tập huấn, quán triệt — LEGAL.md R11.5): sessions with
// their attendees, dissemination of legal documents and of the danh mục to staff, each person's
// last training, coverage per unit and recurrence reminders.

export const TRAINING_KINDS = ['TAP_HUAN', 'BOI_DUONG', 'TUYEN_TRUYEN', 'QUAN_TRIET'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = {
  TAP_HUAN: 'Tập huấn nghiệp vụ',
  BOI_DUONG: 'Bồi dưỡng kiến thức',
  TUYEN_TRUYEN: 'Tuyên truyền, phổ biến',
  QUAN_TRIET: 'Quán triệt văn bản',
};

/** Organisers the seeds name; any other is typed in full. */
export const TRAINING_ORGANISER_SUGGESTIONS = ['Công an tỉnh', 'Bộ Công an', 'Ban Cơ yếu Chính phủ', 'Cơ quan, đơn vị tự tổ chức'] as const;

export const DISSEMINATION_KINDS = ['LEGAL_DOCUMENT', 'DANH_MUC'] as const;
export type DisseminationKind = (typeof DISSEMINATION_KINDS)[number];
export const DISSEMINATION_KIND_LABELS: Record<DisseminationKind, string> = {
  LEGAL_DOCUMENT: 'Văn bản quy phạm pháp luật, văn bản chỉ đạo',
  DANH_MUC: 'Danh mục bí mật nhà nước',
};

/** The default window of "trained recently" (R11.5: coverage in the last 12 months). */
export const TRAINING_WINDOW_DEFAULT_MONTHS = 12;

const text = requiredText;
const optionalText = nullableText;
const personIds = (label: string) => z.array(idSchema('psn')).max(2000, { error: `${label}: tối đa 2000 người` });

export const createTrainingSessionRequest = z.object({
  unitId: idSchema('unt'),
  topic: text('Chủ đề'),
  kind: z.enum(TRAINING_KINDS, { error: 'Hình thức không hợp lệ' }),
  heldOn: isoDate,
  organiser: text('Đơn vị tổ chức'),
  material: optionalText('Tài liệu'),
  result: optionalText('Kết quả'),
  attendeeIds: personIds('Người tham dự').default([]),
});
export type CreateTrainingSessionRequest = z.input<typeof createTrainingSessionRequest>;

/**
 * Corrects a recorded session's own fields, with the same checks as recording it. The unit is
 * not among them (the session sits in that unit's audit chain); attendees have their own routes.
 * A field left out stays as it is; `material` and `result` are cleared with null.
 */
export const updateTrainingSessionRequest = z.object({
  topic: createTrainingSessionRequest.shape.topic.optional(),
  kind: createTrainingSessionRequest.shape.kind.optional(),
  heldOn: isoDate.optional(),
  organiser: createTrainingSessionRequest.shape.organiser.optional(),
  material: createTrainingSessionRequest.shape.material,
  result: createTrainingSessionRequest.shape.result,
});
export type UpdateTrainingSessionRequest = z.input<typeof updateTrainingSessionRequest>;

/** Removes a wrongly added attendee; the reason is kept in the audit log. */
export const removeTrainingAttendeeRequest = z.object({ reason: text('Lý do', LIMITS.textMax) });
export type RemoveTrainingAttendeeRequest = z.input<typeof removeTrainingAttendeeRequest>;

export const addTrainingAttendeesRequest = z.object({ personIds: personIds('Người tham dự').min(1, { error: 'Chọn ít nhất một người' }) });

export const trainingPolicyRequest = z.object({
  windowMonths: z.number({ error: 'Nhập số tháng' }).int({ error: 'Số tháng phải là số nguyên' }).min(1, { error: 'Ít nhất 1 tháng' }).max(60, { error: 'Nhiều nhất 60 tháng' }),
});
export type TrainingPolicy = z.infer<typeof trainingPolicyRequest>;

export const createDisseminationRequest = z
  .object({
    unitId: idSchema('unt'),
    kind: z.enum(DISSEMINATION_KINDS, { error: 'Loại văn bản không hợp lệ' }),
    documentTitle: text('Văn bản'),
    danhMucDecisionId: z.string().max(64).nullish(),
    disseminatedOn: isoDate,
    method: optionalText('Hình thức phổ biến', LIMITS.nameMax),
    recipientIds: personIds('Người được phổ biến').min(1, { error: 'Chọn ít nhất một người được phổ biến' }),
  })
  .refine((v) => v.kind !== 'DANH_MUC' || !!v.danhMucDecisionId, { path: ['danhMucDecisionId'], error: 'Chọn quyết định ban hành danh mục' });
export type CreateDisseminationRequest = z.input<typeof createDisseminationRequest>;

export type TrainingAttendee = { personId: string; fullName: string; unitId: string; position: string | null };

export type TrainingSession = {
  id: string;
  unitId: string;
  topic: string;
  kind: TrainingKind;
  heldOn: string;
  organiser: string;
  material: string | null;
  result: string | null;
  attendeeCount: number;
  attendees?: TrainingAttendee[];
};

export type Dissemination = {
  id: string;
  unitId: string;
  kind: DisseminationKind;
  documentTitle: string;
  danhMucDecisionId: string | null;
  disseminatedOn: string;
  method: string | null;
  recipients: { personId: string; fullName: string }[];
};

/** A person who handles secrets and the date of their last training (null: never). */
export type PersonTraining = { personId: string; fullName: string; unitId: string; unitName: string; lastTrainedOn: string | null; lastTopic: string | null; due: boolean };

export type TrainingCoverageRow = { unitId: string; unitCode: string; unitName: string; secretStaff: number; trained: number; percent: number };
export type TrainingCoverage = { windowMonths: number; since: string; asOf: string; units: TrainingCoverageRow[]; total: { secretStaff: number; trained: number; percent: number } };

export type AttendanceImportProblem = { row: number; column: string | null; message: string };
export type AttendanceImportReport = { ok: boolean; rows: number; problems: AttendanceImportProblem[]; matched: { row: number; personId: string; fullName: string; alreadyAttending: boolean }[] };
