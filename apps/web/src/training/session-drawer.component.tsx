import { CheckCircleOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { TRAINING_KIND_LABELS, formatDate, type AttendanceImportProblem, type TrainingAttendee } from '@bmnn/contracts';
import { Alert, App, Button, Descriptions, Drawer, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { describeError } from '../api/api.client.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useUnits } from '../units/units.hooks.ts';
import { trainingApi, type AttendanceImportAnswer } from './training.api.ts';
import { usePeopleOptions } from './training.hooks.ts';

/** A training session: its attendees, added by hand or imported from Excel, and the printable list (R11.5). */
export function SessionDrawer({ sessionId, canManage, onClose, onChanged }: { sessionId: string; canManage: boolean; onClose: () => void; onChanged: () => void }) {
  const detail = useLoad(() => trainingApi.session(sessionId), sessionId);
  const { byId } = useUnits();
  const people = usePeopleOptions();
  const [adding, setAdding] = useState<string[]>([]);
  const [error, setError] = useState<string>();
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
            ]}
          />
          {canManage && <AttendanceImport sessionId={s.id} onImported={changed} />}
        </>
      )}
    </Drawer>
  );
}

/** Dry run first (every problem by row and column), then the import, which adds all rows or none. */
function AttendanceImport({ sessionId, onImported }: { sessionId: string; onImported: () => void }) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [checked, setChecked] = useState<AttendanceImportAnswer>();
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const answer = await trainingApi.importAttendance(sessionId, file, dryRun);
      setChecked(answer);
      if (!dryRun && answer.imported !== null) {
        void message.success(`Đã thêm ${answer.imported} người tham dự từ tệp`);
        setFile(undefined);
        setChecked(undefined);
        onImported();
      }
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ marginTop: 24 }}>
      <Typography.Title level={5}>Nhập danh sách tham dự từ Excel</Typography.Title>
      <Typography.Paragraph>
        Tệp Excel (.xlsx), dòng đầu là tên cột: <Typography.Text code>Họ và tên, Đơn vị</Typography.Text> (mã hoặc tên đơn vị) hoặc <Typography.Text code>Mã cán bộ</Typography.Text>. Không phân biệt dấu, chữ hoa. Khi tệp còn lỗi, không dòng nào được nhập.
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Upload
          accept=".xlsx"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            setFile(f);
            setChecked(undefined);
            setError(undefined);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="attendance-file">
            Chọn tệp
          </Button>
        </Upload>
        {file && <Typography.Text>{file.name}</Typography.Text>}
        <Button onClick={() => void run(true)} disabled={!file} loading={busy} data-testid="attendance-dry-run">
          Kiểm tra tệp
        </Button>
        <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => void run(false)} disabled={!file || !checked?.report.ok} loading={busy} data-testid="attendance-import">
          Nhập danh sách
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {checked?.report.ok && <Alert type="success" showIcon style={{ marginBottom: 16 }} data-testid="attendance-check-ok" title={`Tệp hợp lệ: ${checked.report.matched.length} người (${checked.report.matched.filter((m) => m.alreadyAttending).length} người đã có trong danh sách). Bấm “Nhập danh sách” để nhập.`} />}
      {checked && !checked.report.ok && (
        <>
          <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="attendance-check-failed" title={`Tìm thấy ${checked.report.problems.length} lỗi: chưa nhập dòng nào. Sửa tệp rồi kiểm tra lại.`} />
          <Table<AttendanceImportProblem & { key: number }>
            size="small"
            bordered
            pagination={{ pageSize: 20, showSizeChanger: false }}
            dataSource={checked.report.problems.map((p, key) => ({ ...p, key }))}
            columns={[
              { key: 'row', title: 'Dòng', width: 80, render: (_, p) => (p.row > 0 ? p.row : '—') },
              { key: 'column', title: 'Cột', width: 160, render: (_, p) => p.column ?? '—' },
              { key: 'message', title: 'Lỗi', dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </div>
  );
}
