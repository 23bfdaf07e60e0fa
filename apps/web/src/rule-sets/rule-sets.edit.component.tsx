import { LEVELS, LEVEL_LABELS, type Level } from '@bmnn/contracts';
import { describeRuleSetChange, formatRuleSetPath, listRuleSetChanges, parseRuleSet, serializeRuleSet, type RuleSet } from '@bmnn/rules';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, describeError } from '../api/api.client.ts';
import { ruleSetsApi } from '../api/api.endpoints.ts';

type Issue = { path: string; message: string; where?: string };

/** Issues of a refused save: the server's (with a Vietnamese place) or the shared schema's. */
function IssueList({ title, issues }: { title: string; issues: Issue[] }) {
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      data-testid="rule-set-issues"
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {issues.map((i, n) => (
            <li key={n}>
              <Typography.Text strong>{i.where ?? formatRuleSetPath(i.path)}</Typography.Text>: {i.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** The values an administrator corrects most often (LEGAL.md UNCONFIRMED figures). */
type Common = {
  baseYears: Record<Level, number>;
  maxYearsEach: Record<Level, number>;
  decisionLeadDays: number;
  extensionNotifyWithinDays: number;
  warningLeadDays: number;
  adjustmentNotifyWithinDays: number;
  emergencyReportWithinHours: number;
  recallWarningLeadDays: number;
  takeOutWarningLeadDays: number;
  trichYeuConsent: boolean;
};

const commonOf = (r: RuleSet): Common => ({
  baseYears: { ...r.periods.baseYears },
  maxYearsEach: { ...r.extension.maxYearsEach },
  decisionLeadDays: r.extension.decisionLeadDays,
  extensionNotifyWithinDays: r.extension.notifyWithinDays,
  warningLeadDays: r.extension.warningLeadDays,
  adjustmentNotifyWithinDays: r.adjustment.notifyWithinDays,
  emergencyReportWithinHours: r.destruction.emergencyReportWithinHours,
  recallWarningLeadDays: r.recall.warningLeadDays,
  takeOutWarningLeadDays: r.takeOut.warningLeadDays,
  trichYeuConsent: r.trichYeu.tuyetMat === 'CONSENT_REQUIRED',
});

function applyCommon(r: RuleSet, c: Common): RuleSet {
  const next = JSON.parse(JSON.stringify(r)) as RuleSet;
  next.periods.baseYears = { ...c.baseYears };
  next.extension.maxYearsEach = { ...c.maxYearsEach };
  next.extension.decisionLeadDays = c.decisionLeadDays;
  next.extension.notifyWithinDays = c.extensionNotifyWithinDays;
  next.extension.warningLeadDays = c.warningLeadDays;
  next.adjustment.notifyWithinDays = c.adjustmentNotifyWithinDays;
  next.destruction.emergencyReportWithinHours = c.emergencyReportWithinHours;
  next.recall.warningLeadDays = c.recallWarningLeadDays;
  next.takeOut.warningLeadDays = c.takeOutWarningLeadDays;
  next.trichYeu.tuyetMat = c.trichYeuConsent ? 'CONSENT_REQUIRED' : 'NEVER';
  return next;
}

/**
 * Editing a rule set: a form for the common values and a JSON editor for everything else. Both
 * validate with the shared schema (parseRuleSet) before sending; the server validates again,
 * refuses overlapping validity and a stale version, and audits the list of changes.
 */
export function RuleSetEditor({ ruleSet, version, onSaved }: { ruleSet: RuleSet; version: number; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Common>();
  const [json, setJson] = useState(() => serializeRuleSet({ ruleSet }));
  const [issues, setIssues] = useState<{ title: string; issues: Issue[] }>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const save = async (candidate: unknown) => {
    setIssues(undefined);
    setError(undefined);
    const parsed = parseRuleSet({ json: candidate });
    if (!parsed.ok) {
      setIssues({ title: 'Bộ quy tắc chưa hợp lệ, chưa lưu', issues: parsed.issues });
      return;
    }
    const changes = listRuleSetChanges({ before: ruleSet, after: parsed.ruleSet });
    if (changes.length === 0) {
      void message.info('Không có thay đổi nào để lưu');
      return;
    }
    setSaving(true);
    try {
      const saved = await ruleSetsApi.update(ruleSet.id, { json: serializeRuleSet({ ruleSet: parsed.ruleSet }), version });
      void message.success(`Đã lưu phiên bản ${saved.version}: ${saved.changes.map((c) => c.text).join('; ')}`);
      onSaved();
    } catch (err) {
      const serverIssues = err instanceof ApiError ? ((err.details as { issues?: Issue[] } | undefined)?.issues ?? []) : [];
      if (serverIssues.length > 0) setIssues({ title: describeError(err), issues: serverIssues });
      else setError(describeError(err));
    } finally {
      setSaving(false);
    }
  };

  const preview = (() => {
    const parsed = parseRuleSet({ json });
    return parsed.ok ? listRuleSetChanges({ before: ruleSet, after: parsed.ruleSet }).map(describeRuleSetChange) : null;
  })();

  const number = (name: string | [string, string], label: string, unit: string, testId: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: 'Nhập một số' }]}>
      <InputNumber min={0} max={3650} precision={0} addonAfter={unit} style={{ width: '100%' }} data-testid={testId} />
    </Form.Item>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {issues && <IssueList title={issues.title} issues={issues.issues} />}
      {error && <Alert type="error" showIcon title={error} data-testid="rule-set-error" />}
      <Card size="small" title="Các giá trị thường sửa">
        <Form<Common> form={form} layout="vertical" initialValues={commonOf(ruleSet)} onFinish={(values) => void save(applyCommon(ruleSet, values))}>
          <Row gutter={16}>
            {[...LEVELS].reverse().map((level) => (
              <Col span={8} key={level}>
                {number(['baseYears', level], `Thời hạn bảo vệ — ${LEVEL_LABELS[level]}`, 'năm', `rs-base-${level}`)}
                {number(['maxYearsEach', level], `Gia hạn tối đa mỗi lần — ${LEVEL_LABELS[level]}`, 'năm', `rs-max-${level}`)}
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            <Col span={8}>{number('decisionLeadDays', 'Quyết định gia hạn chậm nhất trước khi hết hạn (R9.2)', 'ngày', 'rs-decision-lead')}</Col>
            <Col span={8}>{number('extensionNotifyWithinDays', 'Thông báo gia hạn trong (R9.2)', 'ngày', 'rs-ext-notify')}</Col>
            <Col span={8}>{number('warningLeadDays', 'Cảnh báo sắp hết thời hạn trước', 'ngày', 'rs-warning')}</Col>
            <Col span={8}>{number('adjustmentNotifyWithinDays', 'Thông báo điều chỉnh độ mật trong (R9.3)', 'ngày', 'rs-adj-notify')}</Col>
            <Col span={8}>{number('emergencyReportWithinHours', 'Báo cáo tiêu hủy khẩn cấp trong (R10.3)', 'giờ', 'rs-emergency')}</Col>
            <Col span={8}>{number('recallWarningLeadDays', 'Cảnh báo hạn trả tài liệu thu hồi trước (R7.7)', 'ngày', 'rs-recall')}</Col>
            <Col span={8}>{number('takeOutWarningLeadDays', 'Cảnh báo hạn trả tài liệu mang ra trước (R8.2)', 'ngày', 'rs-takeout')}</Col>
          </Row>
          <Form.Item name="trichYeuConsent" valuePropName="checked" label="Cho phép ghi trích yếu tài liệu Tuyệt mật khi người có thẩm quyền đồng ý (R7.2)">
            <Switch checkedChildren="Cho phép" unCheckedChildren="Không ghi" data-testid="rs-trich-yeu" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="rs-save-form">
            Lưu thay đổi
          </Button>
        </Form>
      </Card>
      <Card size="small" title="Sửa toàn bộ (JSON): thẩm quyền, căn cứ, ngày hiệu lực…">
        <Typography.Paragraph type="secondary">
          Mỗi quy định có căn cứ pháp lý; quy định chưa đối chiếu văn bản chính thức phải có ghi chú nguồn. Thời gian hiệu lực không được trùng với bộ quy tắc khác.
        </Typography.Paragraph>
        <Input.TextArea value={json} onChange={(e) => setJson(e.target.value)} autoSize={{ minRows: 12, maxRows: 30 }} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="rs-json" />
        <div style={{ margin: '8px 0' }}>
          {preview === null ? (
            <Typography.Text type="danger">JSON chưa hợp lệ: bấm "Lưu JSON" để xem lỗi.</Typography.Text>
          ) : (
            <Typography.Text type="secondary" data-testid="rs-json-preview">
              {preview.length === 0 ? 'Chưa có thay đổi.' : `${preview.length} thay đổi: ${preview.join('; ')}`}
            </Typography.Text>
          )}
        </div>
        <Space>
          <Button type="primary" loading={saving} onClick={() => void save(json)} data-testid="rs-save-json">
            Lưu JSON
          </Button>
          <Button onClick={() => setJson(serializeRuleSet({ ruleSet }))}>Hoàn tác</Button>
        </Space>
      </Card>
    </Space>
  );
}
