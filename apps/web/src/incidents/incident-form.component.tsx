import {
  INCIDENT_CHANNEL_LABELS,
  INCIDENT_CHANNELS,
  INCIDENT_KIND_LABELS,
  INCIDENT_KINDS,
  INCIDENT_SUB_CHANNEL_LABELS,
  LEVEL_LABELS,
  SUB_CHANNELS_BY_CHANNEL,
  openIncidentRequest,
  type Incident,
  type IncidentChannel,
} from '@bmnn/contracts';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { devicesApi, incidentsApi, itemsApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { DATE_FORMAT, toIsoDate } from '../forms/dates.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { UnitSelect } from '../units/unit-select.component.tsx';
import { useUnits } from '../units/units.hooks.ts';

const fields = openIncidentRequest.shape;

type Values = {
  unitId?: string;
  kind?: string;
  channel?: IncidentChannel;
  subChannel?: string;
  title?: string;
  discoveredAt?: Dayjs;
  discoveredByName?: string;
  occurredOn?: Dayjs;
  circumstances?: string;
  immediateMeasures?: string;
  itemIds?: string[];
  deviceIds?: string[];
};

/** Reporting a disclosure or loss: anyone in the unit may, and should at once (LEGAL.md R13.1). */
export function IncidentFormModal({ defaultUnitId, onClose, onSaved }: { defaultUnitId: string; onClose: () => void; onSaved: (incident: Incident) => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const { units } = useUnits();
  const items = useLoad(() => itemsApi.list(), 'items');
  const devices = useLoad(() => devicesApi.list(), 'devices');
  const channel = Form.useWatch('channel', form);
  const subChannels = channel ? SUB_CHANNELS_BY_CHANNEL[channel] : [];

  const onFinish = async (values: Values) => {
    setSaving(true);
    setFormError(undefined);
    const body = {
      ...values,
      subChannel: values.subChannel ?? null,
      discoveredAt: values.discoveredAt?.toISOString(),
      occurredOn: toIsoDate(values.occurredOn) ?? null,
      discoveredByName: values.discoveredByName || null,
      immediateMeasures: values.immediateMeasures || null,
      itemIds: values.itemIds ?? [],
      deviceIds: values.deviceIds ?? [],
    };
    const outcome = await submitForm({ form, schema: openIncidentRequest, values: body, send: incidentsApi.open });
    setSaving(false);
    if (outcome.ok) onSaved(outcome.result.incident);
    else setFormError(outcome.message);
  };

  return (
    <Modal open title="Báo cáo vụ lộ, mất bí mật nhà nước" okText="Ghi nhận" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ 'data-testid': 'incident-form-submit' }} width={720}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form form={form} name="incident" layout="vertical" initialValues={{ unitId: defaultUnitId, kind: 'MAT', discoveredAt: dayjs() }} onFinish={onFinish}>
        <Form.Item label="Đơn vị" name="unitId" required rules={[{ required: true, message: 'Chọn đơn vị' }]}>
          <UnitSelect units={units} testId="incident-unit" />
        </Form.Item>
        <Form.Item label="Loại vụ việc" name="kind" required>
          <Select data-testid="incident-kind" options={INCIDENT_KINDS.map((k) => ({ value: k, label: INCIDENT_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item label="Hình thức" name="channel" required rules={[{ required: true, message: 'Chọn hình thức' }]}>
          <Select data-testid="incident-channel" onChange={() => form.setFieldValue('subChannel', undefined)} options={INCIDENT_CHANNELS.map((c) => ({ value: c, label: INCIDENT_CHANNEL_LABELS[c] }))} />
        </Form.Item>
        {subChannels.length > 0 && (
          <Form.Item label="Hình thức cụ thể" name="subChannel" required rules={[{ required: true, message: 'Chọn hình thức cụ thể' }]}>
            <Select data-testid="incident-sub-channel" options={subChannels.map((s) => ({ value: s, label: INCIDENT_SUB_CHANNEL_LABELS[s] }))} />
          </Form.Item>
        )}
        <Form.Item label="Tên vụ việc" name="title" required rules={[zodRule(fields.title)]}>
          <Input data-testid="incident-title" />
        </Form.Item>
        <Form.Item label="Thời điểm phát hiện" name="discoveredAt" required rules={[{ required: true, message: 'Chọn thời điểm phát hiện' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format={`${DATE_FORMAT} HH:mm`} />
        </Form.Item>
        <Form.Item label="Người phát hiện" name="discoveredByName">
          <Input />
        </Form.Item>
        <Form.Item label="Ngày xảy ra (nếu biết)" name="occurredOn">
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label="Diễn biến, hoàn cảnh" name="circumstances" required rules={[zodRule(fields.circumstances)]}>
          <Input.TextArea rows={4} data-testid="incident-circumstances" />
        </Form.Item>
        <Form.Item label="Biện pháp đã áp dụng ngay" name="immediateMeasures">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label="Tài liệu, vật chứa BMNN bị lộ, mất" name="itemIds">
          <Select mode="multiple" data-testid="incident-items" optionFilterProp="label" loading={items.loading} options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.soKyHieu} (${LEVEL_LABELS[i.level]})` }))} />
        </Form.Item>
        <Form.Item label="Thiết bị liên quan" name="deviceIds">
          <Select mode="multiple" optionFilterProp="label" loading={devices.loading} options={(devices.data?.devices ?? []).map((d) => ({ value: d.id, label: `${d.assetCode} — ${d.name}` }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
