import { FolderAddOutlined } from '@ant-design/icons';
import { CLEARANCE_LABELS, RECORD_FILE_STATUS_LABELS, RECORD_FILE_STATUSES, createRecordFileRequest, formatDate, retentionLabel, type RecordFile, type RecordFileStatus } from '@bmnn/contracts';
import { Alert, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { peopleApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { LevelTag, canKeepBooks } from '../register/register.labels.tsx';
import { UnitSelect } from '../units/unit-select.component.tsx';
import { useUnits } from '../units/units.hooks.ts';
import { filesApi } from './files.api.ts';

const thisYear = new Date().getFullYear();
const fields = createRecordFileRequest.shape;

/**
 * "Hồ sơ, nộp lưu": the files (hồ sơ) the person may see, each marked with the highest level of
 * its items; the clerk and the head make new ones. Counts include only items the person may see.
 */
export function FilesPage() {
  const { account } = useSession();
  const navigate = useNavigate();
  const { byId } = useUnits();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<RecordFileStatus>();
  const [creating, setCreating] = useState(false);
  const files = useLoad(() => filesApi.list({ q: q || undefined, status }), `files|${q}|${status ?? ''}`);

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Hồ sơ, nộp lưu
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Input.Search placeholder="Tìm theo số hoặc tiêu đề hồ sơ (gõ không dấu cũng được)" allowClear onSearch={(v) => setQ(v.trim())} style={{ width: 420 }} data-testid="files-search" />
            <Select
              allowClear
              placeholder="Trạng thái"
              style={{ width: 180 }}
              value={status}
              onChange={setStatus}
              options={RECORD_FILE_STATUSES.map((s) => ({ value: s, label: RECORD_FILE_STATUS_LABELS[s] }))}
              data-testid="files-status"
            />
          </Space>
          {canKeepBooks(account.roles) && (
            <Button type="primary" icon={<FolderAddOutlined />} onClick={() => setCreating(true)} data-testid="files-create">
              Lập hồ sơ
            </Button>
          )}
        </Space>
        {files.error && <Alert type="error" showIcon title={files.error} style={{ marginBottom: 16 }} />}
        <Table<RecordFile>
          data-testid="files-table"
          rowKey="id"
          loading={files.loading}
          dataSource={files.data?.files ?? []}
          locale={{ emptyText: 'Không có hồ sơ nào bạn được xem' }}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          onRow={(f) => ({ onClick: () => navigate(`/files/${f.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'code', title: 'Số, ký hiệu hồ sơ', width: 150, render: (_, f) => <Typography.Link data-testid={`file-link-${f.code}`}>{f.code}</Typography.Link> },
            { key: 'title', title: 'Tiêu đề hồ sơ', dataIndex: 'title' },
            { key: 'year', title: 'Năm', width: 80, dataIndex: 'year' },
            { key: 'level', title: 'Độ mật', width: 120, render: (_, f) => (f.highestLevel ? <LevelTag level={f.highestLevel} /> : '—') },
            { key: 'items', title: 'Số tài liệu', width: 110, dataIndex: 'itemCount' },
            { key: 'retention', title: 'Thời hạn bảo quản', width: 150, render: (_, f) => retentionLabel(f.retentionYears) },
            { key: 'status', title: 'Trạng thái', width: 170, render: (_, f) => `${RECORD_FILE_STATUS_LABELS[f.status]}${f.archivedOn ? ` (${formatDate(f.archivedOn)})` : ''}` },
            { key: 'unit', title: 'Đơn vị', render: (_, f) => byId.get(f.unitId)?.name ?? '—' },
          ]}
        />
      </Card>
      {creating && (
        <CreateFileModal
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            navigate(`/files/${id}`);
          }}
        />
      )}
    </>
  );
}

function CreateFileModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { account } = useSession();
  const { units } = useUnits();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const unitId = Form.useWatch('unitId', form) as string | undefined;
  const people = useLoad(() => peopleApi.list(unitId ? { unitId } : {}), `people|${unitId ?? ''}`);
  const [permanent, setPermanent] = useState(true);

  const onFinish = async (values: Record<string, unknown>) => {
    setSaving(true);
    setFormError(undefined);
    const body = { ...values, retentionYears: permanent ? null : (values.retentionYears ?? undefined) };
    const outcome = await submitForm({ form, schema: createRecordFileRequest, values: body, send: (b) => filesApi.create(b) });
    setSaving(false);
    if (outcome.ok) onCreated(outcome.result.file.id);
    else setFormError(outcome.message);
  };

  return (
    <Modal open title="Lập hồ sơ" okText="Lập hồ sơ" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ 'data-testid': 'file-create-submit' }} width={640}>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="file-create-error" />}
      <Form form={form} name="create-file" layout="vertical" onFinish={onFinish} initialValues={{ unitId: account.unitId, year: thisYear, keeperId: account.personId }}>
        <Form.Item label="Đơn vị lập hồ sơ" name="unitId" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
          <UnitSelect units={units} testId="file-unit" />
        </Form.Item>
        <Space align="start" size="middle">
          <Form.Item label="Số, ký hiệu hồ sơ" name="code" rules={[zodRule(fields.code)]} style={{ width: 260 }}>
            <Input placeholder="Ví dụ: 01.VP" data-testid="file-code" />
          </Form.Item>
          <Form.Item label="Năm" name="year" rules={[zodRule(fields.year)]} style={{ width: 140 }}>
            <InputNumber min={1945} max={2100} style={{ width: '100%' }} data-testid="file-year" />
          </Form.Item>
        </Space>
        <Form.Item label="Tiêu đề hồ sơ" name="title" rules={[zodRule(fields.title)]}>
          <Input data-testid="file-title" />
        </Form.Item>
        <Form.Item label="Người lập, giữ hồ sơ" name="keeperId" rules={[{ required: true, message: 'Chọn người lập hồ sơ' }]} extra="Người này phải được tiếp cận độ mật của mọi tài liệu đưa vào hồ sơ.">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={people.loading}
            options={(people.data?.people ?? []).map((p) => ({ value: p.id, label: `${p.fullName} — mức tiếp cận ${CLEARANCE_LABELS[p.clearance]}` }))}
            data-testid="file-keeper"
          />
        </Form.Item>
        <Form.Item label="Thời hạn bảo quản">
          <Space>
            <Select
              value={permanent ? 'VINH_VIEN' : 'NAM'}
              onChange={(v) => setPermanent(v === 'VINH_VIEN')}
              style={{ width: 160 }}
              options={[
                { value: 'VINH_VIEN', label: 'Vĩnh viễn' },
                { value: 'NAM', label: 'Có thời hạn' },
              ]}
              data-testid="file-retention-kind"
            />
            {!permanent && (
              <Form.Item name="retentionYears" noStyle rules={[{ required: true, message: 'Nhập số năm' }]}>
                <InputNumber min={1} max={100} addonAfter="năm" data-testid="file-retention-years" />
              </Form.Item>
            )}
          </Space>
        </Form.Item>
        <Form.Item label="Ghi chú" name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
