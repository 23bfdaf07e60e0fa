import { ClearOutlined, FileAddOutlined, InboxOutlined } from '@ant-design/icons';
import { formatDate, type Item } from '@bmnn/contracts';
import { Alert, Button, Card, Divider, Input, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { peopleApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { ProposeDestructionButton } from '../destruction/propose-destruction.component.tsx';
import { getDescendantIds } from '../units/unit-tree.ts';
import { useUnits } from '../units/units.hooks.ts';
import { ItemFiltersBar } from './items-filters.component.tsx';
import { itemListApi } from './items-list.api.ts';
import { PAGE_SIZES, hasFilters, parseListParams, toListParams, toQuery, type ItemFilters, type ItemListState, type PageSize } from './items-list.query.ts';
import { LevelTag, canKeepBooks, statusLabel } from './register.labels.tsx';
import { SavedViews } from './saved-views.component.tsx';

/**
 * "Tài liệu mật": the secret items the person may see (the server filters by clearance and
 * need-to-know), searchable without accents ("bi mat" finds "bí mật"), filtered and paged by the
 * server. Filters and page live in the address bar, so a link or the back button keeps them.
 */
export function ItemsListPage() {
  const { account } = useSession();
  const navigate = useNavigate();
  const { units, byId } = useUnits();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseListParams(params), [params]);
  const { filters, page, pageSize } = state;
  const stateKey = toListParams(state).toString();
  const items = useLoad(() => itemListApi.list(toQuery(filters), page, pageSize), `items|${stateKey}`);
  const people = useLoad(() => peopleApi.list({}), 'people|all');
  const [selected, setSelected] = useState<Item[]>([]);
  const [searchText, setSearchText] = useState(filters.q ?? '');
  // A saved view, the back button or "Xóa bộ lọc" changes the search too.
  useEffect(() => setSearchText(filters.q ?? ''), [filters.q]);

  // The units the person works in: their own and those below it (the server's scope).
  const scopeUnits = useMemo(() => {
    const ids = getDescendantIds(units, account.unitId).add(account.unitId);
    return units.filter((u) => ids.has(u.id));
  }, [units, account.unitId]);

  const go = (next: ItemListState) => setParams(toListParams(next));
  // A new filter starts again at the first page.
  const setFilters = (next: ItemFilters) => go({ filters: next, page: 1, pageSize });

  const total = items.data?.total ?? 0;
  // A link or a saved address past the last page (the list got shorter) shows the last page instead.
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const pastTheEnd = !items.loading && !items.error && items.data !== undefined && items.data.items.length === 0 && page > lastPage && total > 0;
  useEffect(() => {
    if (pastTheEnd) setParams(toListParams({ filters, page: lastPage, pageSize }), { replace: true });
  }, [pastTheEnd, filters, lastPage, pageSize, setParams]);
  const filtered = hasFilters(filters);
  const canKeep = canKeepBooks(account.roles);

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
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(v) => setFilters({ ...filters, q: v.trim() || undefined })}
            style={{ width: 460 }}
            data-testid="items-search"
          />
          <Space>
            {canKeep && <ProposeDestructionButton items={selected} onDone={() => setSelected([])} />}
            <Button icon={<FileAddOutlined />} onClick={() => navigate('/items/propose')} data-testid="items-propose">
              Đề xuất văn bản mật
            </Button>
            {canKeep && (
              <Button type="primary" icon={<InboxOutlined />} onClick={() => navigate('/items/receive')} data-testid="items-receive">
                Vào sổ đến
              </Button>
            )}
          </Space>
        </Space>
        <ItemFiltersBar filters={filters} onChange={setFilters} units={scopeUnits} people={people.data?.people ?? []} peopleLoading={people.loading} />
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <SavedViews filters={filters} onApply={setFilters} />
          <Button icon={<ClearOutlined />} disabled={!filtered} onClick={() => setFilters({})} data-testid="items-clear-filters">
            Xóa bộ lọc
          </Button>
        </Space>
        <Divider style={{ margin: '16px 0' }} />
        {items.error && <Alert type="error" showIcon title={items.error} style={{ marginBottom: 16 }} data-testid="items-error" />}
        {canKeep && selected.length > 0 && (
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }} data-testid="items-selected-count">
            Đã chọn {selected.length} tài liệu (giữ nguyên khi chuyển trang)
          </Typography.Text>
        )}
        <Table<Item>
          data-testid="items-table"
          rowKey="id"
          size="middle"
          rowSelection={canKeep ? { selectedRowKeys: selected.map((i) => i.id), onChange: (_, rows) => setSelected(rows.filter(Boolean)), preserveSelectedRowKeys: true } : undefined}
          loading={items.loading}
          dataSource={items.data?.items ?? []}
          locale={{
            emptyText: filters.q
              ? `Không tìm thấy tài liệu nào khớp với “${filters.q}”`
              : filtered
                ? 'Không có tài liệu, vật chứa nào khớp với bộ lọc'
                : 'Không có tài liệu, vật chứa bí mật nhà nước nào bạn được xem',
          }}
          pagination={{
            current: page,
            pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES.map(String),
            showTotal: () => <span data-testid="items-total">{items.data?.totalCapped ? 'Hơn 1.000 tài liệu, vật chứa' : `${total.toLocaleString('vi-VN')} tài liệu, vật chứa`}</span>,
          }}
          onChange={(pagination) => {
            const size = (pagination.pageSize ?? pageSize) as PageSize;
            go({ filters, page: size !== pageSize ? 1 : (pagination.current ?? 1), pageSize: size });
          }}
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
