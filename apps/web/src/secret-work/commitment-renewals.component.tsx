import { COMMITMENT_KIND_LABELS, formatDate, type Commitment } from '@bmnn/contracts';
import { Alert, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { secretWorkApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { today } from '../forms/dates.ts';

const HORIZONS = [30, 60, 90, 180] as const;

/** Commitments to renew (R11.2, R11.4): those whose renewal falls due within the chosen horizon, overdue first. */
export function CommitmentRenewals() {
  const [days, setDays] = useState<number>(60);
  const todayIso = today().format('YYYY-MM-DD');
  const by = today().add(days, 'day').format('YYYY-MM-DD');
  const due = useLoad(() => secretWorkApi.commitmentsDueBy(by), `renewals-${by}`);
  const rows = [...(due.data?.commitments ?? [])].sort((a, b) => (a.renewalDue ?? '').localeCompare(b.renewalDue ?? ''));
  return (
    <Card>
      <Space style={{ marginBottom: 16 }}>
        <Typography.Text>Cam kết đến hạn ký lại trong</Typography.Text>
        <Select value={days} onChange={setDays} style={{ width: 120 }} options={HORIZONS.map((d) => ({ value: d, label: `${d} ngày` }))} data-testid="renewal-horizon" />
      </Space>
      {due.error && <Alert type="error" showIcon title={due.error} />}
      <Table<Commitment>
        rowKey="id"
        size="middle"
        loading={due.loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: 'Không có cam kết nào đến hạn ký lại' }}
        data-testid="commitment-renewals"
        columns={[
          { key: 'person', title: 'Cán bộ', dataIndex: 'personName' },
          { key: 'kind', title: 'Loại', render: (_, c) => c.title ?? COMMITMENT_KIND_LABELS[c.kind] },
          { key: 'signed', title: 'Ngày ký', render: (_, c) => formatDate(c.signedOn) || '—' },
          { key: 'due', title: 'Hạn ký lại', render: (_, c) => (c.renewalDue && c.renewalDue < todayIso ? <Tag color="red">Quá hạn từ {formatDate(c.renewalDue)}</Tag> : <Tag color="orange">{formatDate(c.renewalDue)}</Tag>) },
        ]}
      />
    </Card>
  );
}
