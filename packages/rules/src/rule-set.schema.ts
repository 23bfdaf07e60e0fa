// The rule set as JSON: every figure, matrix and option of the law that may change or that
// LEGAL.md marks UNCONFIRMED. The server stores an administrator's corrected copy and validates
// it back through these schemas; the types of the package are inferred from them.
import { z } from 'zod';
import { LEVELS, UNIT_KINDS, levelSchema } from '@bmnn/contracts';
import { isIsoDate, compareDates, daysBetween } from './dates.ts';
import { POSITION_KEYS } from './positions.ts';
import type { PositionKey } from './positions.ts';

export const isoDateSchema = z.string().refine(isIsoDate, { error: 'Ngày không hợp lệ (định dạng yyyy-mm-dd)' });

/** The two legal regimes (LEGAL.md A4, R1.1). */
export const REGIMES = ['LAW_2018', 'LAW_2025'] as const;
export type Regime = (typeof REGIMES)[number];

/**
 * Where a rule comes from. `confirmed: false` means LEGAL.md marks it UNCONFIRMED: the note
 * then says what was and was not seen, so that an administrator knows what to check.
 */
export const basisSchema = z
  .object({
    rule: z.string().min(1),
    legalBasis: z.string().min(1),
    confirmed: z.boolean(),
    note: z.string().min(1).optional(),
  })
  .refine((b) => b.confirmed || (b.note !== undefined && b.note.length > 0), {
    error: 'Quy định chưa xác nhận phải có ghi chú nguồn',
    path: ['note'],
  });
export type Basis = z.infer<typeof basisSchema>;

const perLevel = <T extends z.ZodType>(value: T) => z.object({ MAT: value, TOI_MAT: value, TUYET_MAT: value });

/**
 * Kinds of authority: the unit kinds of the province tree, plus TRUNG_UONG for national
 * leaders and ministries, who sit outside any provincial tenant.
 */
export const AGENCY_TYPES = [...UNIT_KINDS, 'TRUNG_UONG'] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];
export const agencyTypeSchema = z.enum(AGENCY_TYPES, { error: 'Loại cơ quan không hợp lệ' });

/** Agency types of the provincial tree: none of them may approve giving Tuyệt mật abroad (R8.6). */
export const PROVINCIAL_AGENCY_TYPES: readonly AgencyType[] = UNIT_KINDS;

export const AUTHORITY_ACTIONS = [
  'DETERMINE',
  'COPY',
  'PROVIDE_DOMESTIC',
  'PROVIDE_FOREIGN',
  'TAKE_OUT_DOMESTIC',
  'TAKE_OUT_ABROAD',
  'DESTROY',
  'DESTROY_EMERGENCY',
  'EXTEND',
  'ADJUST',
  'DECLASSIFY',
] as const;
export type AuthorityAction = (typeof AUTHORITY_ACTIONS)[number];
export const AUTHORITY_ACTION_LABELS: Record<AuthorityAction, string> = {
  DETERMINE: 'xác định bí mật nhà nước và độ mật',
  COPY: 'cho phép sao, chụp',
  PROVIDE_DOMESTIC: 'cung cấp, chuyển giao cho cơ quan, tổ chức, người Việt Nam',
  PROVIDE_FOREIGN: 'cung cấp, chuyển giao cho cơ quan, tổ chức, cá nhân nước ngoài',
  TAKE_OUT_DOMESTIC: 'cho phép mang ra khỏi nơi lưu giữ để phục vụ công tác trong nước',
  TAKE_OUT_ABROAD: 'cho phép mang ra khỏi nơi lưu giữ để phục vụ công tác ở nước ngoài',
  DESTROY: 'quyết định tiêu hủy',
  DESTROY_EMERGENCY: 'tiêu hủy trong trường hợp khẩn cấp',
  EXTEND: 'gia hạn thời hạn bảo vệ',
  ADJUST: 'điều chỉnh độ mật',
  DECLASSIFY: 'giải mật',
};
export const authorityActionSchema = z.enum(AUTHORITY_ACTIONS);

/**
 * Which body the authority must lead, relative to the item: any body, the body that determined
 * the secret (extension, adjustment, declassification) or the body that manages it (take-out).
 */
export const AUTHORITY_RELATIONS = ['ANY', 'DETERMINING_BODY', 'MANAGING_BODY'] as const;
export type AuthorityRelation = (typeof AUTHORITY_RELATIONS)[number];

/**
 * One row of an authority matrix: who (position keys, see POSITIONS, or a title pattern matched
 * without accents, `*` as wildcard), in which kind of agency, up to which level, may do what, when.
 * A row that requires delegation applies only to a person holding a written delegation valid on
 * the date of the action.
 */
