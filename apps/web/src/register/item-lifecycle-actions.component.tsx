import { ClockCircleOutlined, DeleteOutlined, ExportOutlined, FallOutlined, SendOutlined, UnlockOutlined } from '@ant-design/icons';
import { formatDate, todayInVietnam, type Item } from '@bmnn/contracts';
import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { EmergencyDestructionModal } from '../destruction/destruction-forms.component.tsx';
import { DESTROYABLE_STATUSES } from '../destruction/destruction.rules.ts';
import { ProvisionModal, TakeOutModal } from '../release/release-request.component.tsx';
import { AdjustLevelModal, DeclassifyModal, ExtendModal, NoticeSentModal, extensionDeadlineOf, type Done } from './period-decisions.component.tsx';
import { periodsApi } from './periods.api.ts';
import { canKeepBooks } from './register.labels.tsx';

/** Statuses in which the protection period runs and a head may decide on it (register.periods, register.adjust). */
const PROTECTED = new Set(['DETERMINED', 'REGISTERED_OUT', 'SENT', 'RECEIVED', 'RECEIVED_UNOPENED']);
/** Statuses in which the item is in its storage place (release.usecases AVAILABLE). */
const IN_STORE = new Set(['DETERMINED', 'REGISTERED_OUT', 'SENT', 'RECEIVED', 'RECEIVED_UNOPENED']);

type Open = 'extend' | 'adjust' | 'declassify' | 'take-out' | 'provision' | 'emergency' | null;

/**
 * What can happen next to an item after it is registered: the head's decisions on its
 * protection period (R9.2, R9.3, R9.5) and the notices they call for; requests to take it out or
 * provide it (R8.x); emergency destruction by the person holding it (R10.1 b). The server decides
 * for real; the buttons follow the roles and the item's state.
 */
export function ItemLifecycleActions({ item, onChanged }: { item: Item; onChanged: () => void }) {
  const { account } = useSession();
  const { message } = App.useApp();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<{ noticeId: string; date: string | null }>();
  const board = useLoad(() => periodsApi.itemNotices(item.id), `item-notices|${item.id}|${item.status}|${item.level}|${item.protectionEnd}`);
  const notices = board.data?.noticesDue ?? [];
  const isHead = account.roles.includes('LANH_DAO');
  const holds = item.custodianId === account.personId;
  const protectedNow = PROTECTED.has(item.status);
  const deadline = protectedNow && item.protectionEnd ? extensionDeadlineOf(item.protectionEnd) : null;
  const today = todayInVietnam();

  const done = (d: Done) => {
    setOpen(null);
    setNotice(undefined);
    void message.success(d.message);
    board.reload();
    onChanged();
  };

  const buttons = [
    isHead && protectedNow && item.protectionEnd && (
      <Button key="extend" icon={<ClockCircleOutlined />} onClick={() => setOpen('extend')} data-testid="item-extend">
        Gia hạn bảo vệ
      </Button>
    ),
    isHead && protectedNow && (
      <Button key="adjust" icon={<FallOutlined />} onClick={() => setOpen('adjust')} data-testid="item-adjust">
        Điều chỉnh độ mật
      </Button>
    ),
    isHead && protectedNow && (
      <Button key="declassify" icon={<UnlockOutlined />} onClick={() => setOpen('declassify')} data-testid="item-declassify">
        Giải mật
      </Button>
    ),
    IN_STORE.has(item.status) && (
      <Button key="take-out" icon={<ExportOutlined />} onClick={() => setOpen('take-out')} data-testid="item-take-out">
        Đề nghị mang ra ngoài
      </Button>
    ),
    IN_STORE.has(item.status) && (
      <Button key="provision" icon={<SendOutlined />} onClick={() => setOpen('provision')} data-testid="item-provision">
        Đề nghị cung cấp
      </Button>
    ),
    holds && DESTROYABLE_STATUSES.has(item.status) && (
      <Button key="emergency" danger icon={<DeleteOutlined />} onClick={() => setOpen('emergency')} data-testid="item-emergency-destruction">
        Tiêu hủy khẩn cấp
      </Button>
    ),
  ].filter(Boolean);

  if (buttons.length === 0 && notices.length === 0) return null;
  return (
    <Card title="Thời hạn bảo vệ, mang ra, cung cấp, tiêu hủy" style={{ marginTop: 16 }} data-testid="item-lifecycle">
      {deadline && (
        <Typography.Paragraph data-testid="item-extension-deadline">
          Hạn chót quyết định gia hạn: <Typography.Text type={today > deadline ? 'danger' : undefined} strong>{formatDate(deadline)}</Typography.Text>
          {today > deadline ? ' (đã quá hạn, R9.2)' : ' (60 ngày trước khi hết thời hạn bảo vệ, R9.2)'}
        </Typography.Paragraph>
      )}
      <Space wrap>{buttons}</Space>
      {notices.length > 0 && (
        <List
          style={{ marginTop: 16 }}
          size="small"
          header={<Typography.Text strong>Thông báo bằng văn bản phải gửi</Typography.Text>}
          dataSource={notices}
          data-testid="item-notices"
          renderItem={(n) => (
            <List.Item
              key={n.noticeId}
              actions={canKeepBooks(account.roles) ? [<Button key="sent" size="small" onClick={() => setNotice({ noticeId: n.noticeId, date: n.date })} data-testid="item-notice-sent">Ghi nhận đã gửi</Button>] : []}
            >
              <Space>
                {n.date && n.date < today && <Tag color="red">Quá hạn</Tag>}
                {n.detail}
              </Space>
            </List.Item>
          )}
        />
      )}
      {open === 'extend' && <ExtendModal item={item} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'adjust' && <AdjustLevelModal item={item} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'declassify' && <DeclassifyModal item={item} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'take-out' && <TakeOutModal items={[item]} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'provision' && <ProvisionModal items={[item]} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'emergency' && <EmergencyDestructionModal items={[item]} onClose={() => setOpen(null)} onDone={done} />}
      {notice && <NoticeSentModal noticeId={notice.noticeId} soKyHieu={item.soKyHieu} dueDate={notice.date} onClose={() => setNotice(undefined)} onDone={done} />}
    </Card>
  );
}
