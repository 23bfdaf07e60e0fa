import { AuditOutlined, ClockCircleOutlined, CopyOutlined, EnvironmentOutlined, NotificationOutlined, RollbackOutlined } from '@ant-design/icons';
import { COPY_TYPE_LABELS, formatDate, type CopyRequestSummary, type DashboardEntry, type Level } from '@bmnn/contracts';
import { Alert, Card, Col, Empty, List, Progress, Row, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { LevelTag } from './register.labels.tsx';
import { copiesApi, dashboardApi } from './workflow.api.ts';

/** One line of work: the item (or request), its level, what is due and by when; the link opens it. */
type Task = { key: string; itemId: string; soKyHieu: string; level: Level; detail: string; date: string | null };
type Group = { key: string; title: string; icon: ReactNode; color: string; tasks: Task[] };

const fromEntry = (prefix: string) => (e: DashboardEntry & { noticeId?: string }): Task => ({ key: `${prefix}-${e.noticeId ?? e.itemId}`, itemId: e.itemId, soKyHieu: e.soKyHieu, level: e.level, detail: e.detail, date: e.date });
const fromCopyRequest = (detail: (r: CopyRequestSummary) => string) => (r: CopyRequestSummary): Task => ({ key: `copy-${r.id}`, itemId: r.itemId, soKyHieu: r.soKyHieu, level: r.level, detail: detail(r), date: r.createdAt });

/** A count as a number and a bar against the largest group: what needs attention first shows at a glance. */
function CountCard({ group, max }: { group: Group; max: number }) {
  const count = group.tasks.length;
  return (
    <Card size="small" data-testid={`todo-count-${group.key}`} styles={{ body: { padding: 16 } }}>
      <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{group.title}</Typography.Text>
        <span style={{ color: group.color, fontSize: 20 }}>{group.icon}</span>
      </Space>
      <div style={{ fontSize: 32, fontWeight: 600, color: count ? group.color : '#bfbfbf', lineHeight: 1.3 }} data-testid={`todo-number-${group.key}`}>
        {count}
      </div>
      <Progress percent={max ? Math.round((count / max) * 100) : 0} showInfo={false} strokeColor={group.color} size="small" aria-label={`${group.title}: ${count}`} />
    </Card>
  );
}

/**
 * "Việc cần làm": what the clerk or the head must do now — approvals waiting, protection periods
 * ending within the warning lead (90 days), overdue recalls and returns, notices to send, items
 * without a storage place. Only items the person may see are counted (the server filters).
 */
export function DashboardPage() {
  const { account } = useSession();
  const isHead = account.roles.includes('LANH_DAO');
  const dashboard = useLoad(() => dashboardApi.get(), 'dashboard');
  const copies = useLoad(() => copiesApi.list(), 'dashboard-copies');
  const d = dashboard.data;
  const requests = copies.data?.requests ?? [];

  const groups: Group[] = [
    {
      key: 'approvals',
      title: 'Chờ lãnh đạo quyết định',
      icon: <AuditOutlined />,
      color: '#1677ff',
      tasks: [
        ...(d?.approvalsWaiting ?? []).map(fromEntry('approve')),
        ...(isHead ? requests.filter((r) => r.status === 'REQUESTED' && !r.requestedByMe).map(fromCopyRequest((r) => `Đề nghị ${COPY_TYPE_LABELS[r.copyType].toLowerCase()} ${r.requestedCount} bản — ${r.requestedByName ?? ''}: chờ cho phép (R5.3)`)) : []),
      ],
    },
    {
      key: 'copies',
      title: 'Sao, chụp chờ ghi kết quả',
      icon: <CopyOutlined />,
      color: '#13c2c2',
      tasks: requests.filter((r) => r.status === 'APPROVED' || r.status === 'PARTLY_MADE').map(fromCopyRequest((r) => `Được cho phép ${r.approvedCount} bản, đã sao, chụp ${r.madeCount}: ghi kết quả vào Sổ quản lý sao, chụp`)),
    },
    {
      key: 'expiring',
      title: 'Sắp hết thời hạn bảo vệ (90 ngày)',
      icon: <ClockCircleOutlined />,
      color: '#fa8c16',
      tasks: [...(d?.extensionTooLate ?? []).map(fromEntry('late')), ...(d?.expiringSoon ?? []).map(fromEntry('expiring'))],
    },
    {
      key: 'returns',
      title: 'Thu hồi, trả lại đến hạn hoặc quá hạn',
      icon: <RollbackOutlined />,
      color: '#cf1322',
      tasks: [...(d?.recallsDue ?? []).map(fromEntry('recall')), ...(d?.takeOutsDue ?? []).map(fromEntry('return'))],
    },
    { key: 'notices', title: 'Thông báo phải gửi', icon: <NotificationOutlined />, color: '#722ed1', tasks: (d?.noticesDue ?? []).map(fromEntry('notice')) },
    { key: 'location', title: 'Chưa ghi nơi lưu giữ', icon: <EnvironmentOutlined />, color: '#8c8c8c', tasks: (d?.withoutLocation ?? []).map(fromEntry('location')) },
  ];
  const max = Math.max(0, ...groups.map((g) => g.tasks.length));
  const loading = dashboard.loading || copies.loading;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Việc cần làm
      </Typography.Title>
      {(dashboard.error || copies.error) && <Alert type="error" showIcon title={dashboard.error ?? copies.error} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="todo-counts">
        {groups.map((g) => (
          <Col key={g.key} xs={24} sm={12} lg={8} xxl={4}>
            <CountCard group={g} max={max} />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        {groups.map((g) => (
          <Col key={g.key} xs={24} xl={12}>
            <Card
              title={
                <Space>
                  <span style={{ color: g.color }}>{g.icon}</span>
                  {g.title}
                </Space>
              }
              size="small"
              loading={loading && !d}
              data-testid={`todo-${g.key}`}
            >
              {g.tasks.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Không có việc nào" />
              ) : (
                <List
                  size="small"
                  dataSource={g.tasks}
                  pagination={g.tasks.length > 8 ? { pageSize: 8, size: 'small' } : false}
                  renderItem={(t) => (
                    <List.Item key={t.key}>
                      <Space direction="vertical" size={0} style={{ width: '100%' }}>
                        <Space wrap>
                          <Link to={`/items/${t.itemId}`} data-testid={`todo-link-${g.key}-${t.soKyHieu}`}>
                            {t.soKyHieu}
                          </Link>
                          <LevelTag level={t.level} />
                          {t.date && <Typography.Text type="secondary">{formatDate(t.date)}</Typography.Text>}
                        </Space>
                        <Typography.Text>{t.detail}</Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
