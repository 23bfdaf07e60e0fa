import { defunctUnitRequest, moveUnitRequest, type Unit } from '@bmnn/contracts';
import { Alert, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { unitsApi } from '../api/api.endpoints.ts';
import { DATE_FORMAT, toIsoDate, today } from '../forms/dates.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { UnitSelect } from './unit-select.component.tsx';
import { getDescendantIds } from './unit-tree.ts';

type Props = {
  unit: Unit;
  units: readonly Unit[];
  onClose: () => void;
  onSaved: (unit: Unit) => void;
};

/** Moves a unit under another parent from an effective date; its history is kept. */
export function UnitMoveModal({ unit, units, onClose, onSaved }: Props) {
  const [form] = Form.useForm<{ parentId?: string | null; effectiveDate?: Dayjs | null }>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const forbidden = useMemo(() => new Set([unit.id, ...getDescendantIds(units, unit.id)]), [unit.id, units]);

  const onFinish = async (values: { parentId?: string | null; effectiveDate?: Dayjs | null }) => {
    setSaving(true);
    setFormError(undefined);
    const outcome = await submitForm({
      form,
      schema: moveUnitRequest,
      values: { parentId: values.parentId ?? undefined, effectiveDate: toIsoDate(values.effectiveDate) },
      send: (body) => unitsApi.move(unit.id, body),
    });
    setSaving(false);
    if (outcome.ok) onSaved(outcome.result.unit);
    else setFormError(outcome.message);
  };

  return (
    <Modal
      open
      title={`Chuyển đơn vị: ${unit.name}`}
      okText="Chuyển"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'unit-move-submit' }}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form
        form={form}
        name="unit-move"
        layout="vertical"
        initialValues={{ parentId: unit.parentId, effectiveDate: today() }}
        onFinish={onFinish}
       
      >
        <Form.Item label="Đơn vị cấp trên mới" name="parentId" required rules={[{ required: true, message: 'Chọn đơn vị cấp trên mới' }]}>
          <UnitSelect units={units} disabledIds={forbidden} />
        </Form.Item>
        <Form.Item label="Ngày có hiệu lực" name="effectiveDate" required rules={[{ required: true, message: 'Chọn ngày có hiệu lực' }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Marks a unit defunct (giải thể, sáp nhập) from an effective date, with the unit that takes
 * over its work; the old name stays searchable.
 */
export function UnitDefunctModal({ unit, units, onClose, onSaved }: Props) {
  type Values = { successorId?: string | null; effectiveDate?: Dayjs | null; reason?: string };
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const self = useMemo(() => new Set([unit.id]), [unit.id]);

  const onFinish = async (values: Values) => {
    setSaving(true);
    setFormError(undefined);
    const outcome = await submitForm({
      form,
      schema: defunctUnitRequest,
      values: {
        successorId: values.successorId ?? null,
        effectiveDate: toIsoDate(values.effectiveDate),
        reason: values.reason || undefined,
      },
      send: (body) => unitsApi.markDefunct(unit.id, body),
    });
    setSaving(false);
    if (outcome.ok) onSaved(outcome.result.unit);
    else setFormError(outcome.message);
  };

  return (
    <Modal
      open
      title={`Giải thể, sáp nhập: ${unit.name}`}
      okText="Xác nhận"
      okButtonProps={{ danger: true, 'data-testid': 'unit-defunct-submit' }}
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        Đơn vị sẽ thôi hoạt động từ ngày có hiệu lực. Tên cũ vẫn tìm được và lịch sử được giữ nguyên.
      </Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form form={form} name="unit-defunct" layout="vertical" initialValues={{ effectiveDate: today() }} onFinish={onFinish}>
        <Form.Item label="Đơn vị kế thừa" name="successorId" extra="Để trống nếu không có đơn vị kế thừa.">
          <UnitSelect units={units} disabledIds={self} allowClear placeholder="Không có" />
        </Form.Item>
        <Form.Item label="Ngày có hiệu lực" name="effectiveDate" required rules={[{ required: true, message: 'Chọn ngày có hiệu lực' }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="Lý do" name="reason" rules={[zodRule(defunctUnitRequest.shape.reason)]}>
          <Input.TextArea rows={2} placeholder="Ví dụ: Sáp nhập theo Nghị quyết số …" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
