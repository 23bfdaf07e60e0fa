import { z } from 'zod';
import { requiredText } from './fields.ts';
import { CLEARANCES, CREATABLE_UNIT_KINDS, LEVELS, ROLES, UNIT_KINDS } from './enums.ts';
import type { AccountStatus, Clearance, Role, UnitKind, Level } from './enums.ts';
import { LIMITS } from './limits.ts';

// Vietnamese messages for every validation failure not worded below.
z.config(z.locales.vi());

const text = requiredText;

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
  form: string | null;
  sender: string | null;
  documentDate: string | null;
  copies: number | null;
  storageLocation: string | null;
  protectionEnd: string | null;
  recallDeadline: string | null;
  determinedOn: string | null;
  /** A copy (R5.4, R5.7): the original it was made from, and its number ("Bản sao số n"). */
  parentId: string | null;
  copyNumber: number | null;
};

/** Filters of the item list (accent-insensitive `q` over number, symbol and summary). */
/** The books an item can have lines in (register.events.ts BOOKS), as the item list's filter. */
export const ITEM_LIST_BOOKS = ['DEN', 'DI', 'CHUYEN_GIAO', 'SAO_CHUP'] as const;
export const ITEM_LIST_BOOK_LABELS: Record<(typeof ITEM_LIST_BOOKS)[number], string> = { DEN: 'Sổ đăng ký BMNN đến', DI: 'Sổ đăng ký BMNN đi', CHUYEN_GIAO: 'Sổ chuyển giao BMNN', SAO_CHUP: 'Sổ quản lý sao, chụp BMNN' };
export const listItemsQuery = z.object({
  q: z.string().trim().max(300).optional(),
  unitId: idSchema('unt').optional(),
  level: levelSchema.optional(),
  status: z.string().regex(/^[A-Z_]+$/).max(40).optional(),
  custodianId: idSchema('psn').optional(),
  protectionEndBefore: isoDate.optional(),
  withoutLocation: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  /** Items with at least one line in this book (sổ). */
  book: z.enum(ITEM_LIST_BOOKS, { error: 'Sổ không hợp lệ' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type ListItemsQuery = z.input<typeof listItemsQuery>;

export const storageLocationRequest = z.object({ storageLocation: text('Nơi lưu giữ (phòng, tủ, két)', LIMITS.nameMax) });
export const savedViewRequest = z.object({ name: text('Tên bộ lọc', 100), query: listItemsQuery.omit({ page: true, pageSize: true }).partial() });
export type SavedView = { id: string; name: string; query: Record<string, unknown> };

export const grantRequest = z.object({
  personId: idSchema('psn'),
  expiresAt: isoDate,
  reason: text('Lý do', LIMITS.textMax),
});


// ---- receiving and handing over (LEGAL.md R7.4–R7.7) --------------------------------------

export const ITEM_FORMS = ['PAPER_DOC', 'E_DOC', 'DIGITISED_E_DOC', 'OBJECT', 'PLACE', 'SPEECH', 'ACTIVITY', 'OTHER'] as const;
export type ItemForm = (typeof ITEM_FORMS)[number];
/** Forms that exist only on a device: drafting and storing them is a device action (R12.1). */
export const ELECTRONIC_FORMS: ReadonlySet<ItemForm> = new Set(['E_DOC', 'DIGITISED_E_DOC']);
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
  /** R12.1: the computer the document was drafted and is stored on; required for electronic documents. */
  draftingDeviceId: idSchema('dev').nullish(),
}).refine((v) => !ELECTRONIC_FORMS.has(v.form) || !!v.draftingDeviceId, { path: ['draftingDeviceId'], error: 'Văn bản điện tử phải ghi máy tính soạn thảo, lưu giữ (thiết bị đã được duyệt, không kết nối Internet)' });
export type ProposeItemRequest = z.input<typeof proposeItemRequest>;

export const registerOutgoingRequest = z.object({
  soKyHieu: text('Số, ký hiệu', 100),
  documentDate: isoDate,
});
export type RegisterOutgoingRequest = z.infer<typeof registerOutgoingRequest>;

// ---- protection periods (LEGAL.md R9.2–R9.4) ----------------------------------------------

export const extendItemRequest = z.object({
  years: z.number({ error: 'Số năm gia hạn phải là số' }).int().min(1, { error: 'Gia hạn ít nhất 1 năm' }).max(30),
  decisionRef: text('Số quyết định gia hạn', 100),
});
export type ExtendItemRequest = z.infer<typeof extendItemRequest>;

export const noticeSentRequest = z.object({ sentTo: text('Nơi nhận thông báo', LIMITS.textMax), sentOn: isoDate });
export type NoticeSentRequest = z.infer<typeof noticeSentRequest>;

export type DashboardEntry = { itemId: string; soKyHieu: string; level: Level; status: string; date: string | null; detail: string };
export type Dashboard = {
  approvalsWaiting: DashboardEntry[];
  expiringSoon: DashboardEntry[];
  extensionTooLate: DashboardEntry[];
  recallsDue: DashboardEntry[];
  noticesDue: Array<DashboardEntry & { noticeId: string }>;
  takeOutsDue: DashboardEntry[];
  withoutLocation: DashboardEntry[];
};

// ---- destruction (LEGAL.md R10.1–R10.4) ---------------------------------------------------

const personIds = z.array(idSchema('psn'));
export const proposeDestructionRequest = z.object({
  unitId: idSchema('unt'),
  itemIds: z.array(idSchema('itm')).min(1, { error: 'Chọn ít nhất một tài liệu' }).max(1000),
});
export const destructionCouncilRequest = z.object({
  councilRef: text('Số quyết định thành lập Hội đồng', 100),
  chairId: idSchema('psn'),
  memberIds: personIds.min(1, { error: 'Hội đồng cần ít nhất một thành viên ngoài Chủ tịch' }),
});
export const destructionReviewRequest = z.object({ minutes: text('Biên bản họp Hội đồng', LIMITS.textMax) });
export const destructionDecisionRequest = z.object({ decisionRef: text('Số quyết định tiêu hủy', 100) });
export const DESTRUCTION_METHODS = ['SHRED', 'BURN', 'PULP', 'MEDIA_PHYSICAL', 'WIPE_AND_PHYSICAL', 'OTHER'] as const;
export const DESTRUCTION_METHOD_LABELS: Record<(typeof DESTRUCTION_METHODS)[number], string> = {
  SHRED: 'Nghiền, cắt hủy bằng máy chuyên dụng',
  BURN: 'Đốt',
  PULP: 'Ngâm, nghiền thành bột giấy',
  MEDIA_PHYSICAL: 'Phá hủy vật lý vật mang tin',
  WIPE_AND_PHYSICAL: 'Xóa an toàn và phá hủy vật lý',
  OTHER: 'Phương pháp khác',
};
export const destructionExecutionRequest = z.object({
  method: z.enum(DESTRUCTION_METHODS, { error: 'Chọn phương pháp tiêu hủy' }),
  place: text('Địa điểm tiêu hủy'),
  witnesses: z.array(text('Người chứng kiến')).min(1, { error: 'Ghi ít nhất một người chứng kiến' }),
  irrecoverable: z.literal(true, { error: 'Phải xác nhận tài liệu sau tiêu hủy không thể khôi phục (R10.2)' }),
});
export const emergencyDestructionRequest = destructionExecutionRequest.extend({
  unitId: idSchema('unt'),
  itemIds: z.array(idSchema('itm')).min(1, { error: 'Chọn ít nhất một tài liệu' }),
  circumstances: text('Lý do cấp bách', LIMITS.textMax),
});
export const destructionReportRequest = z.object({ sentOn: isoDate });

// ---- taking out and providing (LEGAL.md R8.1–R8.6) ----------------------------------------

export const takeOutRequest = z
  .object({
    unitId: idSchema('unt'),
    itemIds: z.array(idSchema('itm')).min(1, { error: 'Chọn ít nhất một tài liệu' }).max(200),
    purpose: text('Mục đích', LIMITS.textMax),
    destination: text('Nơi đến'),
    country: optionalText('Nước đến (khi mang ra nước ngoài)', 100),
    delegationHead: optionalText('Trưởng đoàn công tác', LIMITS.nameMax),
    fromDate: isoDate,
    toDate: isoDate,
    protectionMeasures: text('Biện pháp bảo vệ', LIMITS.textMax),
  })
  .refine((r) => r.toDate >= r.fromDate, { error: 'Ngày trả phải từ ngày mang ra trở đi', path: ['toDate'] })
  .refine((r) => !r.country || !!r.delegationHead, { error: 'Mang ra nước ngoài phải ghi trưởng đoàn (R8.1)', path: ['delegationHead'] });
export type TakeOutRequest = z.infer<typeof takeOutRequest>;

export const provisionRequest = z.object({
  unitId: idSchema('unt'),
  itemIds: z.array(idSchema('itm')).min(1, { error: 'Chọn ít nhất một tài liệu' }).max(200),
  foreign: z.boolean(),
  requesterBody: text('Cơ quan, tổ chức đề nghị'),
  representative: text('Người đại diện'),
  identityDocument: optionalText('Số CCCD hoặc hộ chiếu', 50),
  nationality: optionalText('Quốc tịch', 100),
  position: optionalText('Chức vụ', LIMITS.nameMax),
  purpose: text('Mục đích', LIMITS.textMax),
  commitment: z.literal(true, { error: 'Bên đề nghị phải cam kết bảo vệ bí mật nhà nước (R8.4, R8.6)' }),
});
export type ProvisionRequest = z.infer<typeof provisionRequest>;

export const releaseDecisionRequest = z.discriminatedUnion('approve', [
  z.object({ approve: z.literal(true) }),
  z.object({ approve: z.literal(false), reason: text('Lý do từ chối', LIMITS.textMax) }),
]);
export type ReleaseDecisionRequest = z.infer<typeof releaseDecisionRequest>;

export const adjustLevelRequest = z.object({
  danhMucItemIds: z.array(idSchema('dmi')).min(1, { error: 'Điều chỉnh độ mật phải căn cứ danh mục (R9.3)' }),
  decisionRef: text('Số văn bản điều chỉnh', 100),
});
export type AdjustLevelRequest = z.infer<typeof adjustLevelRequest>;

export const declassifyRequest = z.object({
  reason: z.enum(['NATIONAL_INTEREST', 'REMOVED_FROM_DANH_MUC'], { error: 'Chọn trường hợp giải mật' }),
  decisionRef: text('Số quyết định giải mật', 100),
  chairId: idSchema('psn').optional(),
  memberIds: z.array(idSchema('psn')).default([]),
  partial: z.boolean().default(false),
  declassifiedContent: optionalText('Nội dung được giải mật'),
});
export type DeclassifyRequest = z.input<typeof declassifyRequest>;

export type OutgoingBookLine = { serial: number; date: string; soKyHieu: string; trichYeu: string | null; level: Level; signer: string | null; recipients: string[]; copies: number; envelopeMark: string; itemId: string };
export type StatisticsLine = { serial: number; soKyHieu: string; date: string; trichYeu: string | null; level: Level; form: string | null; quantity: number; storage: string | null; protectionEnd: string | null; status: string; itemId: string };

export type ItemTimelineEvent = { id: string; type: string; label: string; at: string; actorName: string | null; book: string | null; bookSerial: number | null; correctsEventId: string | null; data: Record<string, unknown> };

// ---- copying and photographing (LEGAL.md R5.1–R5.8) ---------------------------------------

export const COPY_TYPES = ['SAO_Y', 'SAO_LUC', 'TRICH_SAO', 'CHUP', 'PAPER_TO_EDOC'] as const;
export const COPY_TYPE_LABELS: Record<(typeof COPY_TYPES)[number], string> = {
  SAO_Y: 'Sao y bản chính',
  SAO_LUC: 'Sao lục',
  TRICH_SAO: 'Trích sao',
  CHUP: 'Chụp',
  PAPER_TO_EDOC: 'Sao từ giấy sang điện tử',
};
export const copyRequestRequest = z.object({
  copyType: z.enum(COPY_TYPES, { error: 'Chọn hình thức sao, chụp' }),
  count: z.number().int().min(1, { error: 'Số bản ít nhất là 1' }).max(1000),
  recipients: z.array(text('Nơi nhận bản sao')).min(1, { error: 'Ghi nơi nhận bản sao' }),
  purpose: text('Mục đích', LIMITS.textMax),
});
export type CopyRequestRequest = z.infer<typeof copyRequestRequest>;
export const copyDecisionRequest = releaseDecisionRequest;
export const copyExecutionRequest = z.object({
  deviceId: z.string().regex(/^dev_[A-Za-z0-9]{10,40}$/, { error: 'Chọn thiết bị sao, chụp' }),
  madeCount: z.number().int().min(1).max(1000),
  spoiledCount: z.number().int().min(0).max(1000).default(0),
  spoiledDestroyedCount: z.number().int().min(0).max(1000).default(0),
});
export type CopyExecutionRequest = z.input<typeof copyExecutionRequest>;

export type CopyBookLine = { serial: number; date: string; original: string; level: Level; copyType: string; authorised: number; made: number; spoiledDestroyed: string; authorisedBy: string | null; executedBy: string | null; device: string | null; recipients: string[]; copyNumbers: number[]; itemId: string };

export const COPY_REQUEST_STATUSES = ['REQUESTED', 'APPROVED', 'REFUSED', 'PARTLY_MADE', 'DONE'] as const;
export type CopyRequestStatus = (typeof COPY_REQUEST_STATUSES)[number];
export const COPY_REQUEST_STATUS_LABELS: Record<CopyRequestStatus, string> = {
  REQUESTED: 'Chờ lãnh đạo cho phép',
  APPROVED: 'Đã được cho phép, chưa sao, chụp',
  REFUSED: 'Lãnh đạo không cho phép',
  PARTLY_MADE: 'Đã sao, chụp một phần',
  DONE: 'Đã sao, chụp đủ số bản',
};
/** Filters of GET /api/copy-requests: only requests on items the reader may see. */
export const listCopyRequestsQuery = z.object({
  status: z.enum(COPY_REQUEST_STATUSES, { error: 'Trạng thái không hợp lệ' }).optional(),
  unitId: idSchema('unt').optional(),
  itemId: idSchema('itm').optional(),
});
export type ListCopyRequestsQuery = z.input<typeof listCopyRequestsQuery>;
export type CopyRequestSummary = {
  id: string;
  itemId: string;
  unitId: string;
  soKyHieu: string;
  level: Level;
  copyType: (typeof COPY_TYPES)[number];
  requestedCount: number;
  approvedCount: number | null;
  madeCount: number;
  status: CopyRequestStatus;
  requestedByName: string | null;
  requestedByMe: boolean;
  approvedByName: string | null;
  recipients: string[];
  purpose: string;
  refusalReason: string | null;
  decisionBasis: string | null;
  createdAt: string;
  updatedAt: string;
  /** The numbered copies made under this request that the reader may see ("Bản sao số n"). */
  copies: Array<{ itemId: string; copyNumber: number; label: string }>;
};

export type AuthorityRecord = { id: string; personId: string; personName: string; unitId: string; positionKeys: string[]; title: string | null; delegationRef: string | null; delegationFrom: string | null; delegationTo: string | null; validFrom: string; validTo: string | null };
