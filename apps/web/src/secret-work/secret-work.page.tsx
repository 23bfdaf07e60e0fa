import { DownloadOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  ASSIGNMENT_KIND_LABELS,
  ASSIGNMENT_KINDS,
  COMMITMENT_KIND_LABELS,
  COMMITMENT_KINDS,
  OFFBOARDING_REASON_LABELS,
  OFFBOARDING_REASONS,
  OFFICER_TYPE_LABELS,
  OFFICER_TYPES,
  createAssignmentRequest,
  createCommitmentRequest,
  formatDate,
  openOffboardingRequest,
  signCommitmentRequest,
  type Assignment,
  type Commitment,
} from '@bmnn/contracts';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { describeError } from '../api/api.client.ts';
import { peopleApi, secretWorkApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { DATE_FORMAT, toIsoDate, today } from '../forms/dates.ts';
import { submitForm } from '../forms/zod-form.ts';
import { canManageSecretWork } from '../shell/permissions.ts';
import { useUnits } from '../units/units.hooks.ts';
import { OffboardingDrawer } from './offboarding.component.tsx';

type Dialog = 'assign' | 'commitment' | 'offboarding' | { sign: Commitment } | null;

/** People who work with secrets (LEGAL.md R11.2–R11.4): assignments, commitments, offboarding. */
export function SecretWorkPage() {
  const { account } = useSession();
  const { byId } = useUnits();
  const assignments = useLoad(() => secretWorkApi.assignments(), 'assignments');
  const missing = useLoad(() => secretWorkApi.missingOfficerUnits(), 'missing');
  const commitments = useLoad(() => secretWorkApi.commitments(), 'commitments');
  const cases = useLoad(() => secretWorkApi.offboardingCases(), 'cases');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [openCase, setOpenCase] = useState<string>();
  const canManage = canManageSecretWork(account.roles);
  const done = (reload: () => void) => () => {
    setDialog(null);
    reload();
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Cán bộ làm công tác bảo vệ bí mật nhà nước
      </Typography.Title>
      <Tabs
        items={[
          {
            key: 'assignments',
            label: 'Phân công',
            children: (
              <Card>
                {canManage && (
                  <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => setDialog('assign')} data-testid="assignment-create">
                    Phân công
                  </Button>
                )}
                {assignments.error && <Alert type="error" showIcon title={assignments.error} />}
                <Table<Assignment>
                  rowKey="id"
                  size="middle"
                  loading={assignments.loading}
                  dataSource={assignments.data?.assignments ?? []}
                  pagination={false}
                  columns={[
                    { key: 'person', title: 'Cán bộ', dataIndex: 'personName' },
                    { key: 'unit', title: 'Đơn vị', render: (_, a) => byId.get(a.unitId)?.name ?? '—' },
                    { key: 'kind', title: 'Phân công', render: (_, a) => `${ASSIGNMENT_KIND_LABELS[a.kind]}${a.officerType ? ` (${OFFICER_TYPE_LABELS[a.officerType]})` : ''}` },
                    { key: 'decision', title: 'Quyết định', render: (_, a) => `${a.decisionRef} ngày ${formatDate(a.decisionDate)}` },
                    { key: 'from', title: 'Từ ngày', render: (_, a) => formatDate(a.validFrom) },
                    { key: 'to', title: 'Đến ngày', render: (_, a) => formatDate(a.endedOn) || '—' },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'missing',
            label: `Đơn vị chưa có cán bộ bảo mật${missing.data ? ` (${missing.data.units.length})` : ''}`,
            children: (
              <Card>
                <Table
                  rowKey="id"
                  size="middle"
                  loading={missing.loading}
                  dataSource={missing.data?.units ?? []}
                  pagination={false}
                  locale={{ emptyText: 'Mọi đơn vị đều đã có cán bộ làm công tác bảo vệ bí mật nhà nước' }}
                  columns={[
                    { key: 'code', title: 'Mã', dataIndex: 'code' },
                    { key: 'name', title: 'Đơn vị', dataIndex: 'name' },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'commitments',
            label: 'Cam kết',
            children: (
              <Card>
                {canManage && (
                  <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => setDialog('commitment')} data-testid="commitment-create">
                    Lập cam kết
                  </Button>
                )}
                <Table<Commitment>
                  rowKey="id"
                  size="middle"
                  loading={commitments.loading}
                  dataSource={commitments.data?.commitments ?? []}
                  pagination={false}
                  columns={[
                    { key: 'person', title: 'Cán bộ', dataIndex: 'personName' },
                    { key: 'kind', title: 'Loại', render: (_, c) => c.title ?? COMMITMENT_KIND_LABELS[c.kind] },
                    { key: 'signed', title: 'Ngày ký', render: (_, c) => (c.signedOn ? formatDate(c.signedOn) : <Tag color="orange">Chưa ký</Tag>) },
                    { key: 'renewal', title: 'Hạn ký lại', render: (_, c) => formatDate(c.renewalDue) || '—' },
                    {
                      key: 'actions',
                      title: '',
                      render: (_, c) => (
                        <Space>
                          <Button size="small" icon={<DownloadOutlined />} href={secretWorkApi.commitmentFormUrl(c.id)}>
                            Mẫu cam kết
                          </Button>
                          {canManage && !c.signedOn && (
                            <Button size="small" onClick={() => setDialog({ sign: c })}>
                              Ghi nhận đã ký
                            </Button>
                          )}
                          <CommitmentScan commitment={c} canAttach={canManage} onAttached={commitments.reload} />
                        </Space>
                      ),
                    },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'offboarding',
            label: 'Thu hồi khi thôi quản lý BMNN',
            children: (
              <Card>
                {canManage && (
                  <Button type="primary" icon={<PlusOutlined />} style={{ marginBottom: 16 }} onClick={() => setDialog('offboarding')} data-testid="offboarding-create">
                    Mở hồ sơ thu hồi
                  </Button>
                )}
                <Table
                  rowKey="id"
                  size="middle"
                  loading={cases.loading}
                  dataSource={cases.data?.cases ?? []}
                  pagination={false}
                  locale={{ emptyText: 'Chưa có hồ sơ thu hồi' }}
                  columns={[
                    { key: 'person', title: 'Cán bộ', render: (_, c) => <Button type="link" style={{ padding: 0 }} onClick={() => setOpenCase(c.id)}>{c.personName}</Button> },
                    { key: 'reason', title: 'Lý do', render: (_, c) => OFFBOARDING_REASON_LABELS[c.reason] },
                    { key: 'date', title: 'Từ ngày', render: (_, c) => formatDate(c.effectiveDate) },
                    { key: 'status', title: 'Tình trạng', render: (_, c) => (c.status === 'OPEN' ? <Tag color="orange">Đang thu hồi</Tag> : <Tag color="green">Đã kết thúc</Tag>) },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      {dialog === 'assign' && <AssignModal onClose={() => setDialog(null)} onSaved={done(() => { assignments.reload(); missing.reload(); })} />}
      {dialog === 'commitment' && <CommitmentModal onClose={() => setDialog(null)} onSaved={done(commitments.reload)} />}
      {dialog !== null && typeof dialog === 'object' && <SignModal commitment={dialog.sign} onClose={() => setDialog(null)} onSaved={done(commitments.reload)} />}
      {dialog === 'offboarding' && (
        <OpenOffboardingModal
          onClose={() => setDialog(null)}
          onSaved={(id) => {
            setDialog(null);
            cases.reload();
            setOpenCase(id);
          }}
        />
      )}
      {openCase && (
        <OffboardingDrawer
          caseId={openCase}
          canManage={canManage}
          onClose={() => setOpenCase(undefined)}
          onChanged={() => {
            cases.reload();
            commitments.reload();
            assignments.reload();
          }}
        />
      )}
    </>
  );
}

function usePeopleOptions() {
  const people = useLoad(() => peopleApi.list(), 'people');
  return (people.data?.people ?? []).map((p) => ({ value: p.id, label: p.fullName }));
}

function FormModal({ title, form, saving, error, onClose, testId, children }: { title: string; form: ReturnType<typeof Form.useForm>[0]; saving: boolean; error: string | undefined; onClose: () => void; testId: string; children: ReactNode }) {
  return (
    <Modal open title={title} okText="Ghi" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ 'data-testid': testId }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {children}
    </Modal>
  );
}

function AssignModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const people = usePeopleOptions();
  const kind = Form.useWatch('kind', form);
  const { message } = App.useApp();
  const onFinish = async (v: { personId: string; kind: string; officerType?: string; decisionRef: string; decisionDate?: Dayjs; validFrom?: Dayjs }) => {
    setSaving(true);
    const values = { ...v, officerType: v.kind === 'SECURITY_OFFICER' ? v.officerType : null, decisionDate: toIsoDate(v.decisionDate), validFrom: toIsoDate(v.validFrom) };
    const outcome = await submitForm({ form, schema: createAssignmentRequest, values, send: secretWorkApi.assign });
    setSaving(false);
    if (outcome.ok) {
      message.success('Đã phân công');
      onSaved();
    } else setError(outcome.message);
  };
  return (
    <FormModal title="Phân công cán bộ" form={form} saving={saving} error={error} onClose={onClose} testId="assignment-form-submit">
      <Form form={form} layout="vertical" initialValues={{ kind: 'SECURITY_OFFICER', officerType: 'KIEM_NHIEM', decisionDate: today(), validFrom: today() }} onFinish={onFinish}>
        <Form.Item label="Cán bộ" name="personId" required rules={[{ required: true, message: 'Chọn cán bộ' }]}>
          <Select showSearch optionFilterProp="label" options={people} />
        </Form.Item>
        <Form.Item label="Phân công" name="kind" required>
          <Select options={ASSIGNMENT_KINDS.map((k) => ({ value: k, label: ASSIGNMENT_KIND_LABELS[k] }))} />
        </Form.Item>
        {kind === 'SECURITY_OFFICER' && (
          <Form.Item label="Chế độ" name="officerType" required>
            <Select options={OFFICER_TYPES.map((t) => ({ value: t, label: OFFICER_TYPE_LABELS[t] }))} />
          </Form.Item>
        )}
        <Form.Item label="Số quyết định" name="decisionRef" required>
          <Input />
        </Form.Item>
        <Form.Item label="Ngày quyết định" name="decisionDate" required>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label="Từ ngày" name="validFrom" required>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function CommitmentModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const people = usePeopleOptions();
  const kind = Form.useWatch('kind', form);
  const onFinish = async (v: { personId: string; kind: string; title?: string }) => {
    setSaving(true);
    const outcome = await submitForm({ form, schema: createCommitmentRequest, values: { ...v, title: v.title || null }, send: secretWorkApi.createCommitment });
    setSaving(false);
    if (outcome.ok) onSaved();
    else setError(outcome.message);
  };
  return (
    <FormModal title="Lập cam kết bảo vệ bí mật nhà nước" form={form} saving={saving} error={error} onClose={onClose} testId="commitment-form-submit">
      <Form form={form} layout="vertical" initialValues={{ kind: 'ON_ASSIGNMENT' }} onFinish={onFinish}>
        <Form.Item label="Cán bộ" name="personId" required rules={[{ required: true, message: 'Chọn cán bộ' }]}>
          <Select showSearch optionFilterProp="label" options={people} />
        </Form.Item>
        <Form.Item label="Loại cam kết" name="kind" required>
          <Select options={COMMITMENT_KINDS.map((k) => ({ value: k, label: COMMITMENT_KIND_LABELS[k] }))} />
        </Form.Item>
        {kind === 'OTHER' && (
          <Form.Item label="Tên cam kết" name="title" required>
            <Input />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}

/** The signed scan of a commitment: download it, or attach it (PDF or image, checked by the server). */
function CommitmentScan({ commitment, canAttach, onAttached }: { commitment: Commitment; canAttach: boolean; onAttached: () => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const attach = async (file: File) => {
    setBusy(true);
    try {
      await secretWorkApi.attachCommitmentScan(commitment.id, file);
      void message.success('Đã đính kèm bản quét cam kết');
      onAttached();
    } catch (e) {
      void message.error(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {commitment.scan && (
        <Button size="small" icon={<PaperClipOutlined />} href={secretWorkApi.commitmentScanUrl(commitment.id)} title={`${commitment.scan.name} (${Math.ceil(commitment.scan.size / 1024)} KB)`} data-testid={`commitment-scan-${commitment.id}`}>
          Bản quét
        </Button>
      )}
      {canAttach && (
        <Upload accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff" maxCount={1} showUploadList={false} beforeUpload={(f) => { void attach(f); return false; }}>
          <Button size="small" icon={<UploadOutlined />} loading={busy} data-testid={`commitment-attach-${commitment.id}`}>
            {commitment.scan ? 'Thay bản quét' : 'Đính kèm bản quét'}
          </Button>
        </Upload>
      )}
    </>
  );
}

function SignModal({ commitment, onClose, onSaved }: { commitment: Commitment; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const onFinish = async (v: { signedOn?: Dayjs; renewalDue?: Dayjs; scanRef?: string }) => {
    setSaving(true);
    const values = { signedOn: toIsoDate(v.signedOn), renewalDue: toIsoDate(v.renewalDue) ?? null, scanRef: v.scanRef || null };
    const outcome = await submitForm({ form, schema: signCommitmentRequest, values, send: (b) => secretWorkApi.signCommitment(commitment.id, b) });
    setSaving(false);
    if (outcome.ok) onSaved();
    else setError(outcome.message);
  };
  return (
    <FormModal title={`Ghi nhận đã ký: ${commitment.personName}`} form={form} saving={saving} error={error} onClose={onClose} testId="sign-form-submit">
      <Form form={form} layout="vertical" initialValues={{ signedOn: today() }} onFinish={onFinish}>
        <Form.Item label="Ngày ký" name="signedOn" required>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label="Hạn ký lại" name="renewalDue">
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label="Số hồ sơ bản ký" name="scanRef">
          <Input />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function OpenOffboardingModal({ onClose, onSaved }: { onClose: () => void; onSaved: (id: string) => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const people = usePeopleOptions();
  const onFinish = async (v: { personId: string; reason: string; effectiveDate?: Dayjs; successorId?: string; note?: string }) => {
    setSaving(true);
    const values = { ...v, effectiveDate: toIsoDate(v.effectiveDate), successorId: v.successorId ?? null, note: v.note || null };
    const outcome = await submitForm({ form, schema: openOffboardingRequest, values, send: secretWorkApi.openOffboarding });
    setSaving(false);
    if (outcome.ok) onSaved(outcome.result.case.id);
    else setError(outcome.message);
  };
  return (
    <FormModal title="Mở hồ sơ thu hồi tài liệu, thiết bị" form={form} saving={saving} error={error} onClose={onClose} testId="offboarding-form-submit">
      <Form form={form} layout="vertical" initialValues={{ reason: 'RETIRE', effectiveDate: today() }} onFinish={onFinish}>
        <Form.Item label="Cán bộ thôi quản lý BMNN" name="personId" required rules={[{ required: true, message: 'Chọn cán bộ' }]}>
          <Select showSearch optionFilterProp="label" options={people} />
        </Form.Item>
        <Form.Item label="Lý do" name="reason" required>
          <Select options={OFFBOARDING_REASONS.map((r) => ({ value: r, label: OFFBOARDING_REASON_LABELS[r] }))} />
        </Form.Item>
        <Form.Item label="Từ ngày" name="effectiveDate" required>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label="Người nhận bàn giao" name="successorId">
          <Select allowClear showSearch optionFilterProp="label" options={people} />
        </Form.Item>
        <Form.Item label="Ghi chú" name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
