import { LEVEL_LABELS, formatDate, type Item } from '@bmnn/contracts';
import { Alert, Card, Table, Tag, Typography } from 'antd';
import { itemsApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useUnits } from '../units/units.hooks.ts';

const LEVEL_COLORS = { MAT: 'gold', TOI_MAT: 'orange', TUYET_MAT: 'red' } as const;

/** The secret items the person may see; the register issue builds the full workflow on it. */
export function ItemsPage() {
  const items = useLoad(() => itemsApi.list(), 'items');
  const { byId } = useUnits();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Tài liệu, vật chứa bí mật nhà nước
      </Typography.Title>
      <Card>
        {items.error && <Alert type="error" showIcon title={items.error} style={{ marginBottom: 16 }} />}
        <Table<Item>
          data-testid="items-table"
          rowKey="id"
          size="middle"
          loading={items.loading}
          dataSource={items.data?.items ?? []}
          locale={{ emptyText: 'Không có tài liệu, vật chứa bí mật nhà nước nào bạn được xem' }}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `${total} tài liệu, vật chứa` }}
          columns={[
            { key: 'soKyHieu', title: 'Số, ký hiệu', dataIndex: 'soKyHieu' },
            { key: 'trichYeu', title: 'Trích yếu', dataIndex: 'trichYeu', render: (v: string | null) => v || '—' },
            { key: 'level', title: 'Độ mật', render: (_, i) => <Tag color={LEVEL_COLORS[i.level]}>{LEVEL_LABELS[i.level]}</Tag> },
            { key: 'unit', title: 'Đơn vị', render: (_, i) => byId.get(i.unitId)?.name ?? '—' },
            { key: 'createdAt', title: 'Ngày đăng ký', render: (_, i) => formatDate(i.createdAt) },
          ]}
        />
      </Card>
    </>
  );
}