export const authorityRowSchema = z
  .object({
    id: z.string().min(1),
    roleKeys: z.array(z.enum(POSITION_KEYS as [PositionKey, ...PositionKey[]], { error: 'Chức vụ không có trong danh sách' })).min(1).optional(),
    titlePattern: z.string().min(1).optional(),
    agencyTypes: z.array(z.union([agencyTypeSchema, z.literal('*')])).min(1),
    levelCeiling: levelSchema,
    actions: z.array(authorityActionSchema).min(1),
    relation: z.enum(AUTHORITY_RELATIONS),
    requiresDelegation: z.boolean(),
    validFrom: isoDateSchema,
    validTo: isoDateSchema.nullable(),
    basis: basisSchema,
  })
  .refine((r) => r.roleKeys !== undefined || r.titlePattern !== undefined, {
    error: 'Dòng thẩm quyền phải có chức vụ (roleKeys) hoặc mẫu chức danh (titlePattern)',
    path: ['roleKeys'],
  })
  .refine((r) => r.validTo === null || compareDates(r.validFrom, r.validTo) <= 0, {
    error: 'Ngày hết hiệu lực phải sau ngày có hiệu lực',
    path: ['validTo'],
  });
export type AuthorityRow = z.infer<typeof authorityRowSchema>;

/** How the end of a protection period is counted (R9.1; UNCONFIRMED, so an option). */
export const DAY_COUNT_CONVENTIONS = [
  /** Same calendar date N years later; 29 Feb → 28 Feb. Protected "đến hết ngày" that date. */
  'SAME_DATE_FEB28',
  /** Same calendar date N years later; 29 Feb → 1 Mar. */
  'SAME_DATE_MAR1',
  /** The day before the same calendar date N years later: exactly N years counted inclusively. */
  'DAY_BEFORE_ANNIVERSARY',
] as const;
export type DayCountConvention = (typeof DAY_COUNT_CONVENTIONS)[number];

/** Whether an adjusted level's period starts again (R9.3; UNCONFIRMED, so an option). */
export const PERIOD_RESTARTS = ['FROM_ORIGINAL_DETERMINATION', 'FROM_ADJUSTMENT_DATE'] as const;
export type PeriodRestart = (typeof PERIOD_RESTARTS)[number];

/** Declassification cases of R9.4. */
export const DECLASSIFICATION_CASES = ['EXPIRED', 'NATIONAL_INTEREST', 'REMOVED_FROM_DANH_MUC'] as const;
export type DeclassificationCase = (typeof DECLASSIFICATION_CASES)[number];

/** Network status of a device (R12.1). */
export const DEVICE_NETWORK_STATUSES = ['AIR_GAPPED_NEVER_CONNECTED', 'INDEPENDENT_LAN', 'CO_YEU_APPROVED', 'CONNECTED'] as const;
export type DeviceNetworkStatus = (typeof DEVICE_NETWORK_STATUSES)[number];

/** A day of the year relative to the report year Y: `yearOffset` −1 means Y−1. */
const yearAnchorSchema = z
  .object({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    yearOffset: z.number().int().min(-1).max(1),
  })
  // The day must exist in every year (no 29 February, no 31 April).
  .refine((a) => isIsoDate(`2023-${String(a.month).padStart(2, '0')}-${String(a.day).padStart(2, '0')}`), {
    error: 'Ngày trong năm không hợp lệ',
  });
export type YearAnchor = z.infer<typeof yearAnchorSchema>;

const days = z.number().int().min(0).max(3650);

