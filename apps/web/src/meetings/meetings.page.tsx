import { PlusOutlined } from '@ant-design/icons';
import { LEVEL_LABELS, LEVELS, LEVELS_REQUIRING_DEVICE_BAN, MEETING_STATUS_LABELS, VENUE_KIND_LABELS, VENUE_KINDS, createMeetingRequest, formatDate, type Level, type MeetingStatus, type MeetingSummary } from '@bmnn/contracts';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { DATE_FORMAT, toIsoDate, today } from '../forms/dates.ts';
import { submitForm } from '../forms/zod-form.ts';
import { canManageMeetings } from '../shell/permissions.ts';
import { meetingsApi } from '../training/training.api.ts';
import { UnitSelect } from '../units/unit-select.component.tsx';
import { useUnits } from '../units/units.hooks.ts';
import { MeetingDrawer } from './meeting-drawer.component.tsx';

export const MEETING_STATUS_COLORS: Record<MeetingStatus, string> = { PLANNED: 'blue', HELD: 'orange', CLOSED: 'green' };
const LEVEL_COLORS: Record<Level, string> = { MAT: 'gold', TOI_MAT: 'volcano', TUYET_MAT: 'red' };

/** The register of conferences and meetings with secret content (LEGAL.md R8.7, R8.8). */
export function MeetingsPage() {
  const { account } = useSession();
  const { byId } = useUnits();
  const meetings = useLoad(() => meetingsApi.list(), 'meetings');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string>();
  const canManage = canManageMeetings(account.roles);
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Hội nghị, hội thảo, cuộc họp có nội dung bí mật nhà nước
      </Typography.Title>
      <Card>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => setCreating(true)} data-testid="meeting-create">
            Đăng ký cuộc họp
          </Button>
        )}
        {meetings.error && <Alert type="error" showIcon title={meetings.error} />}
        <Table<MeetingSummary>
          rowKey="id"
          size="middle"
          loading={meetings.loading}
          dataSource={meetings.data?.meetings ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: 'Chưa có cuộc họp nào' }}
          columns={[
            { key: 'date', title: 'Ngày họp', render: (_, m) => formatDate(m.heldOn) },
            { key: 'title', title: 'Tên cuộc họp', render: (_, m) => <Button type="link" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpenId(m.id)}>{m.title}</Button> },
            { key: 'level', title: 'Độ mật', render: (_, m) => <Tag color={LEVEL_COLORS[m.level]}>{LEVEL_LABELS[m.level]}</Tag> },
            { key: 'venue', title: 'Địa điểm', render: (_, m) => `${m.venue}${m.online ? ' (trực tuyến)' : ''}` },
            { key: 'unit', title: 'Đơn vị', render: (_, m) => byId.get(m.unitId)?.name ?? '—' },
            { key: 'status', title: 'Tình trạng', render: (_, m) => <Tag color={MEETING_STATUS_COLORS[m.status]}>{MEETING_STATUS_LABELS[m.status]}</Tag> },
          ]}
        />
      </Card>
      {creating && (
        <MeetingModal
          defaultUnitId={account.unitId}
          onClose={() => setCreating(false)}
          onSaved={(id) => {
            setCreating(false);
            meetings.reload();
            setOpenId(id);
          }}
        />
      )}
      {openId && <MeetingDrawer meetingId={openId} canManage={canManage} onClose={() => setOpenId(undefined)} onChanged={meetings.reload} />}
    </>
  );
}

function MeetingModal({ defaultUnitId, onClose, onSaved }: { defaultUnitId: string; onClose: () => void; onSaved: (id: string) => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const { units } = useUnits();
  const online = Form.useWatch('online', form) as boolean | undefined;
  const level = Form.useWatch('level', form) as Level | undefined;
  const onFinish = async (v: { unitId: string; title: string; level: Level; heldOn?: Dayjs; venueKind: string; venue: string; chairName?: string; online?: boolean; coYeuLineRef?: string; deviceBanNotice?: boolean; externalAttendees?: string }) => {
    setSaving(true);
    const values = { ...v, heldOn: toIsoDate(v.heldOn), chairName: v.chairName || null, online: !!v.online, coYeuLineRef: v.coYeuLineRef || null, deviceBanNotice: !!v.deviceBanNotice, externalAttendees: v.externalAttendees || null };
    const outcome = await submitForm({ form, schema: createMeetingRequest, values, send: meetingsApi.create });
    setSaving(false);
    if (outcome.ok) onSaved(outcome.result.meeting.id);
    else setError(outcome.message);
  };
  return (
    <Modal open width={640} title="Đăng ký hội nghị, cuộc họp có nội dung bí mật nhà nước" okText="Ghi" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ 'data-testid': 'meeting-form-submit' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="meeting-form-error" />}
      <Form form={form} layout="vertical" initialValues={{ unitId: defaultUnitId, level: 'MAT', heldOn: today(), venueKind: 'INSIDE', online: false, deviceBanNotice: false }} onFinish={onFinish}>
        <Form.Item label="Đơn vị" name="unitId" required>
          <UnitSelect units={units} />
        </Form.Item>
        <Form.Item label="Tên hội nghị, cuộc họp" name="title" required>
          <Input />
        </Form.Item>
        <Form.Item label="Độ mật của nội dung" name="level" required>
          <Select options={LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l] }))} />
        </Form.Item>
        <Form.Item label="Ngày họp" name="heldOn" required>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label="Nơi tổ chức" name="venueKind" required>
          <Select options={VENUE_KINDS.map((k) => ({ value: k, label: VENUE_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item label="Địa điểm" name="venue" required>
          <Input />
        </Form.Item>
        <Form.Item label="Người chủ trì" name="chairName">
          <Input />
        </Form.Item>
        <Form.Item name="online" valuePropName="checked">
          <Checkbox>Họp trực tuyến</Checkbox>
        </Form.Item>
        {online && (
          <Form.Item label="Đường truyền được bảo vệ bằng mật mã cơ yếu" name="coYeuLineRef" required>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="deviceBanNotice" valuePropName="checked" extra={level && LEVELS_REQUIRING_DEVICE_BAN.includes(level) ? 'Bắt buộc với cuộc họp Tối mật, Tuyệt mật (R8.8)' : undefined}>
          <Checkbox>Đã thông báo cấm mang thiết bị thu, phát, ghi âm, ghi hình vào phòng họp</Checkbox>
        </Form.Item>
        <Form.Item label="Thành phần khác (ngoài danh sách cán bộ)" name="externalAttendees">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
