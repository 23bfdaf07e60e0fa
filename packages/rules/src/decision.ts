// The answer of every rule: either the computed value, or a refusal with a stable code, a
// Vietnamese reason the UI shows as is, and the rule it comes from.
import type { Basis } from './rule-set.schema.ts';

/** Stable codes of the refusals, `rules.<reason>`; the server passes them on with the reason. */
export const REFUSAL_CODES = [
  'rules.adjustment_before_determination',
  'rules.adjustment_same_level',
  'rules.authority_level_too_low',
  'rules.authority_missing',
  'rules.authority_wrong_body',
  'rules.classification_level_too_high',
  'rules.classification_level_too_low',
  'rules.classification_without_danh_muc',
  'rules.copy_count_invalid',
  'rules.copy_not_permitted',
  'rules.copy_over_count',
  'rules.council_chair_missing',
  'rules.council_too_small',
  'rules.danh_muc_item_not_in_force',
  'rules.declassification_case_unknown',
  'rules.declassification_not_expired',
  'rules.delegation_required',
  'rules.destruction_authority_too_low',
  'rules.device_network_not_allowed',
  'rules.device_was_connected',
  'rules.extension_limit_reached',
  'rules.extension_too_late',
  'rules.extension_too_long',
  'rules.extension_years_invalid',
  'rules.foreign_tuyet_mat_provincial',
  'rules.partial_content_missing',
  'rules.period_custom_before_start',
  'rules.period_custom_not_allowed',
  'rules.period_custom_not_shorter',
  'rules.rule_set_not_in_force',
  'rules.spoiled_copies_not_destroyed',
  'rules.trich_yeu_consent_required',
  'rules.trich_yeu_forbidden',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export type Refusal = {
  ok: false;
  code: RefusalCode;
  /** Vietnamese, shown to the person as is. */
  reason: string;
  /** LEGAL.md rule number, e.g. R9.2. */
  rule: string;
  legalBasis: string;
  confirmed: boolean;
};

export type Decision<T> = ({ ok: true } & T) | Refusal;

export function refuse(code: RefusalCode, reason: string, basis: Basis): Refusal {
  return { ok: false, code, reason, rule: basis.rule, legalBasis: basis.legalBasis, confirmed: basis.confirmed };
}

/** "Căn cứ: …" for a screen or a printout, saying when the rule is not yet confirmed. */
export function formatBasis(basis: Pick<Basis, 'rule' | 'legalBasis' | 'confirmed'>): string {
  return `Căn cứ: ${basis.legalBasis} (${basis.rule})${basis.confirmed ? '' : ' — chưa xác nhận, cần đối chiếu văn bản chính thức'}`;
}
