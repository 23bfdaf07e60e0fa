import { TRAINING_KIND_LABELS, TRAINING_KINDS, TRAINING_ORGANISER_SUGGESTIONS, createTrainingSessionRequest, updateTrainingSessionRequest, type TrainingSession } from '@bmnn/contracts';
import { Alert, AutoComplete, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { DATE_FORMAT, toIsoDate, today } from '../forms/dates.ts';
import { submitForm } from '../forms/zod-form.ts';
import { UnitSelect } from '../units/unit-select.component.tsx';
import { useUnits } from '../units/units.hooks.ts';
import { trainingApi } from './training.api.ts';
import { usePeopleOptions } from './training.hooks.ts';

type SessionValues = { unitId: string; topic: string; kind: string; heldOn?: Dayjs; organiser: string; material?: string | null; result?: string | null; attendeeIds?: string[] };

/**
 * Records a training session (R11.5), or, given `session`, corrects the one recorded: the same
 * fields pre-filled, the unit shown but fixed, attendees left to the session's own list.
 */
export function SessionModal({ defaultUnitId, session, onClose, onSaved }: { defaultUnitId: string; session?: TrainingSession; onClose: () => void; onSaved: (id: string) => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const { units, byId } = useUnits();
  const people = usePeopleOptions();
  const onFinish = async (v: SessionValues) => {
    setSaving(true);
    setError(undefined);
    const common = { topic: v.topic, kind: v.kind, heldOn: toIsoDate(v.heldOn), organiser: v.organiser, material: v.material || null, result: v.result || null };
    const outcome = session
      ? await submitForm({ form, schema: updateTrainingSessionRequest, values: common, send: (body) => trainingApi.updateSession(session.id, body) })
      : await submitForm({ form, schema: createTrainingSessionRequest, values: { ...common, unitId: v.unitId, attendeeIds: v.attendeeIds ?? [] }, send: trainingApi.createSession });
    setSaving(false);
    if (outcome.ok) onSaved(outcome.result.session.id);
    else setError(outcome.message);
  };
  const initialValues = session
    ? { topic: session.topic, kind: session.kind, heldOn: dayjs(session.heldOn), organiser: session.organiser, material: session.material, result: session.result }
    : { unitId: defaultUnitId, kind: 'TAP_HUAN', heldOn: today(), organiser: 'Công an tỉnh' };
  return (
    <Modal
      open
      width={640}
      title={session ? 'Sửa thông tin buổi tập huấn, tuyên truyền' : 'Ghi nhận buổi tập huấn, tuyên truyền'}
      okText={session ? 'Lưu' : 'Ghi'}
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'training-form-submit' }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="training-form-error" />}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        {session ? (
          // The unit is not corrected: the session stays in its unit's register and audit chain.
          <Form.Item label="Đơn vị">
            <Input disabled value={byId.get(session.unitId)?.name ?? ''} />
          </Form.Item>
        ) : (
          <Form.Item label="Đơn vị" name="unitId" required>
            <UnitSelect units={units} />
          </Form.Item>
        )}
        <Form.Item label="Chủ đề" name="topic" required>
          <Input />
        </Form.Item>
        <Form.Item label="Hình thức" name="kind" required>
          <Select options={TRAINING_KINDS.map((k) => ({ value: k, label: TRAINING_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item label="Ngày tổ chức" name="heldOn" required>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label="Đơn vị tổ chức" name="organiser" required>
          <AutoComplete options={TRAINING_ORGANISER_SUGGESTIONS.map((o) => ({ value: o }))} />
        </Form.Item>
        <Form.Item label="Tài liệu" name="material">
          <Input />
        </Form.Item>
        <Form.Item label="Kết quả" name="result">
          <Input />
        </Form.Item>
        {!session && (
          <Form.Item label="Người tham dự" name="attendeeIds">
            <Select mode="multiple" showSearch optionFilterProp="label" options={people} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
