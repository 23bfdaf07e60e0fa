import { CLEARANCE_LABELS, CLEARANCE_RANK, LEVEL_LABELS, LEVEL_RANK, handOverRequest, type Item, type Person } from '@bmnn/contracts';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { peopleApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { useUnits } from '../units/units.hooks.ts';
import { registerApi } from './register.api.ts';

const fields = handOverRequest.shape;

/**
 * "Chuyển giao" (R7.4): the item goes to a person cleared for its level; the movement becomes a
 * line of the handover book with both parties. People not cleared are listed but cannot be picked.
 */
export function HandoverModal({ item, onClose, onDone }: { item: Item; onClose: () => void; onDone: (bookSerial: number) => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const people = useLoad(() => peopleApi.list({}), 'people|all');
  const { byId } = useUnits();

  const options = useMemo(
    () =>
      (people.data?.people ?? [])
        .filter((p: Person) => p.id !== item.custodianId)
        .map((p: Person) => {
          const cleared = CLEARANCE_RANK[p.clearance] >= LEVEL_RANK[item.level];
          const unit = byId.get(p.unitId)?.name;
          const label = [p.fullName, p.position, unit].filter(Boolean).join(' — ');
          return {
            value: p.id,
            label: cleared ? label : `${label} (mức tiếp cận: ${CLEARANCE_LABELS[p.clearance]} — chưa đủ)`,
            title: p.fullName,
            disabled: !cleared,
          };
        }),
    [people.data, item, byId],
  );

  const onFinish = async (values: Record<string, unknown>) => {
    setSaving(true);
    setFormError(undefined);
    const outcome = await submitForm({ form, schema: handOverRequest, values, send: (body) => registerApi.handOver(item.id, body) });
    setSaving(false);
    if (outcome.ok) onDone(outcome.result.bookSerial);
    else setFormError(outcome.message);
  };

  return (
    <Modal
      open
      title={`Chuyển giao ${item.soKyHieu}`}
      okText="Chuyển giao và ghi sổ"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'handover-submit' }}
      width={600}
    >
      <Typography.Paragraph type="secondary">
        Việc chuyển giao được ghi vào Sổ chuyển giao bí mật nhà nước, có người giao và người nhận. Chỉ chọn được người có mức
        được tiếp cận từ {LEVEL_LABELS[item.level]} trở lên.
      </Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="handover-error" />}
      {people.error && <Alert type="error" showIcon title={people.error} style={{ marginBottom: 16 }} />}
      <Form form={form} name="handover" layout="vertical" onFinish={onFinish}>
        <Form.Item label="Người nhận" name="toPersonId" required rules={[{ required: true, message: 'Chọn người nhận' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={people.loading} placeholder="Chọn người nhận" options={options} data-testid="handover-person" />
        </Form.Item>
        <Form.Item label="Ghi chú" name="note" rules={[zodRule(fields.note)]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
