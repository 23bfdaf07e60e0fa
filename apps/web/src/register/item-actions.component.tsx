import { CheckOutlined, CopyOutlined, EnvironmentOutlined, MailOutlined, PrinterOutlined, SafetyCertificateOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { COPY_REQUEST_STATUS_LABELS, COPY_TYPE_LABELS, formatDateTime, registerOutgoingRequest, storageLocationRequest, type CopyRequestStatus, type CopyRequestSummary, type Item } from '@bmnn/contracts';
import type { Dayjs } from 'dayjs';
import { Alert, App, Button, Card, DatePicker, Form, Input, List, Modal, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../api/api.client.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { DATE_FORMAT, toIsoDate } from '../forms/dates.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { CopyExecuteModal, CopyRefuseModal, CopyRequestModal } from './copy-dialogs.component.tsx';
import { canKeepBooks } from './register.labels.tsx';
import { copiesApi, outgoingApi, storageApi } from './workflow.api.ts';

/** Statuses from which an original may be copied (as the server's copies module). */
const COPYABLE = ['DETERMINED', 'REGISTERED_OUT', 'SENT', 'RECEIVED'];
const COPY_STATUS_COLORS: Record<CopyRequestStatus, string> = { REQUESTED: 'processing', APPROVED: 'cyan', REFUSED: 'error', PARTLY_MADE: 'warning', DONE: 'success' };

/** The outgoing book line (R7.2): the number and date the document was issued with. */
function RegisterOutgoingModal({ item, onClose, onDone }: { item: Item; onClose: () => void; onDone: (answer: { bookSerial: number; envelopeMark: string }) => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const onFinish = async (values: { soKyHieu?: string; documentDate?: Dayjs | null }) => {
    setSaving(true);
    setFormError(undefined);
    const outcome = await submitForm({ form, schema: registerOutgoingRequest, values: { soKyHieu: values.soKyHieu, documentDate: toIsoDate(values.documentDate) }, send: (body) => outgoingApi.registerOutgoing(item.id, body) });
    setSaving(false);
    if (outcome.ok) onDone(outcome.result);
    else setFormError(outcome.message);
  };
  return (
    <Modal open title="Vào Sổ đăng ký bí mật nhà nước đi" okText="Vào sổ đi" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ 'data-testid': 'outgoing-submit' }}>
      <Typography.Paragraph type="secondary">Phải vào sổ đi trước khi gửi (R7.2). Dấu ký hiệu trên bì (A, B, C) được tính theo độ mật (R7.3).</Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="outgoing-error" />}
      <Form form={form} name="register-outgoing" layout="vertical" onFinish={onFinish}>
        <Form.Item label="Số, ký hiệu văn bản" name="soKyHieu" required rules={[zodRule(registerOutgoingRequest.shape.soKyHieu)]}>
          <Input placeholder="Ví dụ: 15/KH-STP" data-testid="outgoing-so-ky-hieu" />
        </Form.Item>
        <Form.Item label="Ngày văn bản" name="documentDate" required rules={[{ required: true, message: 'Ngày văn bản là bắt buộc' }]}>
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 240 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** R6.1: the storage place (room, cabinet, safe) of an item, recorded by the clerk or the head. */
function StorageLocationModal({ item, onClose, onDone }: { item: Item; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const onFinish = async (values: Record<string, unknown>) => {
    setSaving(true);
    setFormError(undefined);
    const outcome = await submitForm({ form, schema: storageLocationRequest, values, send: (body) => storageApi.setLocation(item.id, body) });
    setSaving(false);
    if (outcome.ok) onDone();
    else setFormError(outcome.message);
  };
  return (
    <Modal open title="Nơi lưu giữ" okText="Ghi nơi lưu giữ" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ 'data-testid': 'location-submit' }}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} name="storage-location" layout="vertical" onFinish={onFinish} initialValues={{ storageLocation: item.storageLocation ?? '' }}>
        <Form.Item label="Nơi lưu giữ (phòng, tủ, két)" name="storageLocation" required rules={[zodRule(storageLocationRequest.shape.storageLocation)]}>
          <Input placeholder="Ví dụ: Phòng văn thư, tủ sắt số 2, ngăn 1" data-testid="location-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Statuses of an item that is no longer kept here: nothing to store. */
const GONE = ['SENT', 'DESTROYED', 'DECLASSIFIED', 'LOST'];

/**
 * The workflow buttons of an item (copying R5.x, determination R4.1, outgoing book and sending
 * R7.2, envelope labels R7.3), shown by role and status; the server decides for real and its
 * Vietnamese message is shown when it refuses.
 */
export function ItemActions({ item, onChanged }: { item: Item; onChanged: () => void }) {
  const { account } = useSession();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'copy' | 'outgoing' | 'location'>();
  const isClerk = account.roles.includes('VAN_THU');
  const isHead = account.roles.includes('LANH_DAO');

  const run = async (action: () => Promise<string>) => {
    try {
      void message.success(await action());
      onChanged();
    } catch (error) {
      void message.error({ content: <span data-testid="action-error">{describeError(error)}</span>, duration: 8 });
    }
  };

  const determine = () =>
    modal.confirm({
      title: 'Xác định bí mật nhà nước và độ mật',
      content: 'Xác định tài liệu là bí mật nhà nước theo đề xuất, căn cứ danh mục đã dẫn (R4.1). Thời hạn bảo vệ được tính theo độ mật.',
      okText: 'Xác định',
      cancelText: 'Hủy',
      okButtonProps: { 'data-testid': 'determine-confirm' } as Record<string, string>,
      onOk: () => run(async () => `Đã xác định độ mật; ${(await outgoingApi.determine(item.id)).protectionLabel}`),
    });
  const send = () =>
    modal.confirm({
      title: 'Gửi tài liệu đi',
      content: 'Tài liệu đã vào sổ đi và được cho vào bì đúng quy định?',
      okText: 'Gửi',
      cancelText: 'Hủy',
      okButtonProps: { 'data-testid': 'send-confirm' } as Record<string, string>,
      onOk: () => run(async () => (await outgoingApi.send(item.id), 'Đã ghi nhận việc gửi tài liệu')),
    });

  const mayCopy = COPYABLE.includes(item.status) && !item.parentId;
  return (
    <>
      {mayCopy && (
        <Button icon={<CopyOutlined />} onClick={() => setDialog('copy')} data-testid="item-copy-request">
          Đề nghị sao, chụp
        </Button>
      )}
      {isHead && item.status === 'PROPOSED' && (
        <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={determine} data-testid="item-determine">
          Xác định độ mật
        </Button>
      )}
      {isClerk && item.status === 'DETERMINED' && (
        <Button icon={<MailOutlined />} onClick={() => setDialog('outgoing')} data-testid="item-register-outgoing">
          Vào sổ đi
        </Button>
      )}
      {isClerk && (item.status === 'DETERMINED' || item.status === 'REGISTERED_OUT') && (
        <Tooltip title={item.status === 'DETERMINED' ? 'Phải vào sổ đi trước khi gửi (R7.2)' : undefined}>
          <Button icon={<SendOutlined />} disabled={item.status !== 'REGISTERED_OUT'} onClick={send} data-testid="item-send">
            Gửi đi
          </Button>
        </Tooltip>
      )}
      {(item.status === 'REGISTERED_OUT' || item.status === 'SENT') && (
        <Button icon={<PrinterOutlined />} onClick={() => navigate(`/items/${item.id}/envelope`)} data-testid="item-envelope">
          In nhãn bì
        </Button>
      )}
      {canKeepBooks(account.roles) && !GONE.includes(item.status) && (
        <Button icon={<EnvironmentOutlined />} onClick={() => setDialog('location')} data-testid="item-location">
          {item.storageLocation ? 'Sửa nơi lưu giữ' : 'Ghi nơi lưu giữ'}
        </Button>
      )}
      {dialog === 'location' && (
        <StorageLocationModal
          item={item}
          onClose={() => setDialog(undefined)}
          onDone={() => {
            setDialog(undefined);
            void message.success('Đã ghi nơi lưu giữ');
            onChanged();
          }}
        />
      )}
      {dialog === 'copy' && (
        <CopyRequestModal
          item={item}
          onClose={() => setDialog(undefined)}
          onDone={() => {
            setDialog(undefined);
            void message.success('Đã gửi đề nghị sao, chụp; chờ lãnh đạo cho phép');
            onChanged();
          }}
        />
      )}
      {dialog === 'outgoing' && (
        <RegisterOutgoingModal
          item={item}
          onClose={() => setDialog(undefined)}
          onDone={(answer) => {
            setDialog(undefined);
            void message.success(`Đã vào Sổ đăng ký BMNN đi số ${answer.bookSerial}; dấu trên bì: ${answer.envelopeMark}`);
            onChanged();
          }}
        />
      )}
    </>
  );
}

function CopyRequestLine({ item, request, onChanged }: { item: Item; request: CopyRequestSummary; onChanged: () => void }) {
  const { account } = useSession();
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<'refuse' | 'execute'>();
  const mayDecide = account.roles.includes('LANH_DAO') && !request.requestedByMe && request.status === 'REQUESTED';
  const mayExecute = (account.roles.includes('VAN_THU') || request.requestedByMe) && (request.status === 'APPROVED' || request.status === 'PARTLY_MADE');

  const approve = () =>
    modal.confirm({
      title: `Cho phép sao, chụp ${request.requestedCount} bản?`,
      content: `${COPY_TYPE_LABELS[request.copyType]} ${item.soKyHieu}; nơi nhận: ${request.recipients.join('; ')}. Hệ thống kiểm tra thẩm quyền cho phép sao, chụp theo độ mật (R5.2, R5.3).`,
      okText: 'Cho phép',
      cancelText: 'Hủy',
      okButtonProps: { 'data-testid': 'copy-approve-confirm' } as Record<string, string>,
      onOk: async () => {
        try {
          await copiesApi.decide(request.id, { approve: true });
          void message.success('Đã cho phép sao, chụp');
          onChanged();
        } catch (error) {
          void message.error({ content: <span data-testid="action-error">{describeError(error)}</span>, duration: 8 });
        }
      },
    });

  return (
    <List.Item
      data-testid={`copy-request-${request.id}`}
      actions={[
        mayDecide && (
          <Button key="approve" type="primary" icon={<CheckOutlined />} onClick={approve} data-testid="copy-approve">
            Cho phép
          </Button>
        ),
        mayDecide && (
          <Button key="refuse" danger icon={<StopOutlined />} onClick={() => setDialog('refuse')} data-testid="copy-refuse">
            Không cho phép
          </Button>
        ),
        mayExecute && (
          <Button key="execute" type="primary" icon={<CopyOutlined />} onClick={() => setDialog('execute')} data-testid="copy-execute">
            Ghi kết quả sao, chụp
          </Button>
        ),
      ].filter(Boolean)}
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <span>
              {COPY_TYPE_LABELS[request.copyType]} {request.requestedCount} bản
            </span>
            <Tag color={COPY_STATUS_COLORS[request.status]} data-testid="copy-request-status">
              {COPY_REQUEST_STATUS_LABELS[request.status]}
            </Tag>
          </Space>
        }
        description={
          <>
            <div>
              Người đề nghị: {request.requestedByName ?? '—'} · {formatDateTime(request.createdAt)}
            </div>
            <div>Nơi nhận: {request.recipients.join('; ')} · Mục đích: {request.purpose}</div>
            {request.approvedByName && request.status !== 'REFUSED' && (
              <div>
                Lãnh đạo cho phép: {request.approvedByName} ({request.approvedCount} bản; đã sao, chụp {request.madeCount})
              </div>
            )}
            {request.status === 'REFUSED' && <Typography.Text type="danger">Không cho phép: {request.refusalReason}</Typography.Text>}
            {request.copies.length > 0 && (
              <Space wrap style={{ marginTop: 4 }} data-testid="copy-children">
                {request.copies.map((c) => (
                  <Link key={c.itemId} to={`/items/${c.itemId}`} data-testid={`copy-child-${c.copyNumber}`}>
                    <Tag color="geekblue">{c.label}</Tag>
                  </Link>
                ))}
              </Space>
            )}
          </>
        }
      />
      {dialog === 'refuse' && (
        <CopyRefuseModal
          request={request}
          onClose={() => setDialog(undefined)}
          onDone={() => {
            setDialog(undefined);
            void message.success('Đã ghi ý kiến không cho phép sao, chụp');
            onChanged();
          }}
        />
      )}
      {dialog === 'execute' && (
        <CopyExecuteModal
          item={item}
          request={request}
          onClose={() => setDialog(undefined)}
          onDone={(labels) => {
            setDialog(undefined);
            void message.success(`Đã ghi Sổ quản lý sao, chụp: ${labels.join(', ')}`);
            onChanged();
          }}
        />
      )}
    </List.Item>
  );
}

/**
 * "Sao, chụp": the requests on this item with their decisions and the numbered copies, linked;
 * on a copy, the original it was made from.
 */
export function ItemCopies({ item, version, onChanged }: { item: Item; version: number; onChanged: () => void }) {
  const requests = useLoad(() => (item.parentId ? Promise.resolve({ requests: [] }) : copiesApi.list({ itemId: item.id })), `copy-requests|${item.id}|${version}`);
  if (item.parentId) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginTop: 16 }}
        data-testid="copy-of"
        title={
          <span>
            Bản sao số {item.copyNumber} — được bảo vệ như bản chính (R5.4). <Link to={`/items/${item.parentId}`}>Xem bản gốc</Link>
          </span>
        }
      />
    );
  }
  const list = requests.data?.requests ?? [];
  if (list.length === 0 && !requests.error) return null;
  return (
    <Card title="Sao, chụp (Sổ quản lý sao, chụp)" style={{ marginTop: 16 }} data-testid="item-copies">
      {requests.error && <Alert type="error" showIcon title={requests.error} />}
      <List dataSource={list} renderItem={(r) => <CopyRequestLine key={r.id} item={item} request={r} onChanged={onChanged} />} />
    </Card>
  );
}

