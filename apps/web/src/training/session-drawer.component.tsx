import { DownloadOutlined } from '@ant-design/icons';
import { TRAINING_KIND_LABELS, formatDate, type TrainingAttendee } from '@bmnn/contracts';
import { Alert, Button, Descriptions, Drawer, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../api/api.client.ts';
import { DryRunImport } from '../forms/dry-run-import.component.tsx';
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