export const ruleSetSchema = z
  .object({
    id: z.string().min(1),
    regime: z.enum(REGIMES),
    name: z.string().min(1),
    validFrom: isoDateSchema,
    validTo: isoDateSchema.nullable(),
    basis: basisSchema,

    envelopes: z.object({
      marks: perLevel(z.object({ mark: z.enum(['A', 'B', 'C']), doubleEnvelope: z.boolean() })),
      basis: basisSchema,
    }),

    periods: z.object({
      baseYears: perLevel(z.number().int().min(1).max(100)),
      activityMayBeShorter: z.boolean(),
      placeEndsOnRelease: z.boolean(),
      basis: basisSchema,
      dayCount: z.enum(DAY_COUNT_CONVENTIONS),
      dayCountBasis: basisSchema,
    }),

    extension: z.object({
      decisionLeadDays: days,
      maxYearsEach: perLevel(z.number().int().min(1).max(100)),
      maxCount: z.number().int().min(1).nullable(),
      notifyWithinDays: days,
      warningLeadDays: days,
      basis: basisSchema,
    }),

    adjustment: z.object({
      notifyWithinDays: days,
      periodRestart: z.enum(PERIOD_RESTARTS),
      basis: basisSchema,
      periodRestartBasis: basisSchema,
    }),

    declassification: z.object({
      cases: z.array(
        z.object({
          key: z.enum(DECLASSIFICATION_CASES),
          label: z.string().min(1),
          automatic: z.boolean(),
          councilRequired: z.boolean(),
          notifyWithinDays: days,
          stampRequired: z.boolean(),
          basis: basisSchema,
        }),
      ),
      councilMinMembers: z.number().int().min(1),
      basis: basisSchema,
    }),

    destruction: z.object({
      minimumAuthorityCeiling: levelSchema,
      emergencyReportWithinHours: z.number().int().min(0).max(720),
      basis: basisSchema,
    }),

    copying: z.object({
      spoiledMustBeDestroyed: z.boolean(),
      laterPermissionAllowed: z.boolean(),
      basis: basisSchema,
      laterPermissionBasis: basisSchema,
    }),

    trichYeu: z.object({
      tuyetMat: z.enum(['CONSENT_REQUIRED', 'NEVER']),
      basis: basisSchema,
    }),

    devices: z.object({
      allowedNetworkStatuses: z.array(z.enum(DEVICE_NETWORK_STATUSES)),
      everConnectedDisqualifies: z.boolean(),
      basis: basisSchema,
    }),

    recall: z.object({ warningLeadDays: days, basis: basisSchema }),
    takeOut: z.object({ warningLeadDays: days, basis: basisSchema }),

    annualReport: z.object({
      periodStart: yearAnchorSchema,
      periodEnd: yearAnchorSchema,
      due: yearAnchorSchema,
      basis: basisSchema,
    }),

    authorities: z.array(authorityRowSchema),
  })
  .superRefine((set, ctx) => {
    if (set.validTo !== null && compareDates(set.validFrom, set.validTo) > 0) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'Ngày hết hiệu lực phải sau ngày có hiệu lực' });
    }
    const ids = new Set<string>();
    set.authorities.forEach((row, i) => {
      if (ids.has(row.id)) ctx.addIssue({ code: 'custom', path: ['authorities', i, 'id'], message: `Mã dòng trùng: ${row.id}` });
      ids.add(row.id);
      // R8.6: no provincial agency may approve giving Tuyệt mật to a foreign party, whatever the data says.
      const provincial = row.agencyTypes.some((t) => t === '*' || PROVINCIAL_AGENCY_TYPES.includes(t));
      if (provincial && row.actions.includes('PROVIDE_FOREIGN') && row.levelCeiling === 'TUYET_MAT') {
        ctx.addIssue({
          code: 'custom',
          path: ['authorities', i],
          message: 'Cơ quan cấp tỉnh không bao giờ được quyết định cung cấp bí mật Tuyệt mật cho nước ngoài (R8.6)',
        });
      }
    });
    // Report periods must follow each other without gap or overlap, the due date after the end.
    const anchorOf = (a: { month: number; day: number; yearOffset: number }, y: number) =>
      `${y + a.yearOffset}-${String(a.month).padStart(2, '0')}-${String(a.day).padStart(2, '0')}`;
    const r = set.annualReport;
    const dates = [r.periodStart, r.periodEnd, r.due].map((a) => anchorOf(a, 2023));
    const nextStart = anchorOf(r.periodStart, 2024);
    if (dates.every(isIsoDate) && isIsoDate(nextStart)) {
      const [start, end, due] = dates as [string, string, string];
      if (compareDates(start, end) > 0 || compareDates(end, due) > 0 || daysBetween(end, nextStart) !== 1) {
        ctx.addIssue({ code: 'custom', path: ['annualReport'], message: 'Kỳ báo cáo năm phải liền nhau và hạn báo cáo không trước ngày cuối kỳ' });
      }
    }
    for (const level of LEVELS) {
      if (set.extension.maxYearsEach[level] > set.periods.baseYears[level]) {
        ctx.addIssue({
          code: 'custom',
          path: ['extension', 'maxYearsEach', level],
          message: 'Mỗi lần gia hạn không được quá thời hạn bảo vệ của độ mật (R9.2)',
        });
      }
    }
    const cases = set.declassification.cases.map((c) => c.key);
    for (const key of DECLASSIFICATION_CASES) {
      if (!cases.includes(key)) ctx.addIssue({ code: 'custom', path: ['declassification', 'cases'], message: `Thiếu trường hợp giải mật ${key}` });
    }
  });
export type RuleSet = z.infer<typeof ruleSetSchema>;
