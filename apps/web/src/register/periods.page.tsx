import { formatDate, todayInVietnam, type DashboardEntry } from '@bmnn/contracts';
import { Alert, App, Button, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { NoticeSentModal } from './period-decisions.component.tsx';
import { periodsApi } from './periods.api.ts';
import { LevelTag, canKeepBooks } from './register.labels.tsx';

type Notice = DashboardEntry & { noticeId: string };

/**
 * "Thời hạn bảo vệ" (LEGAL.md R9.2–R9.5): the written notices that must go out within 15 days of
 * an extension, a level adjustment or a declassification, and the items whose period ends soon
 * or whose extension can no longer be decided — only items the person may see.
 */
export function PeriodsPage() {
  const { account } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const board = useLoad(() => periodsApi.dashboard(), 'dashboard');
  const [notice, setNotice] = useState<Notice>();
  const today = todayInVietnam();
  const link = (e: DashboardEntry) => (
    <Typography.Link onClick={() => navigate(`/items/${e.itemId}`)} data-testid={`periods-item-${e.soKyHieu}`}>
      {e.soKyHieu}
    </Typography.Link>
  );
  const base = [
    { key: 'so', title: 'Số, ký hiệu', width: 180, render: (_: unknown, e: DashboardEntry) => link(e) },
    { key: 'level', title: 'Độ mật', width: 120, render: (_: unknown, e: DashboardEntry) => <LevelTag level={e.level} /> },
    { key: 'detail', title: 'Việc cần làm', render: (_: unknown, e: DashboardEntry) => e.detail },
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Thời hạn bảo vệ, thông báo bằng văn bản
      </Typography.Title>
      {board.error && <Alert type="error" showIcon title={board.error} style={{ marginBottom: 16 }} />}
      <Card title="Thông báo phải gửi trong 15 ngày (R9.2, R9.3, R9.5)" style={{ marginBottom: 16 }}>
        <Table<Notice>
          data-testid="notices-table"
          rowKey="noticeId"
          size="small"
          loading={board.loading}
          pagination={false}
          dataSource={board.data?.noticesDue ?? []}
          locale={{ emptyText: 'Không có thông báo nào phải gửi' }}
          columns={[
            ...base,
            { key: 'due', title: 'Hạn gửi', width: 150, render: (_, n) => (n.date && n.date < today ? <Tag color="red">Quá hạn {formatDate(n.date)}</Tag> : formatDate(n.date)) },
            {
              key: 'act',
              title: '',
              width: 150,
              render: (_, n) =>
                canKeepBooks(account.roles) && (
                  <Button size="small" onClick={() => setNotice(n)} data-testid={`notice-sent-${n.soKyHieu}`}>
                    Ghi nhận đã gửi
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Card title="Đã quá hạn quyết định gia hạn (60 ngày trước khi hết hạn)" style={{ marginBottom: 16 }}>
        <Table<DashboardEntry> rowKey="itemId" size="small" pagination={false} loading={board.loading} dataSource={board.data?.extensionTooLate ?? []} locale={{ emptyText: 'Không có' }} columns={base} />
      </Card>
      <Card title="Sắp hết thời hạn bảo vệ">
        <Table<DashboardEntry> rowKey="itemId" size="small" pagination={false} loading={board.loading} dataSource={board.data?.expiringSoon ?? []} locale={{ emptyText: 'Không có' }} columns={base} />
      </Card>
      {notice && (
        <NoticeSentModal
          noticeId={notice.noticeId}
          soKyHieu={notice.soKyHieu}
          dueDate={notice.date}
          onClose={() => setNotice(undefined)}
          onDone={(d) => {
            setNotice(undefined);
            void message.success(d.message);
            board.reload();
          }}
        />
      )}
    </>
  );
}
