import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  ANNUAL_REPORT_FIRST_YEAR,
  INCIDENT_CHANNEL_LABELS,
  INCIDENT_KIND_LABELS,
  INVESTIGATION_STATUS_LABELS,
  formatDate,
  formatDateTime,
  todayInVietnam,
  type IncidentSummary,
} from '@bmnn/contracts';
import { annualReportPeriod, findReportYear, getRuleSetFor } from '@bmnn/rules';
import { Alert, App, Button, Card, InputNumber, Progress, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { incidentsApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { IncidentDetailDrawer } from './incident-detail.component.tsx';
import { IncidentFormModal } from './incident-form.component.tsx';
import { ReportClockTag } from './report-clock.component.tsx';

// The chart library loads with the statistics tab only (its own chunk).
const IncidentChannelChart = lazy(() => import('./incident-chart.component.tsx').then((m) => ({ default: m.IncidentChannelChart })));

/**
 * The report year whose period (R14.1(c): 15/12 of the year before to 14/12) contains today, and
 * that year's period, from the rule set in force today; the server applies the installation's.
 */
function currentReportYear(): number {
  const today = todayInVietnam();
  return findReportYear({ date: today, ruleSet: getRuleSetFor({ date: today }) });
}

function reportPeriodText(year: number): string {
  const { periodStart, periodEnd } = annualReportPeriod({ year, ruleSet: getRuleSetFor({ date: todayInVietnam() }) });
  return `Số liệu từ ${formatDate(periodStart)} đến ${formatDate(periodEnd)}`;
}

export function IncidentsPage() {
  const { account } = useSession();
  const { message } = App.useApp();
  const incidents = useLoad(() => incidentsApi.list(), 'incidents');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string>();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const stats = useLoad(() => incidentsApi.statistics({ year }), String(year));
  const [reportYear, setReportYear] = useState<number>(currentReportYear);
  const latestReportYear = Number(todayInVietnam().slice(0, 4)) + 1;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Vụ lộ, mất bí mật nhà nước
      </Typography.Title>
      <Tabs
        items={[
          {
            key: 'list',
            label: 'Danh sách vụ việc',
            children: (
              <Card>
                <Space wrap style={{ marginBottom: 16 }}>
                  <Button type="primary" danger icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="incident-create">
                    Báo cáo vụ lộ, mất
                  </Button>
                  <span>Năm báo cáo</span>
                  <InputNumber
                    aria-label="Năm báo cáo"
                    min={ANNUAL_REPORT_FIRST_YEAR}
                    max={latestReportYear}
                    precision={0}
                    value={reportYear}
                    onChange={(v) => v && setReportYear(v)}
                    data-testid="incident-annual-year"
                  />
                  <Button icon={<DownloadOutlined />} href={incidentsApi.annualReportUrl(reportYear)} data-testid="incident-annual-docx">
                    Tải báo cáo năm (DOCX)
                  </Button>
                  <Typography.Text type="secondary">{reportPeriodText(reportYear)}</Typography.Text>
                </Space>
                {incidents.error && <Alert type="error" showIcon title={incidents.error} style={{ marginBottom: 16 }} />}
                <Table<IncidentSummary>
                  data-testid="incidents-table"
                  rowKey="id"
                  size="middle"
                  loading={incidents.loading}
                  dataSource={incidents.data?.incidents ?? []}
                  locale={{ emptyText: 'Chưa có vụ việc nào' }}
                  pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `${total} vụ việc` }}
                  columns={[
                    { key: 'discoveredAt', title: 'Phát hiện lúc', render: (_, i) => formatDateTime(i.discoveredAt) },
                    { key: 'title', title: 'Vụ việc', render: (_, i) => <Button type="link" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpenId(i.id)}>{i.title}</Button> },
                    { key: 'kind', title: 'Loại', render: (_, i) => <Tag color={i.kind === 'MAT' ? 'volcano' : 'magenta'}>{INCIDENT_KIND_LABELS[i.kind]}</Tag> },
                    { key: 'channel', title: 'Hình thức', render: (_, i) => INCIDENT_CHANNEL_LABELS[i.channel] },
                    { key: 'unit', title: 'Đơn vị', dataIndex: 'unitName' },
                    { key: 'clock', title: 'Báo cáo', render: (_, i) => <ReportClockTag incident={i} /> },
                    { key: 'status', title: 'Tình trạng', render: (_, i) => INVESTIGATION_STATUS_LABELS[i.investigationStatus] },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'stats',
            label: 'Thống kê',
            children: (
              <Card>
                <Space style={{ marginBottom: 16 }}>
                  <span>Năm</span>
                  <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
                  <Button icon={<DownloadOutlined />} href={incidentsApi.statisticsXlsxUrl(year)} data-testid="incident-stats-xlsx">
                    Xuất Excel
                  </Button>
                </Space>
                {stats.error && <Alert type="error" showIcon title={stats.error} style={{ marginBottom: 16 }} />}
                {stats.data && (
                  <>
                    <Typography.Paragraph>
                      Năm {year}: {stats.data.statistics.totalCases} vụ lộ, mất với {stats.data.statistics.totalItems} tài liệu, vật chứa bí mật nhà nước.
                    </Typography.Paragraph>
                    {stats.data.statistics.totalCases > 0 && (
                      <Suspense fallback={<Spin />}>
                        <IncidentChannelChart statistics={stats.data.statistics} />
                      </Suspense>
                    )}
                    <Table
                      rowKey="channel"
                      size="small"
                      pagination={false}
                      dataSource={stats.data.statistics.byChannel}
                      expandable={{ rowExpandable: (r) => r.bySubChannel.length > 0, expandedRowRender: (r) => r.bySubChannel.map((s) => <div key={s.subChannel}>- {s.label}: {s.cases} vụ, {s.items} tài liệu</div>) }}
                      columns={[
                        { key: 'label', title: 'Hình thức', dataIndex: 'label' },
                        { key: 'cases', title: 'Số vụ', dataIndex: 'cases', align: 'right' },
                        { key: 'pct', title: 'Tỷ lệ', width: 260, render: (_, r) => <Progress percent={r.casesPercent} format={(p) => `${(p ?? 0).toLocaleString('vi-VN')}%`} /> },
                        { key: 'items', title: 'Số tài liệu', dataIndex: 'items', align: 'right' },
                      ]}
                    />
                    <Typography.Title level={5} style={{ marginTop: 24 }}>Theo đơn vị</Typography.Title>
                    <Table
                      rowKey="unitId"
                      size="small"
                      pagination={false}
                      dataSource={stats.data.statistics.byUnit}
                      locale={{ emptyText: 'Không có vụ việc trong năm' }}
                      columns={[
                        { key: 'unit', title: 'Đơn vị', dataIndex: 'unitName' },
                        { key: 'cases', title: 'Số vụ', dataIndex: 'cases', align: 'right' },
                        { key: 'pct', title: 'Tỷ lệ (%)', render: (_, r) => r.casesPercent.toLocaleString('vi-VN'), align: 'right' },
                        { key: 'items', title: 'Số tài liệu', dataIndex: 'items', align: 'right' },
                      ]}
                    />
                  </>
                )}
              </Card>
            ),
          },
        ]}
      />
      {creating && (
        <IncidentFormModal
          defaultUnitId={account.unitId}
          onClose={() => setCreating(false)}
          onSaved={(incident) => {
            setCreating(false);
            message.success('Đã ghi nhận vụ việc');
            incidents.reload();
            stats.reload();
            setOpenId(incident.id);
          }}
        />
      )}
      {openId && (
        <IncidentDetailDrawer
          incidentId={openId}
          onClose={() => setOpenId(undefined)}
          onChanged={() => {
            incidents.reload();
            stats.reload();
          }}
        />
      )}
    </>
  );
}
