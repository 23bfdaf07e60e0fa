import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  DISSEMINATION_KIND_LABELS,
  DISSEMINATION_KINDS,
  TRAINING_KIND_LABELS,
  createDisseminationRequest,
  formatDate,
  type Dissemination,
  type PersonTraining,
  type TrainingCoverageRow,
  type TrainingSession,
} from '@bmnn/contracts';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { describeError } from '../api/api.client.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { danhMucApi } from '../danh-muc/danh-muc.api.ts';
import { DATE_FORMAT, toIsoDate, today } from '../forms/dates.ts';
import { submitForm } from '../forms/zod-form.ts';
import { canManageTraining } from '../shell/permissions.ts';
import { UnitSelect } from '../units/unit-select.component.tsx';
import { useUnits } from '../units/units.hooks.ts';
import { SessionDrawer } from './session-drawer.component.tsx';
import { SessionModal } from './session-form.component.tsx';
import { trainingApi } from './training.api.ts';
import { usePeopleOptions } from './training.hooks.ts';

// ECharts (about 0.5 MB) loads only when the coverage tab is opened.
const CoverageChart = lazy(() => import('./coverage-chart.component.tsx').then((m) => ({ default: m.CoverageChart })));

/** Training and dissemination (tuyên truyền, tập huấn, quán triệt — LEGAL.md R11.5). */
export function TrainingPage() {
  const { account } = useSession();
  const { byId } = useUnits();
  const sessions = useLoad(() => trainingApi.sessions(), 'sessions');
  const disseminations = useLoad(() => trainingApi.disseminations(), 'disseminations');
  const coverage = useLoad(() => trainingApi.coverage(), 'coverage');
  const due = useLoad(() => trainingApi.people(true), 'due');
  const everyone = useLoad(() => trainingApi.people(false), 'everyone');
  const [dialog, setDialog] = useState<'session' | 'dissemination' | null>(null);
  const [openId, setOpenId] = useState<string>();
  const canManage = canManageTraining(account.roles);
  const isAdmin = account.roles.includes('QUAN_TRI');
  const reloadFigures = () => {
    coverage.reload();
    due.reload();
    everyone.reload();
  };
  const c = coverage.data?.coverage;

  const personColumns = [
    { key: 'name', title: 'Cán bộ', dataIndex: 'fullName' },
    { key: 'unit', title: 'Đơn vị', dataIndex: 'unitName' },
    { key: 'last', title: 'Lần tập huấn gần nhất', render: (_: unknown, p: PersonTraining) => (p.lastTrainedOn ? `${formatDate(p.lastTrainedOn)} — ${p.lastTopic}` : 'Chưa được tập huấn') },
    { key: 'due', title: '', render: (_: unknown, p: PersonTraining) => (p.due ? <Tag color="orange">Cần tập huấn lại</Tag> : <Tag color="green">Còn trong thời hạn</Tag>) },
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Tập huấn, tuyên truyền, quán triệt về bảo vệ bí mật nhà nước
      </Typography.Title>
      <Tabs
        items={[
          {
            key: 'sessions',
            label: 'Buổi tập huấn',
            children: (
              <Card>
                {canManage && (
                  <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => setDialog('session')} data-testid="training-create">
                    Ghi nhận buổi tập huấn
                  </Button>
                )}
                {sessions.error && <Alert type="error" showIcon title={sessions.error} />}
                <Table<TrainingSession>
                  rowKey="id"
                  size="middle"
                  loading={sessions.loading}
                  dataSource={sessions.data?.sessions ?? []}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  locale={{ emptyText: 'Chưa có buổi tập huấn, tuyên truyền nào' }}
                  data-testid="training-sessions"
                  columns={[
                    { key: 'date', title: 'Ngày', render: (_, s) => formatDate(s.heldOn) },
                    { key: 'topic', title: 'Chủ đề', render: (_, s) => <Button type="link" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpenId(s.id)}>{s.topic}</Button> },
                    { key: 'kind', title: 'Hình thức', render: (_, s) => TRAINING_KIND_LABELS[s.kind] },
                    { key: 'organiser', title: 'Đơn vị tổ chức', dataIndex: 'organiser' },
                    { key: 'unit', title: 'Đơn vị', render: (_, s) => byId.get(s.unitId)?.name ?? '—' },
                    { key: 'count', title: 'Số người tham dự', dataIndex: 'attendeeCount' },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'disseminations',
            label: 'Phổ biến văn bản, danh mục',
            children: (
              <Card>
                {canManage && (
                  <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => setDialog('dissemination')} data-testid="dissemination-create">
                    Ghi nhận phổ biến
                  </Button>
                )}
                <Table<Dissemination>
                  rowKey="id"
                  size="middle"
                  loading={disseminations.loading}
                  dataSource={disseminations.data?.disseminations ?? []}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  locale={{ emptyText: 'Chưa ghi nhận việc phổ biến văn bản nào' }}
                  columns={[
                    { key: 'date', title: 'Ngày', render: (_, d) => formatDate(d.disseminatedOn) },
                    { key: 'kind', title: 'Loại', render: (_, d) => DISSEMINATION_KIND_LABELS[d.kind] },
                    { key: 'title', title: 'Văn bản', dataIndex: 'documentTitle' },
                    { key: 'method', title: 'Hình thức', render: (_, d) => d.method ?? '—' },
                    { key: 'to', title: 'Người được phổ biến', render: (_, d) => d.recipients.map((r) => r.fullName).join(', ') },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'coverage',
            label: 'Tỷ lệ được tập huấn',
            children: (
              <Card>
                {coverage.error && <Alert type="error" showIcon title={coverage.error} />}
                {c && (
                  <>
                    <Space wrap style={{ marginBottom: 16 }}>
                      <Typography.Text data-testid="coverage-summary">
                        Trong {c.windowMonths} tháng (từ {formatDate(c.since)} đến {formatDate(c.asOf)}): {c.total.trained}/{c.total.secretStaff} cán bộ làm công tác liên quan đến bí mật nhà nước đã được tập huấn ({c.total.percent.toLocaleString('vi-VN')}%).
                      </Typography.Text>
                      <Button icon={<DownloadOutlined />} href={trainingApi.coverageXlsxUrl()} data-testid="coverage-xlsx">
                        Xuất Excel
                      </Button>
                    </Space>
                    {isAdmin && <WindowSetting current={c.windowMonths} onSaved={reloadFigures} />}
                    {c.units.length > 0 && (
                      <Suspense fallback={null}>
                        <CoverageChart units={c.units} windowMonths={c.windowMonths} />
                      </Suspense>
                    )}
                    <Table<TrainingCoverageRow>
                      rowKey="unitId"
                      size="middle"
                      pagination={false}
                      dataSource={c.units}
                      locale={{ emptyText: 'Chưa có cán bộ nào được ghi là làm công tác liên quan đến bí mật nhà nước' }}
                      columns={[
                        { key: 'code', title: 'Mã', dataIndex: 'unitCode' },
                        { key: 'name', title: 'Đơn vị', dataIndex: 'unitName' },
                        { key: 'staff', title: 'Số cán bộ làm công tác BMNN', dataIndex: 'secretStaff' },
                        { key: 'trained', title: 'Đã được tập huấn', dataIndex: 'trained' },
                        { key: 'percent', title: 'Tỷ lệ', render: (_, u) => `${u.percent.toLocaleString('vi-VN')}%` },
                      ]}
                    />
                  </>
                )}
              </Card>
            ),
          },
          {
            key: 'due',
            label: `Cần tập huấn lại${due.data ? ` (${due.data.people.length})` : ''}`,
            children: (
              <Card>
                <Table<PersonTraining> rowKey="personId" size="middle" loading={due.loading} dataSource={due.data?.people ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }} locale={{ emptyText: 'Mọi cán bộ đều đã được tập huấn trong thời hạn' }} columns={personColumns} data-testid="training-due" />
              </Card>
            ),
          },
          {
            key: 'people',
            label: 'Lần tập huấn gần nhất',
            children: (
              <Card>
                <Table<PersonTraining> rowKey="personId" size="middle" loading={everyone.loading} dataSource={everyone.data?.people ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }} columns={personColumns} />
              </Card>
            ),
          },
        ]}
      />
      {dialog === 'session' && (
        <SessionModal
          defaultUnitId={account.unitId}
          onClose={() => setDialog(null)}
          onSaved={(id) => {
            setDialog(null);
            sessions.reload();
            reloadFigures();
            setOpenId(id);
          }}
        />
      )}
      {dialog === 'dissemination' && (
        <DisseminationModal
          defaultUnitId={account.unitId}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            disseminations.reload();
          }}
        />
      )}
      {openId && (
        <SessionDrawer
          sessionId={openId}
          canManage={canManage}
          onClose={() => setOpenId(undefined)}
          onChanged={() => {
            sessions.reload();
            reloadFigures();
          }}
        />
      )}
    </>
  );
}

