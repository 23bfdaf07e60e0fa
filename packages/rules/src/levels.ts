// Levels (độ mật) and their order, and the envelope marks (R3.1, R7.3).
import { LEVELS, LEVEL_LABELS, LEVEL_RANK } from '@bmnn/contracts';
import type { Level } from '@bmnn/contracts';
import type { Basis, RuleSet } from './rule-set.schema.ts';

export { LEVELS, LEVEL_LABELS, LEVEL_RANK };
export type { Level };

/** Negative when `a` is lower than `b` (Mật < Tối mật < Tuyệt mật). */
export function compareLevels(a: Level, b: Level): number {
  return LEVEL_RANK[a] - LEVEL_RANK[b];
}

/** True when `level` is `floor` or higher. */
export function isLevelAtLeast(level: Level, floor: Level): boolean {
  return LEVEL_RANK[level] >= LEVEL_RANK[floor];
}

/** The highest of the levels (R3.4); undefined for none. */
export function findHighestLevel(levels: readonly Level[]): Level | undefined {
  let best: Level | undefined;
  for (const level of levels) if (best === undefined || LEVEL_RANK[level] > LEVEL_RANK[best]) best = level;
  return best;
}

export type Envelope = {
  mark: 'A' | 'B' | 'C';
  /** Tuyệt mật goes in an inner and an outer envelope. */
  doubleEnvelope: boolean;
  /** Stamp on the inner envelope (or the single one). */
  levelStamp: string;
  basis: Basis;
};

/** Envelope mark and packing for a level (R7.3): Tuyệt mật → A, two envelopes; Tối mật → B; Mật → C. */
export function envelopeFor({ level, ruleSet }: { level: Level; ruleSet: RuleSet }): Envelope {
  const { mark, doubleEnvelope } = ruleSet.envelopes.marks[level];
  return { mark, doubleEnvelope, levelStamp: LEVEL_LABELS[level].toLocaleUpperCase('vi'), basis: ruleSet.envelopes.basis };
}

export const NAMED_PERSON_STAMP = 'Chỉ người có tên mới được bóc bì';

export type EnvelopeLabel = { lines: string[]; stamps: string[] };

/**
 * What to print on the envelopes of one item (R7.3). Tuyệt mật: an inner envelope with number
 * and symbol, recipient and the TUYỆT MẬT stamp, and an outer envelope addressed like ordinary
 * mail with the mark A. Tối mật and Mật: one envelope with the address and the mark B or C. When
 * sent to a named person the innermost envelope gets the stamp of Mẫu 07.
 */
export function envelopeLabels({
  level,
  soKyHieu,
  recipient,
  address,
  namedPersonOnly = false,
  ruleSet,
}: {
  level: Level;
  soKyHieu: string;
  recipient: string;
  address: string;
  namedPersonOnly?: boolean;
  ruleSet: RuleSet;
}): { inner: EnvelopeLabel | null; outer: EnvelopeLabel; basis: Basis } {
  const envelope = envelopeFor({ level, ruleSet });
  const named = namedPersonOnly ? [NAMED_PERSON_STAMP] : [];
  if (envelope.doubleEnvelope) {
    return {
      inner: { lines: [`Số, ký hiệu: ${soKyHieu}`, `Nơi nhận: ${recipient}`], stamps: [envelope.levelStamp, ...named] },
      outer: { lines: [recipient, address], stamps: [envelope.mark] },
      basis: envelope.basis,
    };
  }
  return { inner: null, outer: { lines: [recipient, address], stamps: [envelope.mark, ...named] }, basis: envelope.basis };
}
