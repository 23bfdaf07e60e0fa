// Who may decide what, at which level, on which date (R4.1, R5.2, R5.3, R8.1, R8.3, R8.5, R8.6,
// R9.2, R9.3, R9.5, R10.3). The matrices are data in the rule set; this file only reads them.
import { LEVEL_LABELS, LEVEL_RANK, foldForSearch } from '@bmnn/contracts';
import type { Level } from '@bmnn/contracts';
import { AUTHORITY_ACTION_LABELS, PROVINCIAL_AGENCY_TYPES } from './rule-set.schema.ts';
import type { AgencyType, AuthorityAction, AuthorityRow, Basis, RuleSet } from './rule-set.schema.ts';
import { formatDateVi, isWithin } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { isRuleSetInForce } from './rule-set.ts';
import type { RefusalCode } from './decision.ts';

export type Authority = {
  /** Position keys the person holds (see POSITIONS); a head holds NGUOI_DUNG_DAU. */
  roleKeys?: readonly string[];
  /** Title as written on the person's record, matched by rows that carry a titlePattern. */
  title?: string;
  agencyType: AgencyType;
  /**
   * Written delegation or work assignment (ủy quyền, phân công) held by a deputy, with its
   * period and, when it is limited to some decisions, their list.
   */
  delegation?: { ref: string; validFrom: IsoDate; validTo: IsoDate | null; actions?: readonly AuthorityAction[] };
  /** Whether the person's body determined, or manages, the item concerned. */
  isDeterminingBody?: boolean;
  isManagingBody?: boolean;
};

export type AuthorizationResult = {
  allowed: boolean;
  /** Stable code of the refusal, absent when allowed. */
  code?: RefusalCode;
  /** Vietnamese, shown to the person as is. */
  reason: string;
  rule: string;
  legalBasis: string;
  /** False when the deciding rule is UNCONFIRMED: the UI warns that the data must be checked. */
  confirmed: boolean;
  /** The matrix row that grants the authority. */
  rowId?: string;
};

/** Basis of the hard rule R8.6, checked even against edited data. */
const R8_6: Basis = {
  rule: 'R8.6',
  legalBasis: 'Điều 16 khoản 1 Luật Bảo vệ bí mật nhà nước số 117/2025/QH15; Điều 16 Luật số 29/2018/QH14',
  confirmed: true,
};

