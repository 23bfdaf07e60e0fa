// Classification from the danh mục (R3.3, R3.4, A3): a level only with at least one cited danh
// mục item, and the level is the highest of the cited items. These are confirmed rules of both
// regimes, so they are code; the danh mục items themselves are data loaded by the agency.
import { LEVEL_LABELS, LEVEL_RANK } from '@bmnn/contracts';
import type { Level } from '@bmnn/contracts';
import type { Basis } from './rule-set.schema.ts';
import { formatDateVi, isWithin } from './dates.ts';
import type { IsoDate } from './dates.ts';
import { refuse } from './decision.ts';
import type { Decision } from './decision.ts';
import { findHighestLevel } from './levels.ts';

export type CitedItem = {
  /** Decision number and item number, e.g. "531/QĐ-TTg, mục 1". */
  ref: string;
  level: Level;
  /** Validity of the danh mục decision, when known. */
  validFrom?: IsoDate;
  validTo?: IsoDate | null;
};

const A3: Basis = {
  rule: 'A3',
  legalBasis: 'Điều 5 khoản 1 Luật Bảo vệ bí mật nhà nước số 117/2025/QH15; Điều 10 Luật số 29/2018/QH14',
  confirmed: true,
};
const R3_4: Basis = { rule: 'R3.4', legalBasis: 'Điều 10 khoản 2 Luật Bảo vệ bí mật nhà nước số 29/2018/QH14', confirmed: true };
const R3_3: Basis = {
  rule: 'R3.3',
  legalBasis: 'Điều 9 Luật Bảo vệ bí mật nhà nước số 29/2018/QH14; Điều 5 khoản 1 Luật số 117/2025/QH15',
  confirmed: true,
  note: 'Mỗi mục danh mục ghi độ mật của nó; độ mật cao hơn mức của danh mục là xác định bí mật ngoài danh mục.',
};
/**
 * The level of an item from its cited danh mục items. Refuses with no item, with an item not in
 * force on `date`, and with a proposed level lower (R3.4) or higher (R3.3) than the items give.
 */
export function classify({
  citedItems,
  proposedLevel,
  date,
}: {
  citedItems: readonly CitedItem[];
  proposedLevel?: Level;
  date?: IsoDate;
}): Decision<{ level: Level; citedRefs: string[] }> {
  const items = citedItems.filter((i) => i.ref.trim().length > 0);
  if (items.length === 0) {
    return refuse('rules.classification_without_danh_muc', 'Phải dẫn ít nhất một mục trong danh mục bí mật nhà nước để xác định độ mật.', A3);
  }
  if (date !== undefined) {
    const stale = items.find((i) => i.validFrom !== undefined && !isWithin(date, i.validFrom, i.validTo ?? null));
    if (stale) {
      return refuse(
        'rules.danh_muc_item_not_in_force',
        `Mục danh mục "${stale.ref}" không còn hoặc chưa có hiệu lực vào ngày ${formatDateVi(date)}.`,
        A3,
      );
    }
  }
  const level = findHighestLevel(items.map((i) => i.level))!;
  if (proposedLevel !== undefined && LEVEL_RANK[proposedLevel] < LEVEL_RANK[level]) {
    return refuse(
      'rules.classification_level_too_low',
      `Độ mật đề xuất (${LEVEL_LABELS[proposedLevel]}) thấp hơn độ mật cao nhất của các mục danh mục đã dẫn (${LEVEL_LABELS[level]}).`,
      R3_4,
    );
  }
  if (proposedLevel !== undefined && LEVEL_RANK[proposedLevel] > LEVEL_RANK[level]) {
    return refuse(
      'rules.classification_level_too_high',
      `Độ mật đề xuất (${LEVEL_LABELS[proposedLevel]}) cao hơn độ mật của các mục danh mục đã dẫn (${LEVEL_LABELS[level]}); hãy dẫn mục danh mục tương ứng.`,
      R3_3,
    );
  }
  return { ok: true, level, citedRefs: items.map((i) => i.ref) };
}
