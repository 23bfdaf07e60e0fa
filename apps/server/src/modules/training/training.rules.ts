// Pure rules of training coverage (LEGAL.md R11.5): the window of "trained recently" and the
// per-unit share of secret-handling staff trained inside it.

/** The ISO day `months` calendar months before `isoDay`, clamped to the month's last day (31/3 − 1 month = 28 or 29/2). */
export function monthsBefore(isoDay: string, months: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** Trained inside the window: a training on or after `since` (and not after today). */
export function isTrainingCurrent(lastTrainedOn: string | null, since: string): boolean {
  return lastTrainedOn !== null && lastTrainedOn >= since;
}

/** A share as a percentage with one decimal; 0 when there is nobody to count. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}

export type CoverageInput = { unitId: string; lastTrainedOn: string | null };

/** Per unit: secret-handling staff and how many are trained inside the window. */
export function computeCoverage(people: readonly CoverageInput[], since: string): Map<string, { secretStaff: number; trained: number }> {
  const byUnit = new Map<string, { secretStaff: number; trained: number }>();
  for (const p of people) {
    const row = byUnit.get(p.unitId) ?? { secretStaff: 0, trained: 0 };
    row.secretStaff += 1;
    if (isTrainingCurrent(p.lastTrainedOn, since)) row.trained += 1;
    byUnit.set(p.unitId, row);
  }
  return byUnit;
}

/** A session's own fields, as a correction may change them. */
export type SessionFields = { topic: string; kind: string; heldOn: string; organiser: string; material: string | null; result: string | null };
export type SessionChanges = { before: Partial<SessionFields>; after: Partial<SessionFields> };

/**
 * The fields a correction really changes, each with its value before and after (the audit shows
 * both). A field left out stays as it is; an empty material or result is no material or result.
 */
export function listSessionChanges({ current, input }: { current: SessionFields; input: Partial<SessionFields> }): SessionChanges {
  const changes: SessionChanges = { before: {}, after: {} };
  for (const field of Object.keys(current) as (keyof SessionFields)[]) {
    if (input[field] === undefined) continue;
    const next = input[field] === '' && (field === 'material' || field === 'result') ? null : input[field];
    if (next === current[field]) continue;
    Object.assign(changes.before, { [field]: current[field] });
    Object.assign(changes.after, { [field]: next });
  }
  return changes;
}
