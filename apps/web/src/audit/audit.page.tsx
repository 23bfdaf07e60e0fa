import { SafetyOutlined } from '@ant-design/icons';
import {
  AUDIT_BREAK_LABELS,
  LIMITS,
  formatDateTime,
  listAuditQuery,
  type AuditChainReport,
  type AuditRecord,
} from '@bmnn/contracts';
import { Alert, App, Button, Card, DatePicker, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { ApiError, describeError } from '../api/api.client.ts';
import { auditApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { DATE_FORMAT, toIsoDate } from '../forms/dates.ts';
import { UnitSelect } from '../units/unit-select.component.tsx';
import { useUnits } from '../units/units.hooks.ts';

type Filters = { unitId?: string; type?: string; range?: [Dayjs | null, Dayjs | null] | null };

function ChainReport({ report }: { report: AuditChainReport }) {
  return (
    <div data-testid={`audit-chain-${report.chain}`} style={{ padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Space>
        <Typography.Text strong>{report.chainName}</Typography.Text>
        {report.ok ? <Tag color="green">Toàn vẹn</Tag> : <Tag color="red">Bị phá vỡ</Tag>}
      </Space>
      <div>
        {report.firstBreak ? (
          <Typography.Text type="danger">
            Bản ghi đầu tiên bị phá vỡ: số thứ tự {report.firstBreak.seq} (mã {report.firstBreak.recordId}) —{' '}
            {AUDIT_BREAK_LABELS[report.firstBreak.kind]}.
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{report.records} bản ghi, chuỗi băm khớp từ đầu đến cuối.</Typography.Text>
        )}
      </div>
    </div>
  );
}

export function AuditPage() {
  const { message } = App.useApp();
  const { units } = useUnits();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState<number>(LIMITS.pageSizeDefault);
  const [verifying, setVerifying] = useState(false);
  const [reports, setReports] = useState<AuditChainReport[]>();

  const query = useMemo(
    () => ({
      unitId: filters.unitId,
      type: filters.type?.trim() || undefined,
      from: toIsoDate(filters.range?.[0]),
      to: toIsoDate(filters.range?.[1]),
      page,
      pageSize,
    }),
    [filters, page, pageSize],
  );
  const parsedQuery = listAuditQuery.safeParse(query);
  const records = useLoad(() => {
    if (!parsedQuery.success) {
      const message = parsedQuery.error.issues[0]?.message ?? 'Bộ lọc không hợp lệ';
      return Promise.reject(new ApiError({ code: 'validation.failed', status: 400, message }));
    }
    return auditApi.list(parsedQuery.data);
  }, JSON.stringify(query));

  const setFilter = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const verify = async () => {
    setVerifying(true);
    try {
      const { reports: result } = await auditApi.verify(filters.unitId ? { unitId: filters.unitId } : {});
      setReports(result);
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Nhật ký hệ thống
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <div style={{ width: 300 }}>
            <UnitSelect
              units={units}
              includeDefunct
              allowClear
              value={filters.unitId}
              onChange={(v) => setFilter({ unitId: v ?? undefined })}
              placeholder="Tất cả đơn vị"
              testId="audit-unit-filter"
            />
          </div>
          <Input.Search
            placeholder="Loại sự kiện, ví dụ: unit hoặc auth.login"
            allowClear
            onSearch={(type) => setFilter({ type })}
            style={{ width: 260 }}
            data-testid="audit-type-filter"
          />
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            placeholder={['Từ ngày', 'Đến ngày']}
            value={filters.range ?? null}
            onChange={(range) => setFilter({ range })}
            data-testid="audit-date-filter"
          />
          <Button type="primary" icon={<SafetyOutlined />} loading={verifying} onClick={() => void verify()} data-testid="audit-verify">
            Kiểm tra tính toàn vẹn
          </Button>
        </Space>
        {records.error && <Alert type="error" showIcon title={records.error} style={{ marginBottom: 16 }} />}
        <Table<AuditRecord>
          data-testid="audit-table"
          rowKey="id"
          size="middle"
          loading={records.loading}
          dataSource={records.data?.records ?? []}
          expandable={{
            expandedRowRender: (r) => (
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(r.data, null, 2)}</pre>
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: records.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => `${total} bản ghi`,
            onChange: (nextPage, nextSize) => {
              setPage(nextSize === pageSize ? nextPage : 1);
              setPageSize(nextSize);
            },
          }}
          columns={[
            { key: 'at', title: 'Thời điểm', width: 150, render: (_, r) => formatDateTime(r.at) },
            { key: 'type', title: 'Loại sự kiện', render: (_, r) => <Typography.Text code>{r.type}</Typography.Text> },
            { key: 'summary', title: 'Nội dung', dataIndex: 'summary' },
            { key: 'actor', title: 'Người thực hiện', render: (_, r) => r.actorName ?? 'Hệ thống' },
            // A unit's chain is named by the unit id; the one chain that is not a unit is the system's.
            { key: 'chain', title: 'Chuỗi', render: (_, r) => r.chainName },
            { key: 'seq', title: 'Số thứ tự', align: 'right', dataIndex: 'seq' },
          ]}
        />
      </Card>
      {reports && (
        <Modal
          open
          title="Kết quả kiểm tra tính toàn vẹn nhật ký"
          onCancel={() => setReports(undefined)}
          footer={<Button onClick={() => setReports(undefined)}>Đóng</Button>}
          width={640}
        >
          {reports.every((r) => r.ok) ? (
            <Alert type="success" showIcon title="Mọi chuỗi nhật ký đều toàn vẹn." style={{ marginBottom: 12 }} data-testid="audit-verify-ok" />
          ) : (
            <Alert
              type="error"
              showIcon
              title="Phát hiện nhật ký bị can thiệp. Báo ngay cho cán bộ bảo mật và giữ nguyên hiện trạng."
              style={{ marginBottom: 12 }}
              data-testid="audit-verify-broken"
            />
          )}
          {reports.length === 0 && <Typography.Text type="secondary">Không có chuỗi nhật ký nào.</Typography.Text>}
          {[...reports]
            .sort((a, b) => Number(a.ok) - Number(b.ok))
            .map((report) => (
              <ChainReport key={report.chain} report={report} />
            ))}
        </Modal>
      )}
    </>
  );
}
