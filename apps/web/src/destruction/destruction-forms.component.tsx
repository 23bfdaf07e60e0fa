// The destruction record's fields (LEGAL.md R10.2: method, place, witnesses, "cannot be
// restored") shared by the ordinary path and the emergency path (R10.1 b, R10.3).
import { DESTRUCTION_METHODS, DESTRUCTION_METHOD_LABELS, destructionExecutionRequest, emergencyDestructionRequest, formatDateTime, type Item } from '@bmnn/contracts';
import { Alert, Checkbox, Form, Input, Select, Typography } from 'antd';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { DecisionModal, useSubmit, type Done } from '../register/period-decisions.component.tsx';
import { destructionApi } from './destruction.api.ts';

const fields = destructionExecutionRequest.shape;

export function ExecutionFields() {
  return (
    <>
      <Form.Item label="Phương pháp tiêu hủy" name="method" required rules={[zodRule(fields.method)]}>
        <Select options={DESTRUCTION_METHODS.map((m) => ({ value: m, label: DESTRUCTION_METHOD_LABELS[m], title: DESTRUCTION_METHOD_LABELS[m] }))} data-testid="execution-method" />
      </Form.Item>
      <Form.Item label="Địa điểm tiêu hủy" name="place" required rules={[zodRule(fields.place)]}>
        <Input data-testid="execution-place" />
      </Form.Item>
      <Form.Item label="Người chứng kiến" name="witnesses" required rules={[zodRule(fields.witnesses)]} extra="Gõ họ tên rồi nhấn Enter; có thể ghi nhiều người">
        <Select mode="tags" tokenSeparators={[";"]} notFoundContent={null} data-testid="execution-witnesses" />
      </Form.Item>
      <Form.Item name="irrecoverable" valuePropName="checked" rules={[zodRule(fields.irrecoverable)]}>
        <Checkbox data-testid="execution-irrecoverable">Tài liệu, vật chứa sau khi tiêu hủy không thể khôi phục hình dạng, tính năng, tác dụng, nội dung (R10.2)</Checkbox>
      </Form.Item>
    </>
  );
}

/** The form values as destructionExecutionRequest expects them. */
export function toExecution(values: Record<string, unknown>) {
  return { method: values.method, place: values.place, witnesses: values.witnesses ?? [], irrecoverable: values.irrecoverable === true ? true : undefined };
}

/**
 * R10.1(b), R10.3: the person managing the item destroys it at once when keeping it would harm
 * national interests; the written report to the head is then due immediately.
 */
export function EmergencyDestructionModal({ items, onClose, onDone }: { items: Item[]; onClose: () => void; onDone: (d: Done) => void }) {
  const [form] = Form.useForm();
  const { saving, error, submit } = useSubmit(
    (values) =>
      submitForm({
        form,
        schema: emergencyDestructionRequest,
        values: { ...toExecution(values), unitId: items[0]?.unitId, itemIds: items.map((i) => i.id), circumstances: values.circumstances },
        send: (body) => destructionApi.emergency(body),
      }),
    (r) => onDone({ message: `Đã ghi biên bản tiêu hủy khẩn cấp. Phải báo cáo bằng văn bản ngay cho người đứng đầu (hạn chót ${formatDateTime(r.reportDue)})` }),
  );
  return (
    <DecisionModal title="Tiêu hủy khẩn cấp (R10.1 b)" okText="Ghi biên bản tiêu hủy" testId="emergency" saving={saving} error={error} onOk={() => form.submit()} onCancel={onClose}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="Chỉ dùng khi không tiêu hủy ngay sẽ gây nguy hại cho lợi ích quốc gia. Người đang trực tiếp quản lý quyết định và phải báo cáo bằng văn bản ngay cho người đứng đầu (R10.3)."
      />
      <Typography.Paragraph>Tài liệu: <strong>{items.map((i) => i.soKyHieu).join(', ')}</strong></Typography.Paragraph>
      <Form form={form} name="emergency" layout="vertical" onFinish={submit}>
        <Form.Item label="Lý do cấp bách" name="circumstances" required rules={[zodRule(emergencyDestructionRequest.shape.circumstances)]}>
          <Input.TextArea rows={2} data-testid="emergency-circumstances" />
        </Form.Item>
        <ExecutionFields />
      </Form>
    </DecisionModal>
  );
}
