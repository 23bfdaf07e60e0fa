import { z } from 'zod';
import { nullableText, requiredText } from './fields.ts';
import type { Level } from './enums.ts';
import { LIMITS } from './limits.ts';
import { idSchema, isoDate } from './schemas.ts';

// People who work with secrets (LEGAL.md R11.2–R11.4): assignments, commitments, offboarding.

export const ASSIGNMENT_KINDS = ['SECRET_WORK', 'SECURITY_OFFICER'] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];
export const ASSIGNMENT_KIND_LABELS: Record<AssignmentKind, string> = {
  SECRET_WORK: 'Phân công quản lý, tiếp cận bí mật nhà nước',
  SECURITY_OFFICER: 'Cán bộ làm công tác bảo vệ bí mật nhà nước',
};

export const OFFICER_TYPES = ['CHUYEN_TRACH', 'KIEM_NHIEM'] as const;
export type OfficerType = (typeof OFFICER_TYPES)[number];
export const OFFICER_TYPE_LABELS: Record<OfficerType, string> = { CHUYEN_TRACH: 'Chuyên trách', KIEM_NHIEM: 'Kiêm nhiệm' };

export const COMMITMENT_KINDS = ['ON_ASSIGNMENT', 'ON_LEAVING', 'OTHER'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];
export const COMMITMENT_KIND_LABELS: Record<CommitmentKind, string> = {
  ON_ASSIGNMENT: 'Cam kết khi được phân công',
  ON_LEAVING: 'Cam kết khi thôi quản lý bí mật nhà nước',
  OTHER: 'Cam kết khác theo quy chế của cơ quan',
};

export const OFFBOARDING_REASONS = ['QUIT', 'TRANSFER', 'RETIRE', 'DEATH', 'STOP_SECRET_WORK'] as const;
export type OffboardingReason = (typeof OFFBOARDING_REASONS)[number];
export const OFFBOARDING_REASON_LABELS: Record<OffboardingReason, string> = {
  QUIT: 'Thôi việc',
  TRANSFER: 'Chuyển công tác',
  RETIRE: 'Nghỉ hưu',
  DEATH: 'Từ trần',
  STOP_SECRET_WORK: 'Không được phân công tiếp tục quản lý bí mật nhà nước',
};

export const OFFBOARDING_RESOLUTIONS = ['OPEN', 'HANDED_OVER', 'ACCOUNTED', 'MISSING'] as const;
export type OffboardingResolution = (typeof OFFBOARDING_RESOLUTIONS)[number];
export const OFFBOARDING_RESOLUTION_LABELS: Record<OffboardingResolution, string> = {
  OPEN: 'Chưa bàn giao',
  HANDED_OVER: 'Đã bàn giao',
  ACCOUNTED: 'Đã xác định (đã tiêu hủy, đã nộp lưu…)',
  MISSING: 'Không tìm thấy: đã lập vụ mất bí mật nhà nước',
};

const text = requiredText;
const optionalText = nullableText;

export const createAssignmentRequest = z
  .object({
    personId: idSchema('psn'),
    kind: z.enum(ASSIGNMENT_KINDS, { error: 'Loại phân công không hợp lệ' }),
    officerType: z.enum(OFFICER_TYPES, { error: 'Chọn chuyên trách hoặc kiêm nhiệm' }).nullish(),
    decisionRef: text('Số quyết định phân công', LIMITS.codeMax),
    decisionDate: isoDate,
    validFrom: isoDate,
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'SECURITY_OFFICER' && !v.officerType) ctx.addIssue({ code: 'custom', path: ['officerType'], message: 'Chọn chuyên trách hoặc kiêm nhiệm' });
    if (v.kind === 'SECRET_WORK' && v.officerType) ctx.addIssue({ code: 'custom', path: ['officerType'], message: 'Chỉ cán bộ bảo mật mới là chuyên trách hoặc kiêm nhiệm' });
  });
export type CreateAssignmentRequest = z.input<typeof createAssignmentRequest>;

