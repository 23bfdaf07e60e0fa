import { UNIT_KINDS, type Unit } from '@bmnn/contracts';

export type UnitNode = { unit: Unit; children: UnitNode[] };

const KIND_ORDER = new Map(UNIT_KINDS.map((kind, index) => [kind, index]));

function compareUnits(a: Unit, b: Unit): number {
  const byKind = (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0);
  return byKind || a.name.localeCompare(b.name, 'vi');
}

export function isDefunct(unit: Unit): boolean {
  return unit.validTo !== null;
}

/** The unit's earlier names, without its current one (the server lists every name it had). */
export function getFormerNames(unit: Unit): string[] {
  return unit.formerNames.filter((name) => name !== unit.name);
}

/** Ids of the unit's ancestors, nearest first; stops at a missing parent or a cycle. */
export function getAncestorIds(units: readonly Unit[], id: string): string[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const ancestors: string[] = [];
  let parentId = byId.get(id)?.parentId ?? null;
  while (parentId && byId.has(parentId) && !ancestors.includes(parentId)) {
    ancestors.push(parentId);
    parentId = byId.get(parentId)?.parentId ?? null;
  }
  return ancestors;
}

/** Ids of every unit below `id`. */
export function getDescendantIds(units: readonly Unit[], id: string): Set<string> {
  const below = new Set<string>();
  const queue = [id];
  while (queue.length) {
    const current = queue.shift();
    for (const unit of units) {
      if (unit.parentId === current && !below.has(unit.id)) {
        below.add(unit.id);
        queue.push(unit.id);
      }
    }
  }
  return below;
}

/**
 * Builds the tree from the flat list (parentId). With `matches`, keeps only the matching units
 * and their ancestors, so that search results are shown in place. A unit whose parent is not
 * in the list becomes a root.
 */
export function buildUnitTree(units: readonly Unit[], matches?: ReadonlySet<string>): UnitNode[] {
  let kept = units;
  if (matches) {
    const keep = new Set<string>();
    for (const id of matches) {
      if (!units.some((u) => u.id === id)) continue;
      keep.add(id);
      for (const ancestor of getAncestorIds(units, id)) keep.add(ancestor);
    }
    kept = units.filter((u) => keep.has(u.id));
  }
  const ids = new Set(kept.map((u) => u.id));
  const nodes = new Map(kept.map((u) => [u.id, { unit: u, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const unit of [...kept].sort(compareUnits)) {
    const node = nodes.get(unit.id);
    if (!node) continue;
    const parent = unit.parentId && ids.has(unit.parentId) ? nodes.get(unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
