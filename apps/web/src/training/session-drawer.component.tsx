import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { TRAINING_KIND_LABELS, formatDate, removeTrainingAttendeeRequest, type TrainingAttendee } from '@bmnn/contracts';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../api/api.client.ts';
import { DryRunImport } from '../forms/dry-run-import.component.tsx';
import { submitForm } from '../forms/zod-form.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useUnits } from '../units/units.hooks.ts';
import { SessionModal } from './session-form.component.tsx';
import { trainingApi, type AttendanceImportAnswer } from './training.api.ts';
import { usePeopleOptions } from './training.hooks.ts';

/**
 * A training session: its attendees, added by hand or imported from Excel, and the printable list
 * (R11.5). A wrong field is corrected with "Sửa"; a person added by mistake is taken off the list
 * with a reason, both audited.
 */
export function SessionDrawer({ sessionId, canManage, onClose, onChanged }: { sessionId: string; canManage: boolean; onClose: () => void; onChanged: () => void }) {
  const detail = useLoad(() => trainingApi.session(sessionId), sessionId);
  const { byId } = useUnits();
  const people = usePeopleOptions();
  const [adding, setAdding] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState<TrainingAttendee>();
  const { message } = App.useApp();
  const s = detail.data?.session;
  const changed = () => {
    detail.reload();
    onChanged();
  };
  const add = async () => {
    setError(undefined);
    try {
      await trainingApi.addAttendees(sessionId, adding);
      setAdding([]);
      changed();
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <Drawer open size={760} title={s ? s.topic : 'Buổi tập huấn'} onClose={onClose} data-testid="training-drawer">
      {detail.error && <Alert type="error" showIcon title={detail.error} />}
      {s && (
        <>
          <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="Chủ đề">
              <span data-testid="training-topic">{s.topic}</span>
            </Descriptions.Item>
            <Descriptions.Item label="Hình thức">{TRAINING_KIND_LABELS[s.kind]}</Descriptions.Item>
            <Descriptions.Item label="Ngày tổ chức">{formatDate(s.heldOn)}</Descriptions.Item>
            <Descriptions.Item label="Đơn vị tổ chức">{s.organiser}</Descriptions.Item>
            <Descriptions.Item label="Tài liệu">{s.material ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Kết quả">{s.result ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Số người tham dự">
              <span data-testid="training-attendee-count">{s.attendeeCount}</span>
            </Descriptions.Item>
          </Descriptions>
          <Space wrap style={{ marginBottom: 16 }}>
            {canManage && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="training-edit">
                Sửa
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={trainingApi.attendanceDocxUrl(s.id)} data-testid="training-attendance-docx">
              In danh sách tham dự
            </Button>
          </Space>
          {canManage && (
            <Space.Compact style={{ width: '100%', marginBottom: 16 }}>
              <Select mode="multiple" showSearch optionFilterProp="label" placeholder="Thêm người tham dự" style={{ width: '100%' }} value={adding} onChange={setAdding} options={people.filter((p) => !(s.attendees ?? []).some((a) => a.personId === p.value))} data-testid="training-add-select" />
              <Button type="primary" disabled={adding.length === 0} onClick={add} data-testid="training-add-submit">
                Thêm
              </Button>
            </Space.Compact>
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Table<TrainingAttendee>
            rowKey="personId"
            size="small"
            pagination={false}
            dataSource={s.attendees ?? []}
            locale={{ emptyText: 'Chưa có người tham dự' }}
            data-testid="training-attendees"
            columns={[
              { key: 'no', title: 'STT', width: 60, render: (_, __, i) => i + 1 },
              { key: 'name', title: 'Họ và tên', dataIndex: 'fullName' },
              { key: 'unit', title: 'Đơn vị', render: (_, a) => byId.get(a.unitId)?.name ?? '—' },
              { key: 'position', title: 'Chức vụ', render: (_, a) => a.position ?? '—' },
              ...(canManage
                ? [
                    {
                      key: 'remove',
                      title: '',
                      render: (_: unknown, a: TrainingAttendee) => (
                        <Button type="link" danger size="small" onClick={() => setRemoving(a)} data-testid={`training-remove-${a.personId}`}>
                          Xóa khỏi danh sách
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {canManage && <AttendanceImport sessionId={s.id} onImported={changed} />}
          {editing && (
            <SessionModal
              defaultUnitId={s.unitId}
              session={s}
              onClose={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                message.success('Đã sửa thông tin buổi tập huấn');
                changed();
              }}
            />
          )}
          {removing && (
            <RemoveAttendeeModal
              sessionId={s.id}
              attendee={removing}
              onClose={() => setRemoving(undefined)}
              onRemoved={() => {
                setRemoving(undefined);
                message.success(`Đã xóa ${removing.fullName} khỏi danh sách tham dự`);
                changed();
              }}
            />
          )}
        </>
      )}
    </Drawer>
  );
}

/** Takes a person added by mistake off the list; the reason is required and kept in the audit log. */
function RemoveAttendeeModal({ sessionId, attendee, onClose, onRemoved }: { sessionId: string; attendee: TrainingAttendee; onClose: () => void; onRemoved: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const onFinish = async (v: { reason?: string }) => {
    setSaving(true);
    setError(undefined);
    const outcome = await submitForm({ form, schema: removeTrainingAttendeeRequest, values: { reason: v.reason ?? '' }, send: (body) => trainingApi.removeAttendee(sessionId, attendee.personId, body) });
    setSaving(false);
    if (outcome.ok) onRemoved();
    else setError(outcome.message);
  };
  return (
    <Modal open title={`Xóa ${attendee.fullName} khỏi danh sách tham dự`} okText="Xóa khỏi danh sách" okButtonProps={{ danger: true, 'data-testid': 'training-remove-submit' }} cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="training-remove-error" />}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label="Lý do xóa" name="reason" required extra="Lý do được ghi vào nhật ký hệ thống.">
          <Input.TextArea rows={3} placeholder="Ví dụ: ghi nhầm người, người này không dự buổi tập huấn" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Dry run first (every problem by row and column), then the import, which adds all rows or none. */
function AttendanceImport({ sessionId, onImported }: { sessionId: string; onImported: () => void }) {
  return (
    <div style={{ marginTop: 24 }}>
      <Typography.Title level={5}>Nhập danh sách tham dự từ Excel</Typography.Title>
      <DryRunImport<AttendanceImportAnswer>
        accept=".xlsx"
        testIdPrefix="attendance"
        importLabel="Nhập danh sách"
        send={(file, dryRun) => trainingApi.importAttendance(sessionId, file, dryRun)}
        imported={(a) => (a.imported !== null ? `Đã thêm ${a.imported} người tham dự từ tệp` : null)}
        checkedText={(a) => `Tệp hợp lệ: ${a.report.matched.length} người (${a.report.matched.filter((m) => m.alreadyAttending).length} người đã có trong danh sách). Bấm “Nhập danh sách” để nhập.`}
        failedText={(a) => `Tìm thấy ${a.report.problems.length} lỗi: chưa nhập dòng nào. Sửa tệp rồi kiểm tra lại.`}
        onImported={onImported}
      >
        <Typography.Paragraph>
          Tệp Excel (.xlsx), dòng đầu là tên cột: <Typography.Text code>Họ và tên, Đơn vị</Typography.Text> (mã hoặc tên đơn vị) hoặc <Typography.Text code>Mã cán bộ</Typography.Text>. Không phân biệt dấu, chữ hoa. Khi tệp còn lỗi, không dòng nào được nhập.
        </Typography.Paragraph>
      </DryRunImport>
    </div>
  );
}
