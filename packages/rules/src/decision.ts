// The answer of every rule: either the computed value, or a refusal with a stable code, a
// Vietnamese reason the UI shows as is, and the rule it comes from.
import type { Basis } from './rule-set.schema.ts';

export type Refusal = {
  ok: false;
  code: string;
  /** Vietnamese, shown to the person as is. */
  reason: string;
  /** LEGAL.md rule number, e.g. R9.2. */
  rule: string;
  legalBasis: string;
  confirmed: boolean;
};

export type Decision<T> = ({ ok: true } & T) | Refusal;

export function refuse(code: string, reason: string, basis: Basis): Refusal {
  return { ok: false, code, reason, rule: basis.rule, legalBasis: basis.legalBasis, confirmed: basis.confirmed };
}

/** "Căn cứ: …" for a screen or a printout, saying when the rule is not yet confirmed. */
export function formatBasis(basis: Pick<Basis, 'rule' | 'legalBasis' | 'confirmed'>): string {
  return `Căn cứ: ${basis.legalBasis} (${basis.rule})${basis.confirmed ? '' : ' — chưa xác nhận, cần đối chiếu văn bản chính thức'}`;
}
