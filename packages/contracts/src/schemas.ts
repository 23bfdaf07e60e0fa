import { z } from 'zod';
import { CLEARANCES, CREATABLE_UNIT_KINDS, LEVELS, ROLES, UNIT_KINDS } from './enums.ts';
import type { AccountStatus, Clearance, Role, UnitKind, Level } from './enums.ts';
import { LIMITS } from './limits.ts';

// Vietnamese messages for every validation failure not worded below.
z.config(z.locales.vi());

const text = (label: string, max: number = LIMITS.nameMax) =>
  z
    .string({ error: `${label} là bắt buộc` })
    .trim()
    .min(1, { error: `${label} không được để trống` })
    .max(max, { error: `${label} dài quá ${max} ký tự` });

const optionalText = (label: string, max: number = LIMITS.textMax) =>
  z.string().trim().max(max, { error: `${label} dài quá ${max} ký tự` }).optional();

/** A calendar date `yyyy-mm-dd` (the UI shows dd/mm/yyyy). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Ngày không hợp lệ (định dạng yyyy-mm-dd)' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    error: 'Ngày không tồn tại',
  });

export const idSchema = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}_[A-Za-z0-9]{10,40}$`), { error: 'Mã định danh không hợp lệ' });

export const levelSchema = z.enum(LEVELS, { error: 'Độ mật không hợp lệ' });
export const clearanceSchema = z.enum(CLEARANCES, { error: 'Mức được tiếp cận không hợp lệ' });
export const roleSchema = z.enum(ROLES, { error: 'Vai trò không hợp lệ' });
export const unitKindSchema = z.enum(UNIT_KINDS, { error: 'Loại đơn vị không hợp lệ' });
export const creatableUnitKindSchema = z.enum(CREATABLE_UNIT_KINDS as [string, ...string[]], {
  error: 'Không được tạo đơn vị cấp huyện (đã bỏ từ 01/7/2025)',
});

export const usernameSchema = z
  .string({ error: 'Tên đăng nhập là bắt buộc' })
  .trim()
  .toLowerCase()
  .min(LIMITS.usernameMin, { error: `Tên đăng nhập cần ít nhất ${LIMITS.usernameMin} ký tự` })
  .max(LIMITS.usernameMax, { error: `Tên đăng nhập dài quá ${LIMITS.usernameMax} ký tự` })
  .regex(/^[a-z0-9._-]+$/, { error: 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới' });

/**
 * Password rules: length first (NIST SP 800-63B), plus at least three of the four character
 * classes, because the agencies' own regulations ask for "mật khẩu phức tạp".
 */
