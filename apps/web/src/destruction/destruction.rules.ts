import type { Item } from '@bmnn/contracts';

/** Statuses in which the server accepts an item on a destruction list (destruction.usecases DESTROYABLE). */
export const DESTROYABLE_STATUSES: ReadonlySet<string> = new Set(['DETERMINED', 'REGISTERED_OUT', 'SENT', 'RECEIVED', 'RECEIVED_UNOPENED', 'RECEIVED_TAMPERED', 'DECLASSIFIED']);

/**
 * Why the chosen items cannot become one proposal list (R10.4), in Vietnamese, or null: a list
 * belongs to one unit and holds only items that are still in its keeping.
 */
export function findProposalProblem(items: ReadonlyArray<Pick<Item, 'unitId' | 'status' | 'soKyHieu'>>): string | null {
  if (items.length === 0) return 'Chọn tài liệu trong danh sách';
  if (new Set(items.map((i) => i.unitId)).size > 1) return 'Chỉ lập danh sách cho tài liệu của cùng một đơn vị';
  const blocked = items.find((i) => !DESTROYABLE_STATUSES.has(i.status));
  return blocked ? `Tài liệu ${blocked.soKyHieu} không ở trạng thái được đề nghị tiêu hủy` : null;
}
