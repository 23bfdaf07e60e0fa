import { FileAddOutlined, InboxOutlined } from '@ant-design/icons';
import { formatDate, type Item } from '@bmnn/contracts';
import { Alert, Button, Card, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { useUnits } from '../units/units.hooks.ts';
import { ProposeDestructionButton } from '../destruction/propose-destruction.component.tsx';
import { registerApi } from './register.api.ts';
import { LevelTag, canKeepBooks, statusLabel } from './register.labels.tsx';

/**
 * "Tài liệu mật": the secret items the person may see (the server filters by clearance and
 * need-to-know), searchable without accents: "bi mat" finds "bí mật".
 */
export function ItemsListPage() {
  const { account } = useSession();
  const navigate = useNavigate();
  const { byId } = useUnits();
  const [q, setQ] = useState('');
  const items = useLoad(() => registerApi.listItems(q || undefined), `items|${q}`);
  const [selected, setSelected] = useState<Item[]>([]);

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Tài liệu mật
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
          <Input.Search
            placeholder="Tìm theo số, ký hiệu hoặc trích yếu (gõ không dấu cũng được)"
            allowClear
            onSearch={(v) => setQ(v.trim())}
            style={{ width: 460 }}
            data-testid="items-search"
          />
          <Space>
            {canKeepBooks(account.roles) && <ProposeDestructionButton items={selected} onDone={() => setSelected([])} />}
            <Button icon={<FileAddOutlined />} onClick={() => navigate('/items/propose')} data-testid="items-propose">
              Đề xuất văn bản mật
            </Button>
            {canKeepBooks(account.roles) && (
              <Button type="primary" icon={<InboxOutlined />} onClick={() => navigate('/items/receive')} data-testid="items-receive">
                Vào sổ đến
              </Button>
            )}
          </Space>
        </Space>
        {items.error && <Alert type="error" showIcon title={items.error} style={{ marginBottom: 16 }} />}
        <Table<Item>
          data-testid="items-table"
          rowKey="id"
          size="middle"
          rowSelection={canKeepBooks(account.roles) ? { selectedRowKeys: selected.map((i) => i.id), onChange: (_, rows) => setSelected(rows), preserveSelectedRowKeys: true } : undefined}
          loading={items.loading}
          dataSource={items.data?.items ?? []}
          locale={{ emptyText: q ? `Không tìm thấy tài liệu nào khớp với “${q}”` : 'Không có tài liệu, vật chứa bí mật nhà nước nào bạn được xem' }}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: () => `${items.data?.total ?? 0} tài liệu, vật chứa` }}
          onRow={(item) => ({ onClick: (e) => !(e.target as HTMLElement).closest('.ant-table-selection-column') && navigate(`/items/${item.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'soKyHieu', title: 'Số, ký hiệu', width: 170, render: (_, i) => <Typography.Link data-testid={`item-link-${i.soKyHieu}`}>{i.soKyHieu}</Typography.Link> },
            {
              key: 'trichYeu',
              title: 'Trích yếu',
              render: (_, i) =>
                i.trichYeu ? i.trichYeu : <Typography.Text type="secondary">{i.level === 'TUYET_MAT' ? 'Không ghi trích yếu (Tuyệt mật)' : 'Không ghi trích yếu'}</Typography.Text>,
            },
            { key: 'level', title: 'Độ mật', width: 120, render: (_, i) => <LevelTag level={i.level} /> },
            { key: 'status', title: 'Tình trạng', width: 200, render: (_, i) => statusLabel(i.status) },
            { key: 'unit', title: 'Đơn vị', render: (_, i) => byId.get(i.unitId)?.name ?? '—' },
            { key: 'createdAt', title: 'Ngày đăng ký', width: 130, render: (_, i) => formatDate(i.createdAt) },
          ]}
        />
      </Card>
    </>
  );
}
