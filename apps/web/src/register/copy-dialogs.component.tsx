import { COPY_TYPES, COPY_TYPE_LABELS, copyDecisionRequest, copyExecutionRequest, copyRequestRequest, type CopyRequestSummary, type Item } from '@bmnn/contracts';
import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useLoad } from '../api/api.hooks.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { copiesApi } from './workflow.api.ts';

const requestFields = copyRequestRequest.shape;
const executionFields = copyExecutionRequest.shape;

/** The devices of a unit that are in use and approved for a use (copying R5.5, drafting R12.1); the server checks again. */
export function useApprovedDevices(unitId: string, use: 'COPY' | 'DRAFT_STORE' = 'COPY') {
  const devices = useLoad(() => copiesApi.devices(unitId, use), `devices|${use}|${unitId}`);
  const options = (devices.data?.devices ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.assetCode})`, title: d.name }));
  return { devices, options };
}

/**
 * "Đề nghị sao, chụp" (R5.1–R5.3): type, number of copies, recipients and purpose. A head who is not
 * the requester decides; an item determined "không được phép sao, chụp" is refused at once (R5.8).
 */
export function CopyRequestModal({ item, onClose, onDone }: { item: Item; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const { devices, options } = useApprovedDevices(item.unitId);

  const onFinish = async (values: Record<string, unknown>) => {
    setSaving(true);
    setFormError(undefined);
    const outcome = await submitForm({ form, schema: copyRequestRequest, values, send: (body) => copiesApi.request(item.id, body) });
    setSaving(false);
    if (outcome.ok) onDone();
    else setFormError(outcome.message);
  };

  return (
    <Modal
      open
      title={`Đề nghị sao, chụp ${item.soKyHieu}`}
      okText="Gửi đề nghị cho lãnh đạo"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'copy-request-submit' }}
      width={620}
    >
      <Typography.Paragraph type="secondary">
        Lãnh đạo có thẩm quyền (không phải người đề nghị) cho phép sao, chụp. Bản sao được bảo vệ như bản chính, cùng độ mật và thời hạn bảo vệ (R5.4).
      </Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="copy-request-error" />}
      {!devices.loading && options.length === 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="copy-no-device" title="Đơn vị chưa có thiết bị đang sử dụng được phê duyệt để sao, chụp bí mật nhà nước (R5.5): sau khi được cho phép vẫn chưa ghi được kết quả." />
      )}
      <Form form={form} name="copy-request" layout="vertical" onFinish={onFinish} initialValues={{ copyType: 'SAO_Y', count: 1, recipients: [] }}>
        <Form.Item label="Hình thức sao, chụp" name="copyType" required rules={[zodRule(requestFields.copyType)]}>
          <Select options={COPY_TYPES.map((t) => ({ value: t, label: COPY_TYPE_LABELS[t], title: COPY_TYPE_LABELS[t] }))} data-testid="copy-type" />
        </Form.Item>
        <Form.Item label="Số bản sao, chụp" name="count" required rules={[zodRule(requestFields.count)]}>
          <InputNumber min={1} max={1000} style={{ width: 160 }} data-testid="copy-count" />
        </Form.Item>
        <Form.Item label="Nơi nhận bản sao" name="recipients" required rules={[zodRule(requestFields.recipients)]} extra="Gõ tên nơi nhận rồi nhấn Enter; có thể ghi nhiều nơi nhận.">
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[';']} placeholder="Ví dụ: Phòng Tổ chức cán bộ" data-testid="copy-recipients" />
        </Form.Item>
        <Form.Item label="Mục đích" name="purpose" required rules={[zodRule(requestFields.purpose)]}>
          <Input.TextArea rows={2} data-testid="copy-purpose" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The head refuses a copy request, with the reason the requester will read. */
export function CopyRefuseModal({ request, onClose, onDone }: { request: CopyRequestSummary; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const onFinish = async (values: { reason?: string }) => {
    setSaving(true);
    setFormError(undefined);
    const outcome = await submitForm({ form, schema: copyDecisionRequest, values: { approve: false, reason: values.reason }, send: (body) => copiesApi.decide(request.id, body) });
    setSaving(false);
    if (outcome.ok) onDone();
    else setFormError(outcome.message);
  };
  return (
    <Modal open title="Không cho phép sao, chụp" okText="Không cho phép" okButtonProps={{ danger: true, 'data-testid': 'copy-refuse-submit' }} cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} name="copy-refuse" layout="vertical" onFinish={onFinish}>
        <Form.Item label="Lý do từ chối" name="reason" required rules={[{ required: true, message: 'Lý do từ chối là bắt buộc' }]}>
          <Input.TextArea rows={3} data-testid="copy-refuse-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * "Ghi kết quả sao, chụp" (R5.4–R5.7): on an approved offline device, at most the permitted number;
 * spoiled copies must be destroyed at once. Each copy becomes an item numbered "Bản sao số n".
 */
export function CopyExecuteModal({ item, request, onClose, onDone }: { item: Item; request: CopyRequestSummary; onClose: () => void; onDone: (labels: string[]) => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const { devices, options } = useApprovedDevices(item.unitId);
  const spoiled = Form.useWatch('spoiledCount', form) as number | undefined;
  const remaining = (request.approvedCount ?? 0) - request.madeCount;

  const onFinish = async (values: Record<string, unknown>) => {
    setSaving(true);
    setFormError(undefined);
    const outcome = await submitForm({ form, schema: copyExecutionRequest, values, send: (body) => copiesApi.execute(request.id, body) });
    setSaving(false);
    if (outcome.ok) onDone(outcome.result.copies.map((c) => c.label));
    else setFormError(outcome.message);
  };

  return (
    <Modal
      open
      title={`Ghi kết quả sao, chụp ${item.soKyHieu}`}
      okText="Ghi sổ sao, chụp"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'copy-execute-submit' }}
      width={620}
    >
      <Typography.Paragraph type="secondary">
        Lãnh đạo đã cho phép {request.approvedCount} bản ({COPY_TYPE_LABELS[request.copyType]}); còn được sao, chụp {remaining} bản. Mỗi bản được đánh số “Bản sao số …” và ghi vào Sổ quản lý sao, chụp.
      </Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="copy-execute-error" />}
      {devices.error && <Alert type="error" showIcon title={devices.error} style={{ marginBottom: 16 }} />}
      <Form form={form} name="copy-execute" layout="vertical" onFinish={onFinish} initialValues={{ madeCount: remaining, spoiledCount: 0, spoiledDestroyedCount: 0 }}>
        <Form.Item label="Thiết bị sao, chụp" name="deviceId" required rules={[zodRule(executionFields.deviceId)]} extra="Chỉ thiết bị không kết nối Internet, mạng, đã được phê duyệt sao, chụp bí mật nhà nước (R5.5).">
          <Select options={options} loading={devices.loading} placeholder="Chọn thiết bị" notFoundContent="Không có thiết bị được phê duyệt sao, chụp" data-testid="copy-device" />
        </Form.Item>
        <Form.Item label="Số bản đã sao, chụp" name="madeCount" required rules={[zodRule(executionFields.madeCount)]}>
          <InputNumber min={1} max={1000} style={{ width: 160 }} data-testid="copy-made" />
        </Form.Item>
        <Form.Item label="Số bản hỏng" name="spoiledCount" rules={[zodRule(executionFields.spoiledCount)]}>
          <InputNumber min={0} max={1000} style={{ width: 160 }} data-testid="copy-spoiled" />
        </Form.Item>
        <Form.Item
          label="Số bản hỏng đã tiêu hủy ngay"
          name="spoiledDestroyedCount"
          hidden={!spoiled}
          rules={[zodRule(executionFields.spoiledDestroyedCount)]}
          extra="Bản thừa, bản hỏng phải tiêu hủy ngay (R5.4)."
        >
          <InputNumber min={0} max={1000} style={{ width: 160 }} data-testid="copy-spoiled-destroyed" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
