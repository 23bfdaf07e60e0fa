import { DownloadOutlined } from '@ant-design/icons';
import { LEVEL_LABELS, LEVEL_RANK, LEVELS_REQUIRING_DEVICE_BAN, MEETING_STATUS_LABELS, VENUE_KIND_LABELS, formatDate, formatDateTime, type MeetingDocument, type MeetingEquipment } from '@bmnn/contracts';
import { Alert, Button, Checkbox, DatePicker, Descriptions, Divider, Drawer, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { describeError } from '../api/api.client.ts';
import { devicesApi, itemsApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { DATE_FORMAT, toIsoDate } from '../forms/dates.ts';
import { usePeopleOptions } from '../training/training.hooks.ts';
import { meetingsApi } from '../training/training.api.ts';

const Yes = ({ ok, yes, no }: { ok: boolean; yes: string; no: string }) => <Tag color={ok ? 'green' : 'orange'}>{ok ? yes : no}</Tag>;

/**
 * One meeting (R8.7, R8.8): the checklist, the equipment from the device register, attendees,
 * documents handed out and collected back; held only with the checklist complete, closed only
 * when every document is back.
 */
export function MeetingDrawer({ meetingId, canManage, onClose, onChanged }: { meetingId: string; canManage: boolean; onClose: () => void; onChanged: () => void }) {
  const detail = useLoad(() => meetingsApi.get(meetingId), meetingId);
  const devices = useLoad(() => devicesApi.list({ status: 'IN_USE' }), 'devices-in-use');
  const items = useLoad(() => itemsApi.list(), 'items');
  const people = usePeopleOptions();
  const [error, setError] = useState<string>();
  const [policeRef, setPoliceRef] = useState('');
  const [policeDate, setPoliceDate] = useState<Dayjs | null>(null);
  const [deviceId, setDeviceId] = useState<string>();
  const [attendeeIds, setAttendeeIds] = useState<string[]>([]);
  const [itemId, setItemId] = useState<string>();
  const [handedToId, setHandedToId] = useState<string>();
  const m = detail.data?.meeting;
  const editable = canManage && m?.status !== 'CLOSED';
  const planned = canManage && m?.status === 'PLANNED';

  const act = async (fn: () => Promise<unknown>, after?: () => void) => {
    setError(undefined);
    try {
      await fn();
      after?.();
      detail.reload();
      onChanged();
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <Drawer open size={820} title={m ? m.title : 'Cuộc họp'} onClose={onClose} data-testid="meeting-drawer">
      {detail.error && <Alert type="error" showIcon title={detail.error} />}
      {m && (
        <>
          <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="Độ mật">{LEVEL_LABELS[m.level]}</Descriptions.Item>
            <Descriptions.Item label="Ngày họp">{formatDate(m.heldOn)}</Descriptions.Item>
            <Descriptions.Item label="Địa điểm">{`${VENUE_KIND_LABELS[m.venueKind]}: ${m.venue}`}</Descriptions.Item>
            <Descriptions.Item label="Người chủ trì">{m.chairName ?? '—'}</Descriptions.Item>
            {m.venueKind === 'OUTSIDE' && (
              <Descriptions.Item label="Đề nghị Công an kiểm tra địa điểm">
                {m.policeCheckRef ? `${m.policeCheckRef}${m.policeCheckDate ? ` ngày ${formatDate(m.policeCheckDate)}` : ''}` : <Tag color="orange">Chưa có (bắt buộc, R8.7)</Tag>}
              </Descriptions.Item>
            )}
            {m.online && <Descriptions.Item label="Đường truyền cơ yếu">{m.coYeuLineRef}</Descriptions.Item>}
            <Descriptions.Item label="Thông báo cấm mang thiết bị">
              <Yes ok={m.deviceBanNotice} yes="Đã thông báo" no={LEVELS_REQUIRING_DEVICE_BAN.includes(m.level) ? 'Chưa thông báo (bắt buộc, R8.8)' : 'Chưa thông báo'} />
            </Descriptions.Item>
            <Descriptions.Item label="Tình trạng">
              <span data-testid="meeting-status">{MEETING_STATUS_LABELS[m.status]}</span>
            </Descriptions.Item>
          </Descriptions>
          <Button icon={<DownloadOutlined />} href={meetingsApi.noticeUrl(m.id)} style={{ marginBottom: 16 }} data-testid="meeting-notice-docx">
            In thông báo cuộc họp
          </Button>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="meeting-error" />}

          {planned && (
            <Space wrap style={{ marginBottom: 16 }}>
              {m.venueKind === 'OUTSIDE' && !m.policeCheckRef && (
                <>
                  <Input placeholder="Số văn bản đề nghị Công an kiểm tra" value={policeRef} onChange={(e) => setPoliceRef(e.target.value)} style={{ width: 260 }} data-testid="meeting-police-ref" />
                  <DatePicker format={DATE_FORMAT} value={policeDate} onChange={setPoliceDate} placeholder="Ngày văn bản" />
                  <Button disabled={!policeRef.trim()} onClick={() => act(() => meetingsApi.updateChecklist(m.id, { policeCheckRef: policeRef.trim(), policeCheckDate: toIsoDate(policeDate) ?? null }))} data-testid="meeting-police-save">
                    Ghi đề nghị kiểm tra
                  </Button>
                </>
              )}
              <Checkbox checked={m.deviceBanNotice} onChange={(e) => act(() => meetingsApi.updateChecklist(m.id, { deviceBanNotice: e.target.checked }))} data-testid="meeting-device-ban">
                Đã thông báo cấm mang thiết bị thu, phát, ghi âm, ghi hình
              </Checkbox>
            </Space>
          )}

          <Divider titlePlacement="start">Thiết bị phục vụ cuộc họp</Divider>
          {planned && (
            <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
              <Select
                placeholder="Chọn thiết bị trong sổ quản lý thiết bị (đã phê duyệt phục vụ cuộc họp)"
                style={{ width: '100%' }}
                value={deviceId}
                onChange={setDeviceId}
                showSearch
                optionFilterProp="label"
                options={(devices.data?.devices ?? []).filter((d) => d.approvedUses.includes('MEETING')).map((d) => ({ value: d.id, label: `${d.assetCode} — ${d.name}` }))}
                data-testid="meeting-device-select"
              />
              <Button disabled={!deviceId} onClick={() => act(() => meetingsApi.addEquipment(m.id, deviceId!), () => setDeviceId(undefined))} data-testid="meeting-device-add">
                Thêm
              </Button>
            </Space.Compact>
          )}
          <Table<MeetingEquipment>
            rowKey="deviceId"
            size="small"
            pagination={false}
            dataSource={m.equipment}
            locale={{ emptyText: 'Chưa có thiết bị' }}
            columns={[
              { key: 'code', title: 'Mã tài sản', dataIndex: 'assetCode' },
              { key: 'name', title: 'Thiết bị', dataIndex: 'name' },
              { key: 'check', title: 'Kiểm tra an ninh', render: (_, e) => (e.lastCheckOn ? `${e.checkedBy ?? ''} ngày ${formatDate(e.lastCheckOn)}${e.nextCheckDue ? `, hạn ${formatDate(e.nextCheckDue)}` : ''}` : '—') },
            ]}
          />

          <Divider titlePlacement="start">Thành phần tham dự</Divider>
          {editable && (
            <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
              <Select mode="multiple" placeholder="Thêm người tham dự" style={{ width: '100%' }} value={attendeeIds} onChange={setAttendeeIds} showSearch optionFilterProp="label" options={people.filter((p) => !m.attendees.some((a) => a.personId === p.value))} data-testid="meeting-attendee-select" />
              <Button disabled={attendeeIds.length === 0} onClick={() => act(() => meetingsApi.addAttendees(m.id, { personIds: attendeeIds }), () => setAttendeeIds([]))} data-testid="meeting-attendee-add">
                Thêm
              </Button>
            </Space.Compact>
          )}
          <Typography.Paragraph data-testid="meeting-attendees">{m.attendees.length ? m.attendees.map((a) => a.fullName).join(', ') : 'Chưa có người tham dự'}</Typography.Paragraph>
          {m.externalAttendees && <Typography.Paragraph type="secondary">Thành phần khác: {m.externalAttendees}</Typography.Paragraph>}

          <Divider titlePlacement="start">Tài liệu phát tại cuộc họp</Divider>
          {editable && (
            <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
              <Select
                placeholder="Tài liệu"
                style={{ width: '55%' }}
                value={itemId}
                onChange={setItemId}
                showSearch
                optionFilterProp="label"
                options={(items.data?.items ?? []).filter((i) => LEVEL_RANK[i.level] <= LEVEL_RANK[m.level]).map((i) => ({ value: i.id, label: `${i.soKyHieu} (${LEVEL_LABELS[i.level]})` }))}
                data-testid="meeting-item-select"
              />
              <Select placeholder="Người nhận" style={{ width: '35%' }} value={handedToId} onChange={setHandedToId} options={m.attendees.map((a) => ({ value: a.personId, label: a.fullName }))} data-testid="meeting-item-to" />
              <Button disabled={!itemId || !handedToId} onClick={() => act(() => meetingsApi.handOut(m.id, { itemId: itemId!, handedToId: handedToId! }), () => setItemId(undefined))} data-testid="meeting-item-hand-out">
                Phát
              </Button>
            </Space.Compact>
          )}
          <Table<MeetingDocument>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={m.documents}
            locale={{ emptyText: 'Chưa phát tài liệu nào' }}
            columns={[
              { key: 'label', title: 'Tài liệu', dataIndex: 'label' },
              { key: 'to', title: 'Người nhận', dataIndex: 'handedToName' },
              { key: 'out', title: 'Phát lúc', render: (_, d) => formatDateTime(d.handedOutAt) },
              {
                key: 'back',
                title: 'Thu hồi',
                render: (_, d) =>
                  d.collectedBackAt ? (
                    formatDateTime(d.collectedBackAt)
                  ) : editable ? (
                    <Button size="small" onClick={() => act(() => meetingsApi.collect(m.id, d.id))}>
                      Đã thu hồi
                    </Button>
                  ) : (
                    <Tag color="orange">Chưa thu hồi</Tag>
                  ),
              },
            ]}
          />

          {canManage && m.status !== 'CLOSED' && (
            <Space style={{ marginTop: 16 }}>
              {m.status === 'PLANNED' && (
                <Button type="primary" onClick={() => act(() => meetingsApi.held(m.id))} data-testid="meeting-held">
                  Ghi nhận đã họp
                </Button>
              )}
              {m.status === 'HELD' && (
                <Button type="primary" onClick={() => act(() => meetingsApi.close(m.id))} data-testid="meeting-close">
                  Kết thúc cuộc họp
                </Button>
              )}
            </Space>
          )}
        </>
      )}
    </Drawer>
  );
}