function WindowSetting({ current, onSaved }: { current: number; onSaved: () => void }) {
  const [value, setValue] = useState<number | null>(current);
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  const save = async () => {
    if (!value) return;
    setSaving(true);
    try {
      await trainingApi.setPolicy({ windowMonths: value });
      message.success('Đã đổi thời hạn tập huấn lại');
      onSaved();
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space style={{ marginBottom: 16 }}>
      <Typography.Text>Thời hạn tập huấn lại (tháng):</Typography.Text>
      <InputNumber min={1} max={60} value={value} onChange={setValue} data-testid="training-window" />
      <Button onClick={save} loading={saving} data-testid="training-window-save">
        Lưu
      </Button>
    </Space>
  );
}

function DisseminationModal({ defaultUnitId, onClose, onSaved }: { defaultUnitId: string; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const { units } = useUnits();
  const people = usePeopleOptions();
  const kind = Form.useWatch('kind', form);
  const decisions = useLoad(() => danhMucApi.decisions(), 'decisions');
  const onFinish = async (v: { unitId: string; kind: string; documentTitle: string; danhMucDecisionId?: string; disseminatedOn?: Dayjs; method?: string; recipientIds?: string[] }) => {
    setSaving(true);
    const values = { ...v, danhMucDecisionId: v.kind === 'DANH_MUC' ? (v.danhMucDecisionId ?? null) : null, disseminatedOn: toIsoDate(v.disseminatedOn), method: v.method || null, recipientIds: v.recipientIds ?? [] };
    const outcome = await submitForm({ form, schema: createDisseminationRequest, values, send: trainingApi.createDissemination });
    setSaving(false);
    if (outcome.ok) onSaved();
    else setError(outcome.message);
  };
  return (
    <Modal open width={640} title="Phổ biến văn bản, danh mục bí mật nhà nước" okText="Ghi" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ 'data-testid': 'dissemination-form-submit' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ unitId: defaultUnitId, kind: 'LEGAL_DOCUMENT', disseminatedOn: today() }} onFinish={onFinish}>
        <Form.Item label="Đơn vị" name="unitId" required>
          <UnitSelect units={units} />
        </Form.Item>
        <Form.Item label="Loại" name="kind" required>
          <Select options={DISSEMINATION_KINDS.map((k) => ({ value: k, label: DISSEMINATION_KIND_LABELS[k] }))} />
        </Form.Item>
        {kind === 'DANH_MUC' && (
          <Form.Item label="Quyết định ban hành danh mục" name="danhMucDecisionId" required>
            <Select
              options={(decisions.data?.decisions ?? []).map((d) => ({ value: d.id, label: `${d.number} — ${d.sector}` }))}
              onChange={(id: string) => {
                const d = decisions.data?.decisions.find((x) => x.id === id);
                if (d && !form.getFieldValue('documentTitle')) form.setFieldValue('documentTitle', `Danh mục bí mật nhà nước ${d.sector} (Quyết định ${d.number})`);
              }}
            />
          </Form.Item>
        )}
        <Form.Item label="Văn bản" name="documentTitle" required>
          <Input />
        </Form.Item>
        <Form.Item label="Ngày phổ biến" name="disseminatedOn" required>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label="Hình thức phổ biến" name="method">
          <Input placeholder="Hội nghị, gửi văn bản, ký nhận…" />
        </Form.Item>
        <Form.Item label="Người được phổ biến" name="recipientIds" required>
          <Select mode="multiple" showSearch optionFilterProp="label" options={people} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
