import { DEVICE_TYPE_LABELS, DEVICE_TYPES, DEVICE_USE_LABELS, DEVICE_USES, NETWORK_STATUS_LABELS, NETWORK_STATUSES, createDeviceRequest, type Device, type Unit } from '@bmnn/contracts';
import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { devicesApi, peopleApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { UnitSelect } from '../units/unit-select.component.tsx';

const fields = createDeviceRequest.shape;

type Values = {
  unitId?: string;
  assetCode?: string;
  name?: string;
  type?: string;
  serial?: string;
  location?: string;
  custodianId?: string;
  networkStatus?: string;
  everConnected?: boolean;
  coYeuProductRef?: string;
  approvedUses?: string[];
  note?: string;
};

/** Registers a device; it starts "in store" until a security check lets it be used (R12.2). */
export function DeviceFormModal({ units, defaultUnitId, onClose, onSaved }: { units: readonly Unit[]; defaultUnitId: string; onClose: () => void; onSaved: (device: Device) => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const unitId = Form.useWatch('unitId', form) ?? defaultUnitId;
  const type = Form.useWatch('type', form);
  const people = useLoad(() => peopleApi.list({ unitId }), unitId);

  const onFinish = async (values: Values) => {
    setSaving(true);
    setFormError(undefined);
    const body = { ...values, serial: values.serial || null, location: values.location || null, custodianId: values.custodianId || null, coYeuProductRef: values.coYeuProductRef || null, note: values.note || null };
    const outcome = await submitForm({ form, schema: createDeviceRequest, values: body, send: devicesApi.create });
    setSaving(false);
    if (outcome.ok) onSaved(outcome.result.device);
    else setFormError(outcome.message);
  };

  return (
    <Modal open title="Thêm thiết bị vào sổ quản lý" okText="Thêm" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ 'data-testid': 'device-form-submit' }} width={640}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form form={form} name="device" layout="vertical" initialValues={{ unitId: defaultUnitId, networkStatus: 'AIR_GAPPED_NEVER_CONNECTED', everConnected: false, approvedUses: ['DRAFT_STORE'] }} onFinish={onFinish}>
        <Form.Item label="Đơn vị" name="unitId" required rules={[{ required: true, message: 'Chọn đơn vị' }]}>
          <UnitSelect units={units} testId="device-unit" />
        </Form.Item>
        <Form.Item label="Mã tài sản" name="assetCode" required rules={[zodRule(fields.assetCode)]}>
          <Input data-testid="device-asset-code" />
        </Form.Item>
        <Form.Item label="Tên thiết bị" name="name" required rules={[zodRule(fields.name)]}>
          <Input data-testid="device-name" />
        </Form.Item>
        <Form.Item label="Loại thiết bị" name="type" required rules={[{ required: true, message: 'Chọn loại thiết bị' }]}>
          <Select data-testid="device-type" options={DEVICE_TYPES.map((t) => ({ value: t, label: DEVICE_TYPE_LABELS[t] }))} />
        </Form.Item>
        <Form.Item label="Số sê-ri" name="serial">
          <Input />
        </Form.Item>
        <Form.Item label="Vị trí đặt" name="location">
          <Input />
        </Form.Item>
        <Form.Item label="Người quản lý, sử dụng" name="custodianId">
          <Select allowClear showSearch optionFilterProp="label" loading={people.loading} options={(people.data?.people ?? []).map((p) => ({ value: p.id, label: p.fullName }))} />
        </Form.Item>
        <Form.Item label="Tình trạng kết nối mạng" name="networkStatus" required>
          <Select data-testid="device-network" options={NETWORK_STATUSES.map((s) => ({ value: s, label: NETWORK_STATUS_LABELS[s] }))} />
        </Form.Item>
        <Form.Item name="everConnected" valuePropName="checked" extra="Theo Luật Bảo vệ BMNN 2018, thiết bị đã từng kết nối không được dùng cho BMNN trước 01/3/2026.">
          <Checkbox>Thiết bị đã từng kết nối Internet, mạng máy tính, mạng viễn thông</Checkbox>
        </Form.Item>
        {type === 'CRYPTO_PRODUCT' && (
          <Form.Item label="Số hiệu sản phẩm cơ yếu" name="coYeuProductRef">
            <Input />
          </Form.Item>
        )}
        <Form.Item label="Mục đích được phép sử dụng" name="approvedUses">
          <Checkbox.Group options={DEVICE_USES.map((u) => ({ value: u, label: DEVICE_USE_LABELS[u] }))} />
        </Form.Item>
        <Form.Item label="Ghi chú" name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
