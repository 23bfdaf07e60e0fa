import { UNIT_KIND_LABELS, formatDate, formatDateTime, type Unit, type UnitHistoryEntry, type UnitKind } from '@bmnn/contracts';
import { Alert, Descriptions, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { unitsApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { getFormerNames, isDefunct } from './unit-tree.ts';

const CHANGE_LABELS: Record<UnitHistoryEntry['change'], string> = {
  CREATED: 'Thành lập',
  RENAMED: 'Đổi tên',
  MOVED: 'Chuyển đơn vị cấp trên',
  DEFUNCT: 'Giải thể, sáp nhập',
  UPDATED: 'Cập nhật thông tin',
};

const FIELD_LABELS: Record<string, string> = {
  name: 'Tên',
  code: 'Mã',
  kind: 'Loại',
  parentId: 'Đơn vị cấp trên',
  successorId: 'Đơn vị kế thừa',
  isKeyPost: 'Thiết yếu, cơ mật',
  note: 'Ghi chú',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
  reason: 'Lý do',
};

/** A history value in words: unit names instead of ids, labels instead of codes. */
function describeValue(key: string, value: unknown, byId: ReadonlyMap<string, Unit>): string {
  if (value === null || value === undefined || value === '') return '—';
  if ((key === 'parentId' || key === 'successorId') && typeof value === 'string') return byId.get(value)?.name ?? value;
  if (key === 'kind' && typeof value === 'string' && value in UNIT_KIND_LABELS) return UNIT_KIND_LABELS[value as UnitKind];
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if ((key === 'validFrom' || key === 'validTo') && typeof value === 'string') return formatDate(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function describeChanges(entry: UnitHistoryEntry, byId: ReadonlyMap<string, Unit>): string[] {
  const before = entry.before ?? {};
  return Object.entries(entry.after)
    .filter(([key, value]) => key in FIELD_LABELS && JSON.stringify(before[key]) !== JSON.stringify(value))
    .map(([key, value]) =>
      entry.before && key in before
        ? `${FIELD_LABELS[key]}: ${describeValue(key, before[key], byId)} → ${describeValue(key, value, byId)}`
        : `${FIELD_LABELS[key]}: ${describeValue(key, value, byId)}`,
    );
}

/** What is known about one unit, with its former names and history. */
export function UnitDetail({ unitId, version, byId, actions }: {
  unitId: string;
  /** Bumped by the page after a change, to load the detail again. */
  version: number;
  byId: ReadonlyMap<string, Unit>;
  actions: ReactNode;
}) {
  const { data, error, loading } = useLoad(() => unitsApi.get(unitId), `${unitId}:${version}`);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (loading && !data) return <Skeleton active />;
  if (!data) return null;
  const { unit, history } = data;
  const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
  const successor = unit.successorId ? byId.get(unit.successorId) : undefined;

  return (
    <div data-testid="unit-detail">
      <Typography.Title level={4} style={{ marginTop: 0 }} type={isDefunct(unit) ? 'secondary' : undefined}>
        {unit.name} {isDefunct(unit) && <Tag>Đã giải thể</Tag>}
        {unit.isKeyPost && <Tag color="red">Thiết yếu, cơ mật</Tag>}
      </Typography.Title>
      <div style={{ marginBottom: 16 }}>{actions}</div>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'code', label: 'Mã đơn vị', children: unit.code },
          { key: 'kind', label: 'Loại đơn vị', children: UNIT_KIND_LABELS[unit.kind] },
          { key: 'parent', label: 'Đơn vị cấp trên', children: parent?.name ?? '—' },
          { key: 'validFrom', label: 'Hiệu lực từ', children: formatDate(unit.validFrom) },
          { key: 'validTo', label: 'Hiệu lực đến', children: unit.validTo ? formatDate(unit.validTo) : '—' },
          ...(isDefunct(unit)
            ? [{ key: 'successor', label: 'Đơn vị kế thừa', children: successor?.name ?? 'Không có' }]
            : []),
          {
            key: 'formerNames',
            label: 'Tên cũ',
            children: getFormerNames(unit).length ? getFormerNames(unit).map((n) => <Tag key={n}>{n}</Tag>) : '—',
          },
          { key: 'note', label: 'Ghi chú', children: unit.note || '—' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        Lịch sử thay đổi
      </Typography.Title>
      {history.length === 0 ? (
        <Empty description="Chưa có thay đổi" />
      ) : (
        <Timeline
          data-testid="unit-history"
          items={history.map((entry, index) => ({
            key: index,
            title: formatDate(entry.effectiveDate),
            content: (
              <>
                <Typography.Text strong>{CHANGE_LABELS[entry.change]}</Typography.Text>
                {describeChanges(entry, byId).map((line) => (
                  <div key={line}>{line}</div>
                ))}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  Ghi nhận lúc {formatDateTime(entry.at)}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </div>
  );
}
