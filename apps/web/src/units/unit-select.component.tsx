import { foldForSearch, type Unit } from '@bmnn/contracts';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { buildUnitTree, isDefunct, type UnitNode } from './unit-tree.ts';

type TreeOption = { value: string; title: string; disabled: boolean; children: TreeOption[] };

/**
 * Picks a unit from the tree. Defunct units are left out unless `includeDefunct`; units in
 * `disabledIds` are shown but cannot be picked (e.g. a unit cannot move under itself).
 */
export function UnitSelect({ units, value, onChange, disabledIds, includeDefunct = false, placeholder, allowClear, id, testId }: {
  units: readonly Unit[];
  value?: string | null;
  onChange?: (value: string | null) => void;
  disabledIds?: ReadonlySet<string>;
  includeDefunct?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  testId?: string;
}) {
  const treeData = useMemo(() => {
    const toOption = (node: UnitNode): TreeOption => ({
      value: node.unit.id,
      title: `${node.unit.name} (${node.unit.code})`,
      disabled: disabledIds?.has(node.unit.id) ?? false,
      children: node.children.map(toOption),
    });
    return buildUnitTree(includeDefunct ? units : units.filter((u) => !isDefunct(u))).map(toOption);
  }, [units, disabledIds, includeDefunct]);

  return (
    <TreeSelect
      id={id}
      data-testid={testId}
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch={{
        filterTreeNode: (input, node) => foldForSearch(String(node.title ?? '')).includes(foldForSearch(input)),
      }}
      placeholder={placeholder ?? 'Chọn đơn vị'}
      allowClear={allowClear}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}
