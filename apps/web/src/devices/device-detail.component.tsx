import {
  CHECK_BODIES,
  CHECK_BODY_LABELS,
  CHECK_REASONS,
  CHECK_REASON_LABELS,
  CHECK_RESULT_LABELS,
  DEVICE_STATUS_LABELS,
  DEVICE_TYPE_LABELS,
  DEVICE_USE_LABELS,
  NETWORK_STATUS_LABELS,
  SANITISATION_KIND_LABELS,
  SANITISATION_KINDS,
  STATUSES_REQUIRING_SANITISATION,
  changeDeviceStatusRequest,
  formatDate,
  formatDateTime,
  recordDeviceCheckRequest,
  type DeviceStatus,
} from '@bmnn/contracts';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { devicesApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { DATE_FORMAT, toIsoDate, today } from '../forms/dates.ts';
import { submitForm } from '../forms/zod-form.ts';
import { DEVICE_STATUS_COLORS } from './device-colors.ts';

/** Allowed next statuses, as the server's DEVICE_TRANSITIONS (the server decides). */
const NEXT: Record<DeviceStatus, DeviceStatus[]> = {
  IN_STORE: ['IN_USE', 'REPAIR_EXTERNAL', 'REPURPOSED', 'DISPOSED'],
  IN_USE: ['IN_STORE', 'REPAIR_EXTERNAL', 'REPURPOSED', 'DISPOSED'],
  REPAIR_EXTERNAL: ['IN_STORE', 'IN_USE', 'DISPOSED'],
  REPURPOSED: ['DISPOSED'],
  DISPOSED: [],
};

export function DeviceDetailDrawer({ deviceId, canManage, onClose, onChanged }: { deviceId: string; canManage: boolean; onClose: () => void; onChanged: () => void }) {
  const detail = useLoad(() => devicesApi.get(deviceId), deviceId);
  const [dialog, setDialog] = useState<'check' | 'status' | null>(null);
  const d = detail.data?.device;
  const changed = () => {
    setDialog(null);
    detail.reload();
    onChanged();
  };
  return (
    <Drawer open size={760} title={d ? `${d.assetCode} — ${d.name}` : 'Thiết bị'} onClose={onClose} data-testid="device-drawer">
      {detail.error && <Alert type="error" showIcon title={detail.error} />}
      {d && (
        <>
          {canManage && d.status !== 'DISPOSED' && (
            <Space style={{ marginBottom: 16 }}>
              <Button onClick={() => setDialog('check')} data-testid="device-record-check">Ghi kết quả kiểm tra an ninh</Button>
              <Button type="primary" onClick={() => setDialog('status')} data-testid="device-change-status">Chuyển trạng thái</Button>
            </Space>
          )}
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="Loại">{DEVICE_TYPE_LABELS[d.type]}</Descriptions.Item>
            <Descriptions.Item label="Số sê-ri">{d.serial ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Vị trí">{d.location ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Người quản lý">{d.custodianName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Kết nối mạng">
              {NETWORK_STATUS_LABELS[d.networkStatus]}
              {d.everConnected && <Tag color="red" style={{ marginLeft: 8 }}>Đã từng kết nối mạng</Tag>}
            </Descriptions.Item>
            {d.coYeuProductRef && <Descriptions.Item label="Sản phẩm cơ yếu">{d.coYeuProductRef}</Descriptions.Item>}
            <Descriptions.Item label="Mục đích được phép">{d.approvedUses.map((u) => DEVICE_USE_LABELS[u]).join('; ') || '—'}</Descriptions.Item>
            <Descriptions.Item label="Trạng thái">
              <Tag color={DEVICE_STATUS_COLORS[d.status]} data-testid="device-status">{DEVICE_STATUS_LABELS[d.status]}</Tag>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>Kiểm tra an ninh, an toàn</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={detail.data?.checks ?? []}
            locale={{ emptyText: 'Chưa có lần kiểm tra nào' }}
            columns={[
              { key: 'on', title: 'Ngày', render: (_, c) => formatDate(c.checkedOn) },
              { key: 'body', title: 'Cơ quan kiểm tra', render: (_, c) => `${CHECK_BODY_LABELS[c.body]}${c.inspectorName ? ` (${c.inspectorName})` : ''}` },
              { key: 'reason', title: 'Lý do', render: (_, c) => CHECK_REASON_LABELS[c.reason] },
              { key: 'result', title: 'Kết quả', render: (_, c) => <Tag color={c.result === 'PASSED' ? 'green' : 'red'}>{CHECK_RESULT_LABELS[c.result]}</Tag> },
              { key: 'next', title: 'Hạn kiểm tra tiếp', render: (_, c) => formatDate(c.nextDue) || '—' },
              { key: 'ref', title: 'Biên bản', render: (_, c) => c.reportRef ?? '—' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>Lịch sử trạng thái</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={detail.data?.statusChanges ?? []}
            columns={[
              { key: 'date', title: 'Ngày', render: (_, c) => formatDate(c.effectiveDate) },
              { key: 'to', title: 'Trạng thái', render: (_, c) => DEVICE_STATUS_LABELS[c.toStatus] },
              { key: 'reason', title: 'Lý do', render: (_, c) => c.reason ?? '—' },
              {
                key: 'sanitisation',
                title: 'Xóa bỏ BMNN / tiêu hủy',
                render: (_, c) => (c.sanitisation ? `${SANITISATION_KIND_LABELS[c.sanitisation.kind]}: ${c.sanitisation.method}; chứng kiến: ${c.sanitisation.witnesses.join(', ')}` : '—'),
              },
              { key: 'at', title: 'Ghi lúc', render: (_, c) => formatDateTime(c.at) },
            ]}
          />
          {dialog === 'check' && <CheckModal deviceId={d.id} onClose={() => setDialog(null)} onSaved={changed} />}
          {dialog === 'status' && <StatusModal deviceId={d.id} current={d.status} onClose={() => setDialog(null)} onSaved={changed} />}
        </>
      )}
    </Drawer>
  );
}

function CheckModal({ deviceId, onClose, onSaved }: { deviceId: string; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const { message } = App.useApp();
  const onFinish = async (v: { body: string; inspectorName?: string; reason: string; checkedOn?: Dayjs; result: string; nextDue?: Dayjs; reportRef?: string }) => {
    setSaving(true);
    const values = { ...v, inspectorName: v.inspectorName || null, reportRef: v.reportRef || null, checkedOn: toIsoDate(v.checkedOn), nextDue: toIsoDate(v.nextDue) ?? null };
    const outcome = await submitForm({ form, schema: recordDeviceCheckRequest, values, send: (b) => devicesApi.recordCheck(deviceId, b) });
    setSaving(false);
    if (outcome.ok) {
      message.success('Đã ghi kết quả kiểm tra');
      onSaved();
    } else setFormError(outcome.message);
  };
  return (
    <Modal open title="Ghi kết quả kiểm tra an ninh, an toàn" okText="Ghi" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ 'data-testid': 'check-form-submit' }}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ body: 'CONG_AN_TINH', reason: 'BEFORE_USE', result: 'PASSED', checkedOn: today() }} onFinish={onFinish}>
        <Form.Item label="Cơ quan kiểm tra" name="body" required>
          <Select options={CHECK_BODIES.map((b) => ({ value: b, label: CHECK_BODY_LABELS[b] }))} />
        </Form.Item>
        <Form.Item label="Người kiểm tra" name="inspectorName">
          <Input />
        </Form.Item>
        <Form.Item label="Lý do kiểm tra" name="reason" required>
          <Select options={CHECK_REASONS.map((r) => ({ value: r, label: CHECK_REASON_LABELS[r] }))} />
        </Form.Item>
        <Form.Item label="Ngày kiểm tra" name="checkedOn" required>
          <DatePicker format={DATE_FORMAT} data-testid="check-date" />
        </Form.Item>
        <Form.Item label="Kết quả" name="result" required>
          <Select options={[{ value: 'PASSED', label: 'Đạt' }, { value: 'FAILED', label: 'Không đạt' }]} />
        </Form.Item>
        <Form.Item label="Hạn kiểm tra tiếp theo" name="nextDue">
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label="Số biên bản kiểm tra" name="reportRef">
          <Input data-testid="check-report-ref" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function StatusModal({ deviceId, current, onClose, onSaved }: { deviceId: string; current: DeviceStatus; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const { message } = App.useApp();
  const status = Form.useWatch('status', form) as DeviceStatus | undefined;
  const needsWipe = !!status && STATUSES_REQUIRING_SANITISATION.includes(status);
  const onFinish = async (v: { status: DeviceStatus; effectiveDate?: Dayjs; reason?: string; kind?: string; method?: string; performedOn?: Dayjs; witnesses?: string; destructionRef?: string }) => {
    setSaving(true);
    const values = {
      status: v.status,
      effectiveDate: toIsoDate(v.effectiveDate),
      reason: v.reason || null,
      sanitisation: needsWipe
        ? { kind: v.kind, method: v.method ?? '', performedOn: toIsoDate(v.performedOn), witnesses: (v.witnesses ?? '').split(/[;\n]/).map((w) => w.trim()).filter(Boolean), destructionRef: v.destructionRef || null }
        : null,
    };
    const outcome = await submitForm({ form, schema: changeDeviceStatusRequest, values, send: (b) => devicesApi.changeStatus(deviceId, b) });
    setSaving(false);
    if (outcome.ok) {
      message.success('Đã chuyển trạng thái thiết bị');
      onSaved();
    } else setFormError(outcome.message);
  };
  return (
    <Modal open title="Chuyển trạng thái thiết bị" okText="Chuyển" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ 'data-testid': 'status-form-submit' }} width={600}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="status-form-error" />}
      <Form form={form} layout="vertical" initialValues={{ effectiveDate: today(), kind: 'WIPE', performedOn: today() }} onFinish={onFinish}>
        <Form.Item label="Trạng thái mới" name="status" required rules={[{ required: true, message: 'Chọn trạng thái' }]}>
          <Select data-testid="status-select" options={NEXT[current].map((s) => ({ value: s, label: DEVICE_STATUS_LABELS[s] }))} />
        </Form.Item>
        <Form.Item label="Ngày" name="effectiveDate" required>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label="Lý do" name="reason">
          <Input />
        </Form.Item>
        {needsWipe && (
          <>
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="Trước khi sửa chữa bên ngoài, chuyển mục đích sử dụng hoặc thanh lý phải xóa bỏ bí mật nhà nước hoặc tiêu hủy bộ phận lưu trữ, có người chứng kiến." />
            <Form.Item label="Hình thức" name="kind" required>
              <Select options={SANITISATION_KINDS.map((k) => ({ value: k, label: SANITISATION_KIND_LABELS[k] }))} />
            </Form.Item>
            <Form.Item label="Phương pháp" name="method" required>
              <Input.TextArea rows={2} data-testid="wipe-method" />
            </Form.Item>
            <Form.Item label="Ngày thực hiện" name="performedOn" required>
              <DatePicker format={DATE_FORMAT} />
            </Form.Item>
            <Form.Item label="Người chứng kiến (mỗi người một dòng)" name="witnesses" required>
              <Input.TextArea rows={2} data-testid="wipe-witnesses" />
            </Form.Item>
            <Form.Item label="Số biên bản tiêu hủy" name="destructionRef">
              <Input />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
