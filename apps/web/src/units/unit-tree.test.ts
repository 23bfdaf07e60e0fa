import type { Unit } from '@bmnn/contracts';
import { describe, expect, it } from 'vitest';
import { buildUnitTree, getAncestorIds, getDescendantIds, getFormerNames } from './unit-tree.ts';

function unit(id: string, name: string, parentId: string | null, extra: Partial<Unit> = {}): Unit {
  return {
    id,
    code: id.toUpperCase(),
    name,
    kind: 'SO_BAN_NGANH',
    parentId,
    validFrom: '2025-07-01',
    validTo: null,
    successorId: null,
    isKeyPost: false,
    note: null,
    formerNames: [],
    ...extra,
  };
}

const province = unit('tinh', 'Tỉnh Bắc Ninh', null, { kind: 'TINH' });
const police = unit('ca', 'Công an tỉnh', 'tinh', { kind: 'CO_QUAN_THUONG_TRUC' });
const justice = unit('stp', 'Sở Tư pháp', 'tinh');
const finance = unit('stc', 'Sở Tài chính', 'tinh');
const office = unit('vp', 'Văn phòng Sở Tư pháp', 'stp', { kind: 'PHONG_BAN' });
const units = [office, police, finance, justice, province];

const names = (nodes: ReturnType<typeof buildUnitTree>): unknown =>
  nodes.map((n) => (n.children.length ? { [n.unit.name]: names(n.children) } : n.unit.name));

describe('the unit tree', () => {
  it('nests units under their parent, departments by Vietnamese name order, kinds in legal order', () => {
    expect(names(buildUnitTree(units))).toEqual([
      { 'Tỉnh Bắc Ninh': ['Sở Tài chính', { 'Sở Tư pháp': ['Văn phòng Sở Tư pháp'] }, 'Công an tỉnh'] },
    ]);
  });

  it('shows a search hit in place, with its ancestors and nothing else', () => {
    expect(names(buildUnitTree(units, new Set(['vp'])))).toEqual([
      { 'Tỉnh Bắc Ninh': [{ 'Sở Tư pháp': ['Văn phòng Sở Tư pháp'] }] },
    ]);
  });

  it('makes a unit whose parent is not listed a root', () => {
    expect(names(buildUnitTree([office, finance]))).toEqual(['Sở Tài chính', 'Văn phòng Sở Tư pháp']);
  });

  it('finds ancestors nearest first and every descendant', () => {
    expect(getAncestorIds(units, 'vp')).toEqual(['stp', 'tinh']);
    expect([...getDescendantIds(units, 'tinh')].sort()).toEqual(['ca', 'stc', 'stp', 'vp']);
  });
});

describe('former names', () => {
  it('lists the names a unit had before, not the one it has now', () => {
    const renamed = unit('vp', 'Phòng Kế hoạch và Đầu tư', 'stc', {
      formerNames: ['Văn phòng Sở Kế hoạch và Đầu tư', 'Phòng Kế hoạch và Đầu tư'],
    });
    expect(getFormerNames(renamed)).toEqual(['Văn phòng Sở Kế hoạch và Đầu tư']);
  });
});
