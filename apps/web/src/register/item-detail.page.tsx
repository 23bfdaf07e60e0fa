import { ArrowLeftOutlined, SwapOutlined } from '@ant-design/icons';
import { ITEM_FORM_LABELS, LEVEL_LABELS, formatDate, formatDateTime, type ItemForm } from '@bmnn/contracts';
import { Alert, App, Button, Card, Descriptions, Result, Space, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { peopleApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { useUnits } from '../units/units.hooks.ts';
import { HandoverModal } from './handover.component.tsx';
import { ItemActions, ItemCopies } from './item-actions.component.tsx';
import { ItemLifecycleActions } from './item-lifecycle-actions.component.tsx';
import { registerApi } from './register.api.ts';
import { LevelTag, canKeepBooks, statusLabel } from './register.labels.tsx';

const ENVELOPE_MARK = { TUYET_MAT: 'A (hai lớp bì)', TOI_MAT: 'B', MAT: 'C' } as const;

/** One item (the server audits the reading; an item the person may not see answers "not found"). */
export function ItemDetailPage() {
  const { id = '' } = useParams();
  const { account } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { byId } = useUnits();
  const loaded = useLoad(() => registerApi.getItem(id), `item|${id}`);
  const people = useLoad(() => peopleApi.list({}), 'people|all');
  const timeline = useLoad(() => registerApi.timeline(id), `item-events|${id}`);
  const [handover, setHandover] = useState(false);
  const [version, setVersion] = useState(0);
  const refresh = () => {
    loaded.reload();
    timeline.reload();
    setVersion((v) => v + 1);
  };
  const item = loaded.data?.item;
  const personName = (personId: string | null) => {
    if (!personId) return '—';
    if (personId === account.personId) return account.fullName;
    return people.data?.people.find((p) => p.id === personId)?.fullName ?? '—';
  };

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/items')}>
      Danh sách tài liệu mật
    </Button>
  );
  if (loaded.loading && !item) return <Spin />;
  if (!item) return <Result status="404" title="Không tìm thấy tài liệu" subTitle={loaded.error ?? 'Tài liệu không tồn tại hoặc bạn không được xem.'} extra={back} />;

  const mayHandOver = item.custodianId === account.personId || canKeepBooks(account.roles);
  return (
    <>
      <Space style={{ marginBottom: 16 }}>{back}</Space>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {item.soKyHieu} <LevelTag level={item.level} />
      </Typography.Title>
      {item.status === 'RECEIVED_TAMPERED' && (
        <Alert type="error" showIcon title="Bì có dấu hiệu bóc mở, tráo đổi: đã báo cáo lãnh đạo để xử lý (R7.5d)." style={{ marginBottom: 16 }} />
      )}
      {item.status === 'RECEIVED_UNOPENED' && (
        <Alert type="warning" showIcon title="Bì “Chỉ người có tên mới được bóc bì”: chỉ vào sổ phần ghi ngoài bì, chuyển nguyên bì cho người có tên (R7.5b)." style={{ marginBottom: 16 }} />
      )}
      <Space wrap style={{ marginBottom: 16 }} data-testid="item-actions">
        <ItemActions item={item} onChanged={refresh} />
        {/* Extension, level adjustment, declassification, destruction, take-out and provision: item-lifecycle-actions.component.tsx goes here. */}
      </Space>
      <Card
        extra={
          mayHandOver && (
            <Button type="primary" icon={<SwapOutlined />} onClick={() => setHandover(true)} data-testid="item-handover">
              Chuyển giao
            </Button>
          )
        }
        title="Thông tin tài liệu, vật chứa bí mật nhà nước"
      >
        <Descriptions column={1} bordered size="middle" data-testid="item-detail" styles={{ label: { width: 240 } }}>
          <Descriptions.Item label="Số, ký hiệu">{item.soKyHieu}</Descriptions.Item>
          <Descriptions.Item label="Trích yếu">
            {item.trichYeu ?? (
              <Typography.Text type="secondary">
                {item.level === 'TUYET_MAT' ? 'Không ghi trích yếu đối với tài liệu Tuyệt mật (R7.2)' : 'Không ghi trích yếu'}
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="Độ mật">{LEVEL_LABELS[item.level]}</Descriptions.Item>
          <Descriptions.Item label="Dấu ký hiệu trên bì">{ENVELOPE_MARK[item.level]}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị quản lý">{byId.get(item.unitId)?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Người đang giữ">
            <span data-testid="item-custodian">{personName(item.custodianId)}</span>
          </Descriptions.Item>
          <Descriptions.Item label="Tình trạng">{statusLabel(item.status)}</Descriptions.Item>
          <Descriptions.Item label="Hình thức">{item.form ? (ITEM_FORM_LABELS[item.form as ItemForm] ?? item.form) : '—'}</Descriptions.Item>
          <Descriptions.Item label="Nơi gửi">{item.sender ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Ngày văn bản">{formatDate(item.documentDate) || '—'}</Descriptions.Item>
          <Descriptions.Item label="Số bản">{item.copies ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Nơi lưu giữ">{item.storageLocation ?? <Typography.Text type="warning">Chưa ghi nơi lưu giữ</Typography.Text>}</Descriptions.Item>
          <Descriptions.Item label="Thời hạn bảo vệ">{item.protectionEnd ? `Đến hết ngày ${formatDate(item.protectionEnd)}` : '—'}</Descriptions.Item>
          {item.recallDeadline && <Descriptions.Item label="Hạn thu hồi">{formatDate(item.recallDeadline)}</Descriptions.Item>}
          <Descriptions.Item label="Thời điểm đăng ký">{formatDateTime(item.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <ItemCopies item={item} version={version} onChanged={refresh} />
      <ItemLifecycleActions item={item} onChanged={refresh} />
      <Card title="Quá trình (không sửa, không xóa)" style={{ marginTop: 16 }} data-testid="item-timeline">
        <Timeline
          items={(timeline.data?.events ?? []).map((e) => ({
            key: e.id,
            children: (
              <>
                <Typography.Text strong>{e.label}</Typography.Text>
                {e.bookSerial !== null && <Typography.Text type="secondary"> — số {e.bookSerial}</Typography.Text>}
                <br />
                <Typography.Text type="secondary">
                  {formatDateTime(e.at)}
                  {e.actorName ? ` · ${e.actorName}` : ''}
                </Typography.Text>
              </>
            ),
          }))}
        />
      </Card>
      {handover && (
        <HandoverModal
          item={item}
          onClose={() => setHandover(false)}
          onDone={(serial) => {
            setHandover(false);
            void message.success(`Đã chuyển giao, ghi Sổ chuyển giao số ${serial}`);
            // Someone who held the item by custody alone may no longer see it.
            if (canKeepBooks(account.roles)) {
              loaded.reload();
              timeline.reload();
            }
            else navigate('/items');
          }}
        />
      )}
    </>
  );
}