export const passwordSchema = z
  .string({ error: 'Mật khẩu là bắt buộc' })
  .min(LIMITS.passwordMin, { error: `Mật khẩu cần ít nhất ${LIMITS.passwordMin} ký tự` })
  .max(LIMITS.passwordMax, { error: `Mật khẩu dài quá ${LIMITS.passwordMax} ký tự` })
  .refine(
    (p) => [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length >= 3,
    { error: 'Mật khẩu cần có ít nhất ba trong bốn loại: chữ thường, chữ hoa, chữ số, ký tự đặc biệt' },
  );

// ---- setup and auth ----------------------------------------------------------------------

export const setupRequest = z.object({
  setupCode: text('Mã thiết lập', 64),
  provinceName: text('Tên tỉnh'),
  provinceCode: text('Mã tỉnh', LIMITS.codeMax),
  username: usernameSchema,
  fullName: text('Họ và tên'),
  password: passwordSchema,
});
export type SetupRequest = z.infer<typeof setupRequest>;

export const loginRequest = z.object({
  username: usernameSchema,
  password: z.string().min(1, { error: 'Nhập mật khẩu' }).max(LIMITS.passwordMax),
  totp: z.string().regex(/^\d{6}$/, { error: 'Mã xác thực gồm 6 chữ số' }).optional(),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1, { error: 'Nhập mật khẩu hiện tại' }).max(LIMITS.passwordMax),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

export const totpCodeRequest = z.object({
  code: z.string().regex(/^\d{6}$/, { error: 'Mã xác thực gồm 6 chữ số' }),
});

export type SessionAccount = {
  id: string;
  username: string;
  personId: string;
  fullName: string;
  unitId: string;
  unitName: string;
  roles: Role[];
  clearance: Clearance;
  mustChangePassword: boolean;
  totpEnabled: boolean;
};
export type SessionResponse = { account: SessionAccount; csrfToken: string };

// ---- units -------------------------------------------------------------------------------

export const createUnitRequest = z.object({
  code: text('Mã đơn vị', LIMITS.codeMax).regex(/^[A-Za-z0-9._-]+$/, {
    error: 'Mã đơn vị chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang',
  }),
  name: text('Tên đơn vị'),
  kind: creatableUnitKindSchema,
  parentId: idSchema('unt').nullable(),
  validFrom: isoDate.optional(),
  isKeyPost: z.boolean().default(false),
  note: optionalText('Ghi chú'),
});
export type CreateUnitRequest = z.input<typeof createUnitRequest>;

export const updateUnitRequest = z.object({
  code: createUnitRequest.shape.code.optional(),
  name: text('Tên đơn vị').optional(),
  kind: creatableUnitKindSchema.optional(),
  isKeyPost: z.boolean().optional(),
  note: optionalText('Ghi chú'),
});
export type UpdateUnitRequest = z.infer<typeof updateUnitRequest>;

export const moveUnitRequest = z.object({
  parentId: idSchema('unt'),
  effectiveDate: isoDate,
});
export type MoveUnitRequest = z.infer<typeof moveUnitRequest>;

export const defunctUnitRequest = z.object({
  successorId: idSchema('unt').nullable(),
  effectiveDate: isoDate,
  reason: optionalText('Lý do'),
});
export type DefunctUnitRequest = z.infer<typeof defunctUnitRequest>;

export const listUnitsQuery = z.object({
  q: z.string().trim().max(LIMITS.nameMax).optional(),
  includeDefunct: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

export type Unit = {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  successorId: string | null;
  isKeyPost: boolean;
  note: string | null;
  /** Earlier names of this unit and names of units merged into it; never its current name. */
  formerNames: string[];
};
export type UnitHistoryEntry = {
  at: string;
  change: 'CREATED' | 'RENAMED' | 'MOVED' | 'DEFUNCT' | 'UPDATED';
  effectiveDate: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
};

// ---- people and accounts -----------------------------------------------------------------

export const createPersonRequest = z.object({
  fullName: text('Họ và tên'),
  position: optionalText('Chức vụ', LIMITS.nameMax),
  unitId: idSchema('unt'),
  handlesSecrets: z.boolean().default(false),
  clearance: clearanceSchema.default('NONE'),
  isKeyPost: z.boolean().default(false),
});
export type CreatePersonRequest = z.input<typeof createPersonRequest>;

export const updatePersonRequest = createPersonRequest.partial();
export type UpdatePersonRequest = z.infer<typeof updatePersonRequest>;

export const listPeopleQuery = z.object({
  unitId: idSchema('unt').optional(),
  q: z.string().trim().max(LIMITS.nameMax).optional(),
});

export type Person = {
  id: string;
  fullName: string;
  position: string | null;
  unitId: string;
  handlesSecrets: boolean;
  clearance: Clearance;
  isKeyPost: boolean;
  accountId: string | null;
};

export const createAccountRequest = z.object({
  personId: idSchema('psn'),
  username: usernameSchema,
  roles: z.array(roleSchema).min(1, { error: 'Chọn ít nhất một vai trò' }),
});
export type CreateAccountRequest = z.infer<typeof createAccountRequest>;

export const updateAccountRequest = z.object({
  roles: z.array(roleSchema).min(1, { error: 'Chọn ít nhất một vai trò' }),
});

export type Account = {
  id: string;
  username: string;
  personId: string;
  fullName: string;
  unitId: string;
  roles: Role[];
  status: AccountStatus;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
};
/** The temporary password is shown once, to the administrator who created or reset it. */
export type AccountWithTemporaryPassword = { account: Account; temporaryPassword: string };

// ---- audit -------------------------------------------------------------------------------

export const listAuditQuery = z.object({
  unitId: idSchema('unt').optional(),
  type: z.string().max(100).optional(),
  actorId: idSchema('acc').optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});

export type AuditRecord = {
  id: string;
  chain: string;
  /** The unit's name, or "Hệ thống" for the system chain. */
  chainName: string;
  seq: number;
  at: string;
  type: string;
  actorId: string | null;
  actorName: string | null;
  subjectId: string | null;
  summary: string;
  data: Record<string, unknown>;
};

export const AUDIT_BREAK_KINDS = ['EDITED', 'DELETED', 'INSERTED', 'REORDERED'] as const;
export type AuditBreakKind = (typeof AUDIT_BREAK_KINDS)[number];
export const AUDIT_BREAK_LABELS: Record<AuditBreakKind, string> = {
  EDITED: 'bản ghi bị sửa',
  DELETED: 'bản ghi bị xóa',
  INSERTED: 'bản ghi bị chèn thêm',
  REORDERED: 'bản ghi bị đổi thứ tự',
};
export type AuditChainReport = {
  chain: string;
  chainName: string;
  ok: boolean;
  records: number;
  firstBreak: { seq: number; recordId: string; kind: AuditBreakKind } | null;
};

export const verifyAuditRequest = z.object({ unitId: idSchema('unt').optional() });

// ---- secret items (minimal part used by the foundation; the register issue extends it) ----

export const createItemRequest = z.object({
  unitId: idSchema('unt'),
  level: levelSchema,
  soKyHieu: text('Số, ký hiệu', 100),
  trichYeu: optionalText('Trích yếu'),
  custodianId: idSchema('psn').nullable().default(null),
});
export type CreateItemRequest = z.input<typeof createItemRequest>;

export type Item = {
  id: string;
  unitId: string;
  level: Level;
  soKyHieu: string;
  trichYeu: string | null;
  custodianId: string | null;
  status: string;
  createdAt: string;
};

export const grantRequest = z.object({
  personId: idSchema('psn'),
  expiresAt: isoDate,
  reason: text('Lý do', LIMITS.textMax),
});


// ---- receiving and handing over (LEGAL.md R7.4–R7.7) --------------------------------------

export const ITEM_FORMS = ['PAPER_DOC', 'E_DOC', 'DIGITISED_E_DOC', 'OBJECT', 'PLACE', 'SPEECH', 'ACTIVITY', 'OTHER'] as const;
export type ItemForm = (typeof ITEM_FORMS)[number];
export const ITEM_FORM_LABELS: Record<ItemForm, string> = {
  PAPER_DOC: 'Tài liệu giấy',
  E_DOC: 'Văn bản điện tử',
  DIGITISED_E_DOC: 'Văn bản điện tử số hóa',
  OBJECT: 'Vật',
  PLACE: 'Địa điểm',
  SPEECH: 'Lời nói',
  ACTIVITY: 'Hoạt động',
  OTHER: 'Hình thức khác',
};

export const receiveItemRequest = z.object({
  unitId: idSchema('unt'),
  sender: text('Nơi gửi'),
  soKyHieu: text('Số, ký hiệu', 100),
  documentDate: isoDate.optional(),
  level: levelSchema,
  form: z.enum(ITEM_FORMS, { error: 'Hình thức không hợp lệ' }).default('PAPER_DOC'),
  trichYeu: optionalText('Trích yếu'),
  namedRecipientId: idSchema('psn').nullable().default(null),
  recallDeadline: isoDate.optional(),
  copies: z.number({ error: 'Số bản phải là số' }).int().min(1, { error: 'Số bản ít nhất là 1' }).max(10_000).default(1),
  condition: z.object({
    envelopeIntact: z.boolean(),
    countMatches: z.boolean(),
    packagingCorrect: z.boolean(),
  }),
  note: optionalText('Ghi chú'),
});
export type ReceiveItemRequest = z.input<typeof receiveItemRequest>;

export const handOverRequest = z.object({
  toPersonId: idSchema('psn'),
  note: optionalText('Ghi chú'),
});
export type HandOverRequest = z.infer<typeof handOverRequest>;

export type IncomingBookLine = {
  serial: number;
  receivedAt: string;
  sender: string;
  soKyHieu: string;
  documentDate: string | null;
  trichYeu: string | null;
  level: Level;
  receivedBy: string;
  custodianName: string | null;
  copies: number;
  condition: string;
  recallDeadline: string | null;
  note: string | null;
  itemId: string;
};
export type HandoverBookLine = { serial: number; at: string; soKyHieu: string; level: Level; fromName: string | null; toName: string; toUnitName: string; note: string | null; itemId: string };

// ---- determination and outgoing registration (LEGAL.md R3.4, R4.1, R4.2, R7.2, R7.3) -------

export const createAuthorityRequest = z.object({
  personId: idSchema('psn'),
  positionKeys: z.array(z.string().regex(/^[A-Z_]+$/)).min(1, { error: 'Chọn ít nhất một chức danh' }),
  title: optionalText('Chức danh', LIMITS.nameMax),
  delegationRef: optionalText('Số văn bản ủy quyền, phân công', 100),
  delegationFrom: isoDate.optional(),
  delegationTo: isoDate.optional(),
  validFrom: isoDate,
  validTo: isoDate.optional(),
});
export type CreateAuthorityRequest = z.infer<typeof createAuthorityRequest>;

export const proposeItemRequest = z.object({
  unitId: idSchema('unt'),
  form: z.enum(ITEM_FORMS, { error: 'Hình thức không hợp lệ' }).default('PAPER_DOC'),
  trichYeu: optionalText('Trích yếu'),
  danhMucItemIds: z.array(idSchema('dmi')).min(1, { error: 'Phải dẫn ít nhất một mục danh mục bí mật nhà nước' }),
  proposedLevel: levelSchema,
  recipients: z
    .array(z.object({ name: text('Nơi nhận'), address: optionalText('Địa chỉ', LIMITS.nameMax), namedPersonOnly: z.boolean().default(false) }))
    .min(1, { error: 'Ghi ít nhất một nơi nhận' }),
  copies: z.number().int().min(1, { error: 'Số bản ít nhất là 1' }).max(10_000),
  copyPermitted: z.boolean(),
  drafterName: text('Người soạn thảo'),
  customEndDate: isoDate.optional(),
});
export type ProposeItemRequest = z.input<typeof proposeItemRequest>;

export const registerOutgoingRequest = z.object({
  soKyHieu: text('Số, ký hiệu', 100),
  documentDate: isoDate,
});
export type RegisterOutgoingRequest = z.infer<typeof registerOutgoingRequest>;
