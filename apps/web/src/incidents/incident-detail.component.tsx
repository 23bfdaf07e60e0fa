import { DownloadOutlined } from '@ant-design/icons';
import {
  INCIDENT_CHANNEL_LABELS,
  INCIDENT_KIND_LABELS,
  INCIDENT_SOURCE_LABELS,
  INCIDENT_SUB_CHANNEL_LABELS,
  INVESTIGATION_STATUS_LABELS,
  INVESTIGATION_STATUSES,
  LEVEL_LABELS,
  NOTIFICATION_RECIPIENT_LABELS,
  NOTIFICATION_RECIPIENTS,
  REFERRAL_LABELS,
  REFERRALS,
  formatDate,
  formatDateTime,
  recordNotificationRequest,
  updateIncidentRequest,
  type Incident,
} from '@bmnn/contracts';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { incidentsApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { DATE_FORMAT } from '../forms/dates.ts';
import { submitForm } from '../forms/zod-form.ts';
import { canHandleIncidents } from '../shell/permissions.ts';
import { ReportClockTag } from './report-clock.component.tsx';

export function IncidentDetailDrawer({ incidentId, onClose, onChanged }: { incidentId: string; onClose: () => void; onChanged: () => void }) {
  const { account } = useSession();
  const detail = useLoad(() => incidentsApi.get(incidentId), incidentId);
  const [dialog, setDialog] = useState<'notify' | 'update' | null>(null);
  const i = detail.data?.incident;
  const canHandle = canHandleIncidents(account.roles) && i?.investigationStatus !== 'CLOSED';
  const changed = () => {
    setDialog(null);
    detail.reload();
    onChanged();
  };
  return (
    <Drawer open size={820} title={i?.title ?? 'Vụ việc'} onClose={onClose} data-testid="incident-drawer">
      {detail.error && <Alert type="error" showIcon title={detail.error} />}
      {i && (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            <ReportClockTag incident={i} />
            {canHandle && <Button onClick={() => setDialog('notify')} data-testid="incident-notify">Ghi nhận đã thông báo, báo cáo</Button>}
            {canHandle && <Button onClick={() => setDialog('update')} data-testid="incident-update">Cập nhật xác minh, xử lý</Button>}
            {canHandleIncidents(account.roles) && (
              <Button type="primary" icon={<DownloadOutlined />} href={incidentsApi.reportUrl(i.id)} data-testid="incident-report-docx">
                Báo cáo đột xuất (DOCX)
              </Button>
            )}
          </Space>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="Loại">{INCIDENT_KIND_LABELS[i.kind]}</Descriptions.Item>
            <Descriptions.Item label="Hình thức">{INCIDENT_CHANNEL_LABELS[i.channel]}{i.subChannel ? ` — ${INCIDENT_SUB_CHANNEL_LABELS[i.subChannel]}` : ''}</Descriptions.Item>
            <Descriptions.Item label="Đơn vị">{i.unitName}</Descriptions.Item>
            <Descriptions.Item label="Phát hiện">{formatDateTime(i.discoveredAt)}{i.discoveredByName ? ` — ${i.discoveredByName}` : ''}</Descriptions.Item>
            {i.occurredOn && <Descriptions.Item label="Xảy ra">{formatDate(i.occurredOn)}</Descriptions.Item>}
            <Descriptions.Item label="Nguồn">{INCIDENT_SOURCE_LABELS[i.source]}</Descriptions.Item>
            <Descriptions.Item label="Diễn biến"><span style={{ whiteSpace: 'pre-wrap' }}>{i.circumstances}</span></Descriptions.Item>
            <Descriptions.Item label="Biện pháp đã áp dụng">{i.immediateMeasures ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Tình trạng">{INVESTIGATION_STATUS_LABELS[i.investigationStatus]}</Descriptions.Item>
            <Descriptions.Item label="Kết quả xác minh">{i.outcome ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Nguyên nhân">{i.rootCause ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Kết quả xử lý">{i.handling ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Biện pháp khắc phục">{i.remedy ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Hình thức xử lý">{REFERRAL_LABELS[i.referral]}{i.referralNote ? ` — ${i.referralNote}` : ''}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>Tài liệu, vật chứa BMNN và thiết bị</Typography.Title>
          {i.items.length === 0 && i.devices.length === 0 && <Typography.Text type="secondary">Không có tài liệu, thiết bị nào bạn được xem.</Typography.Text>}
          {i.items.map((it) => (
            <div key={it.itemId}>
              <Tag color="volcano">{it.effect === 'LOST' ? 'Bị mất' : 'Bị lộ'}</Tag> {it.soKyHieu} ({LEVEL_LABELS[it.level]})
            </div>
          ))}
          {i.devices.map((d) => (
            <div key={d.deviceId}>Thiết bị {d.assetCode} — {d.name}</div>
          ))}
          <Typography.Title level={5} style={{ marginTop: 24 }}>Thông báo, báo cáo</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={i.notifications}
            locale={{ emptyText: 'Chưa thông báo cho ai' }}
            columns={[
              { key: 'to', title: 'Nơi nhận', render: (_, n) => `${NOTIFICATION_RECIPIENT_LABELS[n.recipient]}${n.recipientName ? ` (${n.recipientName})` : ''}` },
              { key: 'at', title: 'Lúc', render: (_, n) => formatDateTime(n.notifiedAt) },
              { key: 'ref', title: 'Văn bản', render: (_, n) => n.documentRef ?? '—' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>Diễn biến xử lý</Typography.Title>
          <Timeline items={i.timeline.map((e) => ({ key: e.id, content: `${formatDateTime(e.at)} — ${e.text}${e.actorName ? ` (${e.actorName})` : ''}` }))} />
          {dialog === 'notify' && <NotifyModal incident={i} onClose={() => setDialog(null)} onSaved={changed} />}
          {dialog === 'update' && <UpdateModal incident={i} onClose={() => setDialog(null)} onSaved={changed} />}
        </>
      )}
    </Drawer>
  );
}

function NotifyModal({ incident, onClose, onSaved }: { incident: Incident; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const { message } = App.useApp();
  const onFinish = async (v: { recipient: string; recipientName?: string; notifiedAt?: Dayjs; method?: string; documentRef?: string }) => {
    setSaving(true);
    const values = { ...v, recipientName: v.recipientName || null, method: v.method || null, documentRef: v.documentRef || null, notifiedAt: v.notifiedAt?.toISOString() };
    const outcome = await submitForm({ form, schema: recordNotificationRequest, values, send: (b) => incidentsApi.notify(incident.id, b) });
    setSaving(false);
    if (outcome.ok) {
      message.success('Đã ghi nhận thông báo');
      onSaved();
    } else setFormError(outcome.message);
  };
  return (
    <Modal open title="Ghi nhận đã thông báo, báo cáo" okText="Ghi" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ 'data-testid': 'notify-form-submit' }}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ recipient: incident.clock.pending[0] ?? 'HEAD', notifiedAt: dayjs() }} onFinish={onFinish}>
        <Form.Item label="Nơi nhận" name="recipient" required>
          <Select data-testid="notify-recipient" options={NOTIFICATION_RECIPIENTS.map((r) => ({ value: r, label: NOTIFICATION_RECIPIENT_LABELS[r] }))} />
        </Form.Item>
        <Form.Item label="Tên cơ quan, người nhận" name="recipientName">
          <Input />
        </Form.Item>
        <Form.Item label="Thời điểm" name="notifiedAt" required>
          <DatePicker showTime={{ format: 'HH:mm' }} format={`${DATE_FORMAT} HH:mm`} />
        </Form.Item>
        <Form.Item label="Hình thức" name="method">
          <Input placeholder="Trực tiếp, điện thoại, văn bản…" />
        </Form.Item>
        <Form.Item label="Số văn bản báo cáo" name="documentRef">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function UpdateModal({ incident, onClose, onSaved }: { incident: Incident; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const { message } = App.useApp();
  const onFinish = async (v: Record<string, string | undefined>) => {
    setSaving(true);
    const values = Object.fromEntries(Object.entries(v).map(([k, val]) => [k, val === '' ? null : val]));
    const outcome = await submitForm({ form, schema: updateIncidentRequest, values, send: (b) => incidentsApi.update(incident.id, b) });
    setSaving(false);
    if (outcome.ok) {
      message.success('Đã cập nhật vụ việc');
      onSaved();
    } else setFormError(outcome.message);
  };
  return (
    <Modal open title="Cập nhật xác minh, xử lý" okText="Lưu" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ 'data-testid': 'update-form-submit' }} width={640}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ investigationStatus: incident.investigationStatus, outcome: incident.outcome ?? '', rootCause: incident.rootCause ?? '', handling: incident.handling ?? '', remedy: incident.remedy ?? '', referral: incident.referral, referralNote: incident.referralNote ?? '' }}
        onFinish={onFinish}
      >
        <Form.Item label="Tình trạng" name="investigationStatus">
          <Select options={INVESTIGATION_STATUSES.map((s) => ({ value: s, label: INVESTIGATION_STATUS_LABELS[s] }))} />
        </Form.Item>
        <Form.Item label="Kết quả xác minh, điều tra" name="outcome">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label="Nguyên nhân" name="rootCause">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label="Kết quả xử lý" name="handling">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label="Biện pháp khắc phục" name="remedy">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label="Hình thức xử lý" name="referral">
          <Select options={REFERRALS.map((r) => ({ value: r, label: REFERRAL_LABELS[r] }))} />
        </Form.Item>
        <Form.Item label="Ghi chú về xử lý" name="referralNote">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