export const endAssignmentRequest = z.object({ endedOn: isoDate, reason: optionalText('Lý do') });

export const secretWorkPolicyRequest = z.object({ requireCommitmentBeforeOfficer: z.boolean({ error: 'Giá trị phải là có hoặc không' }) });
export type SecretWorkPolicy = z.infer<typeof secretWorkPolicyRequest>;

export type Assignment = {
  id: string;
  unitId: string;
  personId: string;
  personName: string;
  kind: AssignmentKind;
  officerType: OfficerType | null;
  decisionRef: string;
  decisionDate: string;
  validFrom: string;
  endedOn: string | null;
};

export const createCommitmentRequest = z
  .object({
    personId: idSchema('psn'),
    kind: z.enum(COMMITMENT_KINDS, { error: 'Loại cam kết không hợp lệ' }),
    title: optionalText('Tên cam kết', LIMITS.nameMax),
    signedOn: isoDate.nullish(),
    renewalDue: isoDate.nullish(),
    scanRef: optionalText('Số hồ sơ bản ký', LIMITS.nameMax),
  })
  .refine((v) => v.kind !== 'OTHER' || !!v.title, { path: ['title'], error: 'Ghi tên cam kết' });
export type CreateCommitmentRequest = z.input<typeof createCommitmentRequest>;

export const signCommitmentRequest = z.object({ signedOn: isoDate, renewalDue: isoDate.nullish(), scanRef: optionalText('Số hồ sơ bản ký', LIMITS.nameMax) });

export type Commitment = {
  id: string;
  unitId: string;
  personId: string;
  personName: string;
  kind: CommitmentKind;
  title: string | null;
  signedOn: string | null;
  renewalDue: string | null;
  scanRef: string | null;
  /** The signed scan attached to the commitment, if any. */
  scan: { name: string; size: number; mediaType: string; attachedAt: string } | null;
};

export const openOffboardingRequest = z.object({
  personId: idSchema('psn'),
  reason: z.enum(OFFBOARDING_REASONS, { error: 'Lý do không hợp lệ' }),
  effectiveDate: isoDate,
  successorId: idSchema('psn').nullish(),
  note: optionalText('Ghi chú'),
});
export type OpenOffboardingRequest = z.input<typeof openOffboardingRequest>;

export const resolveOffboardingLineRequest = z
  .object({
    resolution: z.enum(['HANDED_OVER', 'ACCOUNTED', 'MISSING'], { error: 'Cách xử lý không hợp lệ' }),
    handedToId: idSchema('psn').nullish(),
    handoverRef: optionalText('Số biên bản bàn giao', LIMITS.nameMax),
    note: optionalText('Ghi chú'),
  })
  .superRefine((v, ctx) => {
    if (v.resolution === 'HANDED_OVER' && !v.handedToId) ctx.addIssue({ code: 'custom', path: ['handedToId'], message: 'Chọn người nhận bàn giao' });
    if (v.resolution === 'ACCOUNTED' && !v.note) ctx.addIssue({ code: 'custom', path: ['note'], message: 'Ghi rõ tài liệu đã được xử lý thế nào' });
  });
export type ResolveOffboardingLineRequest = z.input<typeof resolveOffboardingLineRequest>;

export type OffboardingLine = {
  id: string;
  subjectKind: 'ITEM' | 'DEVICE';
  subjectId: string;
  label: string;
  level: Level | null;
  resolution: OffboardingResolution;
  handedToId: string | null;
  handoverRef: string | null;
  note: string | null;
  incidentId: string | null;
};

export type OffboardingCase = {
  id: string;
  unitId: string;
  personId: string;
  personName: string;
  reason: OffboardingReason;
  effectiveDate: string;
  successorId: string | null;
  status: 'OPEN' | 'CLOSED';
  exitCommitmentSigned: boolean;
  lines: OffboardingLine[];
  openLines: number;
  openedAt: string;
  closedAt: string | null;
};
