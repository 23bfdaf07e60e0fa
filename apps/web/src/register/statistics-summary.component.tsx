import type { StatisticsSummary } from '@bmnn/contracts';
import { Card, Col, Row, Spin, Statistic, Table } from 'antd';
import { lazy, Suspense } from 'react';
import { LevelTag } from './register.labels.tsx';

// ECharts is loaded with the Thống kê tab only.
const StatisticsLevelChart = lazy(() => import('./statistics-chart.component.tsx').then((m) => ({ default: m.StatisticsLevelChart })));

const number = (n: number) => n.toLocaleString('vi-VN');

/** A small table of counts by one property (form, status), with its Vietnamese labels. */
function CountTable<R extends { label: string; items: number }>({ title, header, rows, rowKey, testId }: { title: string; header: string; rows: R[]; rowKey: keyof R & string; testId: string }) {
  return (
    <Col xs={24} md={12} lg={7}>
      <Card size="small" title={title}>
        <Table<R>
          size="small"
          rowKey={rowKey}
          pagination={false}
          dataSource={rows}
          data-testid={testId}
          locale={{ emptyText: 'Không có' }}
          columns={[
            { key: 'label', title: header, dataIndex: 'label' },
            { key: 'items', title: 'Số lượng', align: 'right', render: (_, r) => number(r.items) },
          ]}
        />
      </Card>
    </Col>
  );
}

/** The Thống kê of a year in numbers, above its lines: totals, by level (cards and chart), by form, by status. */
export function StatisticsSummaryCards({ summary, year }: { summary: StatisticsSummary; year: number }) {
  return (
    <div data-testid="statistics-summary" style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={`Tài liệu, vật chứa năm ${year}`} value={summary.items} formatter={(v) => number(Number(v))} data-testid="statistics-items" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="Tổng số bản" value={summary.copies} formatter={(v) => number(Number(v))} data-testid="statistics-copies" />
          </Card>
        </Col>
        {summary.byLevel.map((l) => (
          <Col xs={8} md={4} key={l.level}>
            <Card size="small">
              <Statistic title={<LevelTag level={l.level} />} value={l.items} formatter={(v) => number(Number(v))} suffix={<span style={{ fontSize: 12 }}>({number(l.copies)} bản)</span>} data-testid={`statistics-level-${l.level}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={10}>
          <Card size="small" title="Theo độ mật">
            {summary.items > 0 ? (
              <Suspense fallback={<Spin />}>
                <StatisticsLevelChart summary={summary} />
              </Suspense>
            ) : (
              'Chưa có tài liệu, vật chứa nào'
            )}
          </Card>
        </Col>
        <CountTable title="Theo hình thức" header="Hình thức" rows={summary.byForm} rowKey="form" testId="statistics-by-form" />
        <CountTable title="Theo tình trạng" header="Tình trạng" rows={summary.byStatus} rowKey="status" testId="statistics-by-status" />
      </Row>
    </div>
  );
}
