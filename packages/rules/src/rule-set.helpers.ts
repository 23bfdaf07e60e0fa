// Small builders that keep the rule-set data files readable. They produce plain JSON.
import type { AuthorityAction, AuthorityRow, Basis } from './rule-set.schema.ts';
import type { Level } from '@bmnn/contracts';
import type { PositionKey } from './positions.ts';

export const LAW_2018 = 'Luật Bảo vệ bí mật nhà nước số 29/2018/QH14';
export const LAW_2025 = 'Luật Bảo vệ bí mật nhà nước số 117/2025/QH15';
export const D26 = 'Nghị định số 26/2020/NĐ-CP';
export const D63 = 'Nghị định số 63/2026/NĐ-CP';
export const TT24 = 'Thông tư số 24/2020/TT-BCA';

export function confirmed(rule: string, legalBasis: string, note?: string): Basis {
  return note === undefined ? { rule, legalBasis, confirmed: true } : { rule, legalBasis, confirmed: true, note };
}

/** A rule LEGAL.md marks UNCONFIRMED: the note says what was not seen. */
export function unconfirmed(rule: string, legalBasis: string, note: string): Basis {
  return { rule, legalBasis, confirmed: false, note };
}

type Who = { roleKeys: readonly PositionKey[]; agencyTypes: readonly AuthorityRow['agencyTypes'][number][] };

export function row(
  id: string,
  who: Who,
  levelCeiling: Level,
  actions: AuthorityAction[],
  validity: { validFrom: string; validTo: string | null },
  basis: Basis,
  options: { relation?: AuthorityRow['relation']; requiresDelegation?: boolean } = {},
): AuthorityRow {
  return {
    id,
    roleKeys: [...who.roleKeys],
    agencyTypes: [...who.agencyTypes],
    levelCeiling,
    actions,
    relation: options.relation ?? 'ANY',
    requiresDelegation: options.requiresDelegation ?? false,
    validFrom: validity.validFrom,
    validTo: validity.validTo,
    basis,
  };
}
