import { CLEARANCES, CLEARANCE_LABELS, createPersonRequest, updatePersonRequest, type Person, type Unit } from '@bmnn/contracts';
import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { peopleApi } from '../api/api.endpoints.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { UnitSelect } from '../units/unit-select.component.tsx';

const fields = createPersonRequest.shape;
const CLEARANCE_OPTIONS = CLEARANCES.map((c) => ({ value: c, label: CLEARANCE_LABELS[c] }));

type Values = {
  fullName?: string;
  position?: string;
  unitId?: string | null;
  handlesSecrets?: boolean;
  clearance?: string;
  isKeyPost?: boolean;
};

/** Creates a person in a unit, or edits `person`. */
export function PersonFormModal({ person, unitId, units, onClose, onSaved }: {
  person?: Person;
  unitId?: string;
  units: readonly Unit[];
  onClose: () => void;
  onSaved: (person: Person) => void;
}) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();

  const initialValues: Values = person
    ? { ...person, position: person.position ?? '' }
    : { unitId: unitId ?? null, handlesSecrets: false, clearance: 'NONE', isKeyPost: false };

  const onFinish = async (values: Values) => {
    setSaving(true);
    setFormError(undefined);
    const body = { ...values, unitId: values.unitId ?? undefined };
    const outcome = person
      ? await submitForm({ form, schema: updatePersonRequest, values: body, send: (b) => peopleApi.update(person.id, b) })
      : await submitForm({ form, schema: createPersonRequest, values: body, send: peopleApi.create });
    setSaving(false);
    if (outcome.ok) onSaved(outcome.result.person);
    else setFormError(outcome.message);
  };

  return (
    <Modal
      open
      title={person ? `Sửa thông tin: ${person.fullName}` : 'Thêm cán bộ, nhân viên'}
      okText={person ? 'Lưu' : 'Thêm'}
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'person-form-submit' }}
      width={560}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form form={form} name="person" layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        <Form.Item label="Họ và tên" name="fullName" required rules={[zodRule(fields.fullName)]}>
          <Input />
        </Form.Item>
        <Form.Item label="Chức vụ" name="position" rules={[zodRule(fields.position)]}>
          <Input />
        </Form.Item>
        <Form.Item label="Đơn vị" name="unitId" required rules={[{ required: true, message: 'Chọn đơn vị' }]}>
          <UnitSelect units={units} testId="person-unit" />
        </Form.Item>
        <Form.Item label="Mức được tiếp cận bí mật nhà nước" name="clearance" required>
          <Select options={CLEARANCE_OPTIONS} />
        </Form.Item>
        <Form.Item name="handlesSecrets" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox data-testid="person-handles-secrets">Làm công tác bảo vệ bí mật nhà nước</Checkbox>
        </Form.Item>
        <Form.Item name="isKeyPost" valuePropName="checked" style={{ marginBottom: 8 }}>
          <Checkbox>Giữ vị trí thiết yếu, cơ mật</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
