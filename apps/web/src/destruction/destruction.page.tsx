import { DESTRUCTION_REASON_LABELS, DESTRUCTION_STATUSES, DESTRUCTION_STATUS_LABELS, formatDate, type DestructionCaseSummary, type DestructionStatus } from '@bmnn/contracts';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useLoad } from '../api/api.hooks.ts';
import { LevelTag } from '../register/register.labels.tsx';
import { useUnits } from '../units/units.hooks.ts';
import { DestructionCaseDrawer, ReportTag } from './destruction-case.component.tsx';
import { destructionApi } from './destruction.api.ts';

/**
 * "Tiêu hủy" (LEGAL.md R10.x): the destruction cases the person may see — those of their units
 * and those whose council they sit on. A case starts from the item list (bulk action) or, in an
 * emergency, from the item page of the person holding it.
 */
export function DestructionPage() {
  const navigate = useNavigate();
  const { byId } = useUnits();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<DestructionStatus>();
  const cases = useLoad(() => destructionApi.list(status ? { status } : {}), `destructions|${status ?? ''}`);
  const openId = params.get('case');
  const open = (id: string | null) => setParams(id ? { case: id } : {});

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Tiêu hủy tài liệu, vật chứa bí mật nhà nước
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
          <Select
            allowClear
            placeholder="Lọc theo bước"
            style={{ width: 320 }}
            value={status}
            onChange={setStatus}
            options={DESTRUCTION_STATUSES.map((s) => ({ value: s, label: DESTRUCTION_STATUS_LABELS[s] }))}
            data-testid="destruction-filter"
          />
          <Button onClick={() => navigate('/items')}>Chọn tài liệu đề nghị tiêu hủy từ danh sách</Button>
        </Space>
        {cases.error && <Alert type="error" showIcon title={cases.error} style={{ marginBottom: 16 }} />}
        <Table<DestructionCaseSummary>
          data-testid="destruction-table"
          rowKey="id"
          size="middle"
          loading={cases.loading}
          dataSource={cases.data?.cases ?? []}
          locale={{ emptyText: 'Chưa có hồ sơ tiêu hủy nào bạn được xem' }}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `${total} hồ sơ` }}
          onRow={(c) => ({ onClick: () => open(c.id), style: { cursor: 'pointer', background: c.status === 'REPORT_DUE' ? '#fff1f0' : undefined } })}
          columns={[
            { key: 'createdAt', title: 'Ngày lập', width: 120, render: (_, c) => formatDate(c.createdAt) },
            { key: 'reason', title: 'Trường hợp', render: (_, c) => (c.reason === 'EMERGENCY' ? <Tag color="red">{DESTRUCTION_REASON_LABELS.EMERGENCY}</Tag> : DESTRUCTION_REASON_LABELS[c.reason]) },
            { key: 'unit', title: 'Đơn vị', render: (_, c) => byId.get(c.unitId)?.name ?? '—' },
            { key: 'items', title: 'Số tài liệu', width: 110, align: 'right', render: (_, c) => c.itemCount },
            { key: 'level', title: 'Độ mật cao nhất', width: 140, render: (_, c) => <LevelTag level={c.highestLevel} /> },
            {
              key: 'status',
              title: 'Bước',
              render: (_, c) => (
                <Space wrap data-testid={`destruction-row-${c.id}`}>
                  <span>{DESTRUCTION_STATUS_LABELS[c.status]}</span>
                  {c.onCouncil && c.status === 'COUNCIL_SET' && <Tag color="blue">Hội đồng chờ bạn họp xét</Tag>}
                  <ReportTag c={c} />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {openId && <DestructionCaseDrawer caseId={openId} onClose={() => open(null)} onChanged={cases.reload} />}
    </>
  );
}
