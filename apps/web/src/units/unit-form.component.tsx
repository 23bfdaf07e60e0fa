import {
  CREATABLE_UNIT_KINDS,
  UNIT_KIND_LABELS,
  createUnitRequest,
  foldForSearch,
  updateUnitRequest,
  type Unit,
} from '@bmnn/contracts';
import { Alert, Checkbox, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { unitsApi } from '../api/api.endpoints.ts';
import { DATE_FORMAT, toIsoDate, today } from '../forms/dates.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { UnitSelect } from './unit-select.component.tsx';

const fields = createUnitRequest.shape;
const KIND_OPTIONS = CREATABLE_UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }));

type FormValues = {
  code?: string;
  name?: string;
  kind?: string;
  parentId?: string | null;
  validFrom?: Dayjs | null;
  isKeyPost?: boolean;
  note?: string;
};

/** Only the fields that differ from the unit: a legacy district keeps its kind untouched. */
function changedFields(unit: Unit, values: FormValues): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  if (values.code !== unit.code) changes.code = values.code;
  if (values.name !== unit.name) changes.name = values.name;
  if (values.kind !== unit.kind) changes.kind = values.kind;
  if (values.isKeyPost !== unit.isKeyPost) changes.isKeyPost = values.isKeyPost;
  if ((values.note ?? '') !== (unit.note ?? '')) changes.note = values.note ?? '';
  return changes;
}

/** Creates a unit (under `parentId`) or edits `unit`. */
export function UnitFormModal({ unit, parentId, units, onClose, onSaved }: {
  unit?: Unit;
  parentId?: string | null;
  units: readonly Unit[];
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const isEdit = unit !== undefined;

  const initialValues: FormValues = unit
    ? { code: unit.code, name: unit.name, kind: unit.kind, isKeyPost: unit.isKeyPost, note: unit.note ?? '' }
    : { parentId: parentId ?? null, validFrom: today(), isKeyPost: false };

  const onFinish = async (values: FormValues) => {
    setSaving(true);
    setFormError(undefined);
    const outcome = unit
      ? await submitForm({
          form,
          schema: updateUnitRequest,
          values: changedFields(unit, values),
          send: (body) => unitsApi.update(unit.id, body),
        })
      : await submitForm({
          form,
          schema: createUnitRequest,
          values: { ...values, parentId: values.parentId ?? null, validFrom: toIsoDate(values.validFrom) },
          send: unitsApi.create,
        });
    setSaving(false);
    if (outcome.ok) onSaved(outcome.result.unit);
    else setFormError(outcome.message);
  };

  return (
    <Modal
      open
      title={isEdit ? `Sửa đơn vị: ${unit.name}` : 'Thêm đơn vị'}
      okText={isEdit ? 'Lưu' : 'Thêm'}
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'unit-form-submit' }}
      width={560}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form form={form} name="unit" layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        <Form.Item label="Tên đơn vị" name="name" required rules={[zodRule(fields.name)]}>
          <Input />
        </Form.Item>
        <Form.Item label="Mã đơn vị" name="code" required rules={[zodRule(fields.code)]}>
          <Input />
        </Form.Item>
        <Form.Item label="Loại đơn vị" name="kind" required rules={[{ required: true, message: 'Chọn loại đơn vị' }]}>
          <Select
            options={KIND_OPTIONS}
            placeholder="Chọn loại đơn vị"
            showSearch={{ filterOption: (input, option) => foldForSearch(option?.label ?? '').includes(foldForSearch(input)) }}
          />
        </Form.Item>
        {!isEdit && (
          <>
            <Form.Item label="Đơn vị cấp trên" name="parentId">
              <UnitSelect units={units} allowClear placeholder="Không có (đơn vị gốc)" />
            </Form.Item>
            <Form.Item label="Hiệu lực từ ngày" name="validFrom">
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="isKeyPost" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>Bộ phận, vị trí thiết yếu, cơ mật</Checkbox>
        </Form.Item>
        <Form.Item label="Ghi chú" name="note" rules={[zodRule(fields.note)]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
