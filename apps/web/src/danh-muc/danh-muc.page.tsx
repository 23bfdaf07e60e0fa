import { DatabaseOutlined } from '@ant-design/icons';
import { LEVELS, LEVEL_LABELS, formatDate, type Level } from '@bmnn/contracts';
import { Alert, App, Button, Card, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../api/api.client.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { LevelTag } from '../register/register.labels.tsx';
import { DanhMucImport } from './danh-muc-import.component.tsx';
import { danhMucApi, type DanhMucDecision, type DanhMucItem } from './danh-muc.api.ts';

const SampleTag = () => <Tag color="purple">Dữ liệu mẫu</Tag>;

/**
 * "Danh mục BMNN": the decisions that list what is secret at which level, and their items. The
 * administrator imports them from a file or loads the samples of LEGAL.md §3.4.
 */
export function DanhMucPage() {
  const { account } = useSession();
  const { message } = App.useApp();
  const isAdmin = account.roles.includes('QUAN_TRI');
  const [tab, setTab] = useState('decisions');
  const [decisionId, setDecisionId] = useState<string>();
  const [q, setQ] = useState('');
  const [level, setLevel] = useState<Level>();
  const [loadingSamples, setLoadingSamples] = useState(false);
  const decisions = useLoad(() => danhMucApi.decisions(), 'dm-decisions');
  const items = useLoad(() => danhMucApi.items({ decisionId, q: q || undefined, level }), `dm-items|${decisionId ?? ''}|${q}|${level ?? ''}`);
  const decisionList = decisions.data?.decisions ?? [];

  const reloadAll = () => {
    decisions.reload();
    items.reload();
  };

  const loadSamples = async () => {
    setLoadingSamples(true);
    try {
      const r = await danhMucApi.loadSamples();
      void message.success(r.decisions ? `Đã nạp ${r.decisions} quyết định mẫu, ${r.items} mục` : 'Dữ liệu mẫu đã có sẵn');
      reloadAll();
    } catch (e) {
      void message.error(describeError(e));
    } finally {
      setLoadingSamples(false);
    }
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Danh mục bí mật nhà nước
        </Typography.Title>
        {isAdmin && (
          <Button icon={<DatabaseOutlined />} loading={loadingSamples} onClick={() => void loadSamples()} data-testid="danh-muc-samples">
            Nạp dữ liệu mẫu
          </Button>
        )}
      </Space>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'decisions',
              label: <span data-testid="tab-decisions">Quyết định ban hành danh mục</span>,
              children: (
                <>
                  {decisions.error && <Alert type="error" showIcon title={decisions.error} style={{ marginBottom: 16 }} />}
                  <Table<DanhMucDecision>
                    data-testid="danh-muc-decisions"
                    rowKey="id"
                    size="middle"
                    loading={decisions.loading}
                    dataSource={decisionList}
                    pagination={false}
                    locale={{ emptyText: isAdmin ? 'Chưa có danh mục nào: nhập từ tệp hoặc nạp dữ liệu mẫu' : 'Chưa có danh mục nào' }}
                    onRow={(d) => ({
                      onClick: () => {
                        setDecisionId(d.id);
                        setTab('items');
                      },
                      style: { cursor: 'pointer' },
                    })}
                    columns={[
                      { key: 'number', title: 'Số quyết định', width: 220, render: (_, d) => <Space>{d.number}{d.isSample && <SampleTag />}</Space> },
                      { key: 'decidedOn', title: 'Ngày', width: 110, render: (_, d) => formatDate(d.decidedOn) },
                      { key: 'issuer', title: 'Cơ quan ban hành', dataIndex: 'issuer', width: 180 },
                      { key: 'sector', title: 'Lĩnh vực', dataIndex: 'sector' },
                      { key: 'valid', title: 'Hiệu lực', width: 210, render: (_, d) => `từ ${formatDate(d.validFrom)}${d.validTo ? ` đến ${formatDate(d.validTo)}` : ''}` },
                      { key: 'itemCount', title: 'Số mục', dataIndex: 'itemCount', width: 80, align: 'center' },
                    ]}
                  />
                </>
              ),
            },
            {
              key: 'items',
              label: <span data-testid="tab-items">Các mục bí mật</span>,
              children: (
                <>
                  <Space wrap style={{ marginBottom: 16 }}>
                    <Select
                      allowClear
                      placeholder="Tất cả quyết định"
                      value={decisionId}
                      onChange={(v?: string) => setDecisionId(v)}
                      style={{ width: 280 }}
                      options={decisionList.map((d) => ({ value: d.id, label: d.number }))}
                    />
                    <Select
                      allowClear
                      placeholder="Mọi độ mật"
                      value={level}
                      onChange={(v?: Level) => setLevel(v)}
                      style={{ width: 160 }}
                      options={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))}
                    />
                    <Input.Search placeholder="Tìm trong nội dung (gõ không dấu cũng được)" allowClear onSearch={(v) => setQ(v.trim())} style={{ width: 360 }} data-testid="danh-muc-search" />
                  </Space>
                  {items.error && <Alert type="error" showIcon title={items.error} style={{ marginBottom: 16 }} />}
                  <Table<DanhMucItem>
                    data-testid="danh-muc-items"
                    rowKey="id"
                    size="middle"
                    loading={items.loading}
                    dataSource={items.data?.items ?? []}
                    pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (t) => `${t} mục` }}
                    locale={{ emptyText: 'Không có mục nào' }}
                    columns={[
                      { key: 'decision', title: 'Quyết định', width: 200, render: (_, i) => <Space>{i.decisionNumber}{i.isSample && <SampleTag />}</Space> },
                      { key: 'itemNo', title: 'Mục', dataIndex: 'itemNo', width: 70 },
                      { key: 'level', title: 'Độ mật', width: 110, render: (_, i) => <LevelTag level={i.level} /> },
                      { key: 'text', title: 'Nội dung', dataIndex: 'text' },
                      { key: 'keywords', title: 'Từ khóa', width: 240, render: (_, i) => i.keywords.map((k) => <Tag key={k}>{k}</Tag>) },
                    ]}
                  />
                </>
              ),
            },
            ...(isAdmin
              ? [
                  {
                    key: 'import',
                    label: <span data-testid="tab-import">Nhập từ tệp</span>,
                    children: <DanhMucImport onImported={reloadAll} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