function globToRegExp(pattern: string): RegExp {
  const folded = foldForSearch(pattern);
  const source = folded
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

/** Whether the row names this person (by position key, or by title pattern without accents). */
export function isAuthorityMatching({ row, authority }: { row: AuthorityRow; authority: Authority }): boolean {
  const byRole = row.roleKeys?.some((key) => authority.roleKeys?.includes(key)) ?? false;
  const byTitle = row.titlePattern !== undefined && authority.title !== undefined && globToRegExp(row.titlePattern).test(foldForSearch(authority.title));
  const agency = row.agencyTypes.includes('*') || row.agencyTypes.includes(authority.agencyType);
  return (byRole || byTitle) && agency;
}

function refusal(code: RefusalCode, reason: string, basis: Basis): AuthorizationResult {
  return { allowed: false, code, reason, rule: basis.rule, legalBasis: basis.legalBasis, confirmed: basis.confirmed };
}

/** The basis to cite when nobody matches: the rows of that action, or the rule set. */
function basisOfAction(ruleSet: RuleSet, action: AuthorityAction): Basis {
  return ruleSet.authorities.find((r) => r.actions.includes(action))?.basis ?? ruleSet.basis;
}

function hasDelegation(authority: Authority, action: AuthorityAction, date: IsoDate): boolean {
  const d = authority.delegation;
  return d !== undefined && d.ref.trim().length > 0 && isWithin(date, d.validFrom, d.validTo) && (d.actions === undefined || d.actions.includes(action));
}

/**
 * Whether this person may take this decision on an item of this level on this date, under this
 * rule set. Refusals say why in Vietnamese and cite the rule; an allowed answer cites the row.
 */
export function canAuthorize({
  authority,
  action,
  level,
  actionDate,
  ruleSet,
}: {
  authority: Authority;
  action: AuthorityAction;
  level: Level;
  actionDate: IsoDate;
  ruleSet: RuleSet;
}): AuthorizationResult {
  const what = AUTHORITY_ACTION_LABELS[action];
  const levelLabel = LEVEL_LABELS[level];

  if (!isRuleSetInForce({ ruleSet, date: actionDate })) {
    return refusal('rules.rule_set_not_in_force', `${ruleSet.name} không áp dụng cho ngày ${formatDateVi(actionDate)}.`, ruleSet.basis);
  }

  // R8.6: a provincial agency can never approve giving Tuyệt mật to a foreign party.
  if (action === 'PROVIDE_FOREIGN' && level === 'TUYET_MAT' && PROVINCIAL_AGENCY_TYPES.includes(authority.agencyType)) {
    return refusal(
      'rules.foreign_tuyet_mat_provincial',
      'Cơ quan, tổ chức ở địa phương không được quyết định cung cấp bí mật nhà nước độ Tuyệt mật cho nước ngoài; phải có quyết định của lãnh đạo cấp cao theo luật.',
      R8_6,
    );
  }

  const rows = ruleSet.authorities.filter(
    (row) => row.actions.includes(action) && isWithin(actionDate, row.validFrom, row.validTo) && isAuthorityMatching({ row, authority }),
  );
  if (rows.length === 0) {
    return refusal('rules.authority_missing', `Chức vụ này không có thẩm quyền ${what} theo ${ruleSet.name}.`, basisOfAction(ruleSet, action));
  }

  const related = rows.filter(
    (row) =>
      row.relation === 'ANY' ||
      (row.relation === 'DETERMINING_BODY' && authority.isDeterminingBody === true) ||
      (row.relation === 'MANAGING_BODY' && authority.isManagingBody === true),
  );
  if (related.length === 0) {
    const body = rows[0]!.relation === 'DETERMINING_BODY' ? 'cơ quan đã xác định bí mật nhà nước này' : 'cơ quan trực tiếp quản lý bí mật nhà nước này';
    return refusal('rules.authority_wrong_body', `Chỉ người đứng đầu ${body} mới có thẩm quyền ${what}.`, rows[0]!.basis);
  }

  const delegated = related.filter((row) => !row.requiresDelegation || hasDelegation(authority, action, actionDate));
  if (delegated.length === 0) {
    return refusal(
      'rules.delegation_required',
      `Cấp phó chỉ được ${what} khi có văn bản ủy quyền, phân công còn hiệu lực ngày ${formatDateVi(actionDate)}.`,
      related[0]!.basis,
    );
  }

  const sufficient = delegated.filter((row) => LEVEL_RANK[row.levelCeiling] >= LEVEL_RANK[level]);
  if (sufficient.length === 0) {
    const ceiling = delegated.map((r) => r.levelCeiling).sort((a, b) => LEVEL_RANK[b] - LEVEL_RANK[a])[0]!;
    return refusal(
      'rules.authority_level_too_low',
      `Thẩm quyền ${what} của chức vụ này chỉ đến độ ${LEVEL_LABELS[ceiling]}, không đủ cho bí mật độ ${levelLabel}.`,
      delegated[0]!.basis,
    );
  }

  // R10.3: destruction is decided by those who may permit copying of Tối mật or higher;
  // an authority whose ceiling is Mật cannot approve it, even for a Mật item.
  const floor = action === 'DESTROY' ? ruleSet.destruction.minimumAuthorityCeiling : 'MAT';
  const eligible = sufficient.filter((row) => LEVEL_RANK[row.levelCeiling] >= LEVEL_RANK[floor]);
  if (eligible.length === 0) {
    return refusal(
      'rules.destruction_authority_too_low',
      `Chỉ người có thẩm quyền cho phép sao, chụp bí mật độ ${LEVEL_LABELS[floor]} trở lên mới được quyết định tiêu hủy.`,
      ruleSet.destruction.basis,
    );
  }

  // Prefer a confirmed row, then the narrowest ceiling that suffices.
  const best = [...eligible].sort(
    (a, b) => Number(b.basis.confirmed) - Number(a.basis.confirmed) || LEVEL_RANK[a.levelCeiling] - LEVEL_RANK[b.levelCeiling],
  )[0]!;
  return {
    allowed: true,
    reason: `Có thẩm quyền ${what} đối với bí mật độ ${levelLabel}.`,
    rule: best.basis.rule,
    legalBasis: best.basis.legalBasis,
    confirmed: best.basis.confirmed,
    rowId: best.id,
  };
}
