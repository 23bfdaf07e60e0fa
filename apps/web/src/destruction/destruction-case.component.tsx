import { DESTRUCTION_METHOD_LABELS, DESTRUCTION_REASON_LABELS, DESTRUCTION_STATUS_LABELS, destructionCouncilRequest, destructionDecisionRequest, destructionExecutionRequest, destructionReportRequest, destructionReviewRequest, formatDate, formatDateTime, type DestructionCaseDetail, type DestructionMethod } from '@bmnn/contracts';
import { Alert, App, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { peopleApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { DATE_FORMAT, toIsoDate } from '../forms/dates.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { LevelTag, canKeepBooks, statusLabel } from '../register/register.labels.tsx';
import { useUnits } from '../units/units.hooks.ts';
import { CouncilMembersSelect } from './council-members.component.tsx';
import { ExecutionFields, toExecution } from './destruction-forms.component.tsx';
import { destructionApi } from './destruction.api.ts';

const ORDINARY_STEPS = ['PROPOSED', 'COUNCIL_SET', 'REVIEWED', 'DECIDED', 'EXECUTED'] as const;
/** Who acts next, shown to a reader who has no step to take. */
const WAITING: Partial<Record<DestructionCaseDetail['status'], string>> = {
  PROPOSED: 'Chờ lãnh đạo thành lập Hội đồng tiêu hủy',
  COUNCIL_SET: 'Chờ Hội đồng tiêu hủy họp xét và ghi biên bản',
  REVIEWED: 'Chờ người có thẩm quyền (không phải người lập danh sách) quyết định tiêu hủy',
  DECIDED: 'Chờ văn thư lập biên bản tiêu hủy',
  REPORT_DUE: 'Chờ đơn vị báo cáo bằng văn bản về việc tiêu hủy khẩn cấp',
};
const STEP_TITLES = ['Danh sách đề nghị', 'Hội đồng tiêu hủy', 'Hội đồng họp xét', 'Quyết định tiêu hủy', 'Biên bản tiêu hủy'];

/** A red tag while the emergency report is outstanding: the law wants it at once (R10.3). */
export function ReportTag({ c }: { c: Pick<DestructionCaseDetail, 'reason' | 'status' | 'reportDue' | 'reportSentOn' | 'reportOverdue'> }) {
  if (c.reason !== 'EMERGENCY') return null;
  if (c.reportSentOn) return <Tag color="green">Đã báo cáo ngày {formatDate(c.reportSentOn)}</Tag>;
  return (
    <Tag color="red" data-testid="destruction-report-overdue">
      {c.reportOverdue ? `Quá hạn báo cáo (hạn chót ${formatDateTime(c.reportDue)})` : 'Chưa báo cáo bằng văn bản — phải báo cáo ngay'}
    </Tag>
  );
}

/** One step's form: validated with its shared schema, the server's refusal shown above it. */
function StepForm<R>({ title, testId, okText, initialValues, onSubmit, children, danger }: { title: string; testId: string; okText: string; initialValues?: Record<string, unknown>; onSubmit: (form: ReturnType<typeof Form.useForm>[0], values: Record<string, unknown>) => Promise<{ ok: true; result: R } | { ok: false; message: string | undefined }>; children: ReactNode; danger?: boolean }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <Card size="small" title={title} style={{ marginTop: 16 }} data-testid={`${testId}-form`}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid={`${testId}-error`} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={async (values: Record<string, unknown>) => {
          setSaving(true);
          setError(undefined);
          const outcome = await onSubmit(form, values);
          setSaving(false);
          if (!outcome.ok) setError(outcome.message ?? 'Vui lòng sửa các ô được đánh dấu');
        }}
      >
        {children}
        <Button type="primary" danger={danger} htmlType="submit" loading={saving} data-testid={`${testId}-submit`}>
          {okText}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * A destruction case (R10.4): its items, where it stands, and the one step the reader may take
 * now — the head sets up the council, a council member records the review, a competent head who
 * did not propose decides, the clerk records the destruction; or files the emergency report.
 */
export function DestructionCaseDrawer({ caseId, onClose, onChanged }: { caseId: string; onClose: () => void; onChanged: () => void }) {
  const { account } = useSession();
  const { message } = App.useApp();
  const { byId } = useUnits();
  const loaded = useLoad(() => destructionApi.get(caseId), `destruction|${caseId}`);
  const isHead = account.roles.includes('LANH_DAO');
  const people = useLoad(() => (isHead ? peopleApi.list({}) : Promise.resolve({ people: [] })), `people|all|${isHead}`);
  const c = loaded.data?.case;
  const items = loaded.data?.items ?? [];
  const done = (text: string) => {
    void message.success(text);
    loaded.reload();
    onChanged();
  };
  const personOptions = (people.data?.people ?? []).map((p) => ({ value: p.id, label: [p.fullName, p.position, byId.get(p.unitId)?.name].filter(Boolean).join(' — '), title: p.fullName }));
  const onCouncil = !!c?.council && [c.council.chairId, ...c.council.memberIds].includes(account.personId);
  const inUnit = !!c && (c.unitId === account.unitId || byId.has(c.unitId));

  let step: ReactNode = null;
  if (c?.status === 'PROPOSED' && isHead && inUnit) {
    step = (
      <StepForm
        title="Thành lập Hội đồng tiêu hủy"
        testId="council"
        okText="Ghi quyết định thành lập Hội đồng"
        onSubmit={(form, values) => submitForm({ form, schema: destructionCouncilRequest, values: { ...values, memberIds: values.memberIds ?? [] }, send: (body) => destructionApi.setCouncil(caseId, body) }).then((o) => (o.ok && done('Đã thành lập Hội đồng tiêu hủy'), o))}
      >
        <Form.Item label="Số quyết định thành lập Hội đồng" name="councilRef" required rules={[zodRule(destructionCouncilRequest.shape.councilRef)]}>
          <Input data-testid="council-ref" />
        </Form.Item>
        <Form.Item label="Chủ tịch Hội đồng" name="chairId" required rules={[{ required: true, message: 'Chọn Chủ tịch Hội đồng (lãnh đạo đơn vị lưu giữ)' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={personOptions} loading={people.loading} data-testid="council-chair" />
        </Form.Item>
        <Form.Item label="Thành viên Hội đồng" name="memberIds" required rules={[zodRule(destructionCouncilRequest.shape.memberIds)]} extra="Gồm người trực tiếp lưu giữ tài liệu và đại diện cơ quan, đơn vị có liên quan (R10.4); gõ họ tên để tìm cán bộ của đơn vị khác">
          <CouncilMembersSelect caseId={caseId} />
        </Form.Item>
      </StepForm>
    );
  } else if (c?.status === 'COUNCIL_SET' && onCouncil) {
    step = (
      <StepForm title="Biên bản họp Hội đồng tiêu hủy" testId="review" okText="Ghi biên bản họp" onSubmit={(form, values) => submitForm({ form, schema: destructionReviewRequest, values, send: (body) => destructionApi.review(caseId, body) }).then((o) => (o.ok && done('Đã ghi biên bản họp Hội đồng'), o))}>
        <Form.Item label="Kết quả họp xét" name="minutes" required rules={[zodRule(destructionReviewRequest.shape.minutes)]}>
          <Input.TextArea rows={3} data-testid="review-minutes" />
        </Form.Item>
      </StepForm>
    );
  } else if (c?.status === 'REVIEWED' && isHead && inUnit) {
    step =
      c.proposedBy === account.id ? (
        <Alert type="info" showIcon style={{ marginTop: 16 }} title="Người lập danh sách đề nghị không tự quyết định tiêu hủy; chờ người có thẩm quyền khác quyết định." />
      ) : (
        <StepForm title="Quyết định tiêu hủy (R10.3)" testId="decide" okText="Quyết định tiêu hủy" danger onSubmit={(form, values) => submitForm({ form, schema: destructionDecisionRequest, values, send: (body) => destructionApi.decide(caseId, body) }).then((o) => (o.ok && done(`Đã quyết định tiêu hủy (${o.result.legalBasis})`), o))}>
          <Form.Item label="Số quyết định tiêu hủy" name="decisionRef" required rules={[zodRule(destructionDecisionRequest.shape.decisionRef)]}>
            <Input data-testid="decide-ref" />
          </Form.Item>
        </StepForm>
      );
  } else if (c?.status === 'DECIDED' && canKeepBooks(account.roles) && inUnit) {
    step = (
      <StepForm title="Biên bản tiêu hủy (R10.2)" testId="execute" okText="Ghi biên bản và đánh dấu đã tiêu hủy" danger onSubmit={(form, values) => submitForm({ form, schema: destructionExecutionRequest, values: toExecution(values), send: (body) => destructionApi.execute(caseId, body) }).then((o) => (o.ok && done(`Đã tiêu hủy ${o.result.destroyed} tài liệu`), o))}>
        <ExecutionFields />
      </StepForm>
    );
  } else if (c?.status === 'REPORT_DUE' && inUnit) {
    step = (
      <StepForm title="Báo cáo bằng văn bản về việc tiêu hủy khẩn cấp (R10.3)" testId="report" okText="Ghi nhận đã báo cáo" initialValues={{ sentOn: dayjs() }} onSubmit={(form, values) => submitForm({ form, schema: destructionReportRequest, values: { sentOn: toIsoDate(values.sentOn as Dayjs | null) }, send: (body) => destructionApi.report(caseId, body) }).then((o) => (o.ok && done('Đã ghi nhận báo cáo'), o))}>
        <Form.Item label="Ngày gửi báo cáo" name="sentOn" required rules={[{ required: true, message: 'Nhập ngày gửi báo cáo' }]}>
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} />
        </Form.Item>
      </StepForm>
    );
  }

  if (c && step === null && WAITING[c.status]) step = <Alert type="info" showIcon style={{ marginTop: 16 }} title={WAITING[c.status]} data-testid="destruction-waiting" />;

  const current = c ? (c.reason === 'EMERGENCY' ? (c.status === 'REPORTED' ? 2 : 1) : ORDINARY_STEPS.indexOf(c.status as (typeof ORDINARY_STEPS)[number]) + (c.status === 'EXECUTED' ? 1 : 0)) : 0;
  return (
    <Drawer open title="Hồ sơ tiêu hủy tài liệu, vật chứa BMNN" size={820} onClose={onClose} data-testid="destruction-drawer">
      {loaded.error && <Alert type="error" showIcon title={loaded.error} />}
      {c && (
        <>
          <Steps
            size="small"
            current={current}
            style={{ marginBottom: 16 }}
            items={(c.reason === 'EMERGENCY' ? ['Tiêu hủy khẩn cấp', 'Báo cáo bằng văn bản'] : STEP_TITLES).map((title) => ({ title }))}
          />
          <Descriptions column={1} bordered size="small" styles={{ label: { width: 220 } }}>
            <Descriptions.Item label="Trạng thái">
              <Space wrap>
                <span data-testid="destruction-status">{DESTRUCTION_STATUS_LABELS[c.status]}</span>
                <ReportTag c={c} />
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="Trường hợp">{DESTRUCTION_REASON_LABELS[c.reason]}</Descriptions.Item>
            <Descriptions.Item label="Đơn vị">{byId.get(c.unitId)?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Người lập">{c.proposedByName ?? '—'}</Descriptions.Item>
            {c.circumstances && <Descriptions.Item label="Lý do cấp bách">{c.circumstances}</Descriptions.Item>}
            {c.councilNames && (
              <Descriptions.Item label="Hội đồng tiêu hủy">
                {c.councilRef} — Chủ tịch: {c.councilNames.chair ?? '—'}; thành viên: {c.councilNames.members.join(', ')}
              </Descriptions.Item>
            )}
            {c.reviewMinutes && <Descriptions.Item label="Biên bản họp">{c.reviewMinutes}</Descriptions.Item>}
            {c.decisionRef && <Descriptions.Item label="Quyết định tiêu hủy">{`${c.decisionRef}, ngày ${formatDate(c.decidedOn)}${c.decidedByName ? ` — ${c.decidedByName}` : ''}`}</Descriptions.Item>}
            {c.executedAt && (
              <Descriptions.Item label="Biên bản tiêu hủy">
                {formatDateTime(c.executedAt)} tại {c.place}; {c.method ? DESTRUCTION_METHOD_LABELS[c.method as DestructionMethod] : ''}; chứng kiến: {c.witnesses.join(', ')}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            Danh sách tài liệu ({items.length})
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={items}
            data-testid="destruction-items"
            columns={[
              { key: 'so', title: 'Số, ký hiệu', dataIndex: 'soKyHieu' },
              { key: 'level', title: 'Độ mật', render: (_, i) => <LevelTag level={i.level} /> },
              { key: 'status', title: 'Tình trạng', render: (_, i) => <span data-testid={`destruction-item-status-${i.soKyHieu}`}>{statusLabel(i.status)}</span> },
            ]}
          />
          {step}
        </>
      )}
    </Drawer>
  );
}
