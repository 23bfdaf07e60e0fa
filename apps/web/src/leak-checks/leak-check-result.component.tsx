import { LEAK_CONCLUSION_LABELS, LEAK_CONCLUSIONS, LEAK_DECISION_LABELS, LEVEL_LABELS, formatDateTime, type LeakCheck, type LeakConclusion, type LeakFinding } from '@bmnn/contracts';
import { Alert, App, Button, Descriptions, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../api/api.client.ts';
import { leakChecksApi } from '../api/api.endpoints.ts';
import { useSession } from '../auth/session.context.tsx';

const DECISION_ALERT = { block: 'error', review: 'warning', pass: 'success' } as const;
const DECISION_TAG = { block: 'red', review: 'gold', pass: 'green' } as const;

export function DecisionTag({ check }: { check: Pick<LeakCheck, 'decision'> }) {
  return <Tag color={DECISION_TAG[check.decision]}>{LEAK_DECISION_LABELS[check.decision]}</Tag>;
}

function headline(check: LeakCheck): string {
  if (check.conclusion) return `${LEAK_CONCLUSION_LABELS[check.conclusion]} (đã có kết luận của người xem xét)`;
  if (check.decision === 'block') return 'Phải chặn: tệp mang dấu độ mật, không được đăng công khai';
  if (check.decision === 'review') return 'Cần xem xét: chưa được đăng cho đến khi cán bộ bảo mật hoặc lãnh đạo kết luận';
  return 'Đạt: không thấy dấu chỉ độ mật, được phép đăng';
}

/** Type codes the scanner gives that are not a file extension, in words. */
const TYPE_WORDS: Record<string, string> = { 'encrypted-office': 'tệp Office có mật khẩu', unknown: 'không nhận ra loại tệp', text: 'văn bản thuần' };
const typeLabel = (type: string) => TYPE_WORDS[type] ?? type.toUpperCase();

const kb = (size: number) => `${Math.max(1, Math.round(size / 1024)).toLocaleString('vi-VN')} KB`;

/** One check: the decision in words, each finding with where and why, what could not be read, and the conclusion. */
export function LeakCheckResult({ check, onChanged }: { check: LeakCheck; onChanged: (check: LeakCheck) => void }) {
  const { account } = useSession();
  const mayConclude = check.decision !== 'pass' && !check.conclusion && account.roles.some((r) => r === 'CAN_BO_BAO_MAT' || r === 'LANH_DAO');
  return (
    <div data-testid="leak-check-result">
      <Alert
        type={check.mayPublish ? 'success' : DECISION_ALERT[check.decision]}
        showIcon
        title={<span data-testid="leak-check-headline">{headline(check)}</span>}
        description={check.mayPublish ? 'Chỉ đúng tệp có mã SHA-256 dưới đây được đăng; tệp sửa lại phải kiểm tra lại.' : undefined}
        style={{ marginBottom: 16 }}
      />
      {check.incidentId && (
        <Alert
          type="error"
          showIcon
          data-testid="leak-check-incident"
          title="Tệp đã đăng công khai mang dấu độ mật: đã lập vụ lộ bí mật nhà nước"
          description="Gỡ tệp khỏi cổng thông tin ngay và báo cáo lãnh đạo; vụ việc có trong mục Vụ lộ, mất BMNN."
          style={{ marginBottom: 16 }}
        />
      )}
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="Tệp">{check.fileName}</Descriptions.Item>
        <Descriptions.Item label="Kích thước, loại">{kb(check.size)}, {typeLabel(check.fileType)}</Descriptions.Item>
        <Descriptions.Item label="Mã SHA-256">
          <Typography.Text copyable code style={{ fontSize: 12 }} data-testid="leak-check-sha">{check.sha256}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="Kết quả kiểm tra"><DecisionTag check={check} /></Descriptions.Item>
        <Descriptions.Item label="Người kiểm tra">{check.checkedByName} — {check.unitName}, lúc {formatDateTime(check.checkedAt)}</Descriptions.Item>
        {check.conclusion && (
          <Descriptions.Item label="Kết luận">
            <span data-testid="leak-check-conclusion">
              {LEAK_CONCLUSION_LABELS[check.conclusion]} — {check.concludedByName}, lúc {formatDateTime(check.concludedAt)}. Lý do: {check.conclusionReason}
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {check.findings.length > 0 && (
        <>
          <Typography.Title level={5}>Dấu hiệu tìm thấy</Typography.Title>
          <Table<LeakFinding>
            data-testid="leak-check-findings"
            rowKey={(f) => `${f.ruleId}|${f.location}|${f.excerpt}`}
            size="small"
            pagination={false}
            dataSource={check.findings}
            style={{ marginBottom: 16 }}
            columns={[
              { key: 'title', title: 'Dấu hiệu', render: (_, f) => <>{f.title} {f.decision === 'block' ? <Tag color="red">chặn</Tag> : <Tag color="gold">xem xét</Tag>}</> },
              { key: 'level', title: 'Độ mật', render: (_, f) => (f.level ? LEVEL_LABELS[f.level] : '—') },
              { key: 'location', title: 'Vị trí', dataIndex: 'location' },
              { key: 'excerpt', title: 'Trích (đã che)', render: (_, f) => <Typography.Text code>{f.excerpt}</Typography.Text> },
              { key: 'evidence', title: 'Căn cứ', render: (_, f) => f.evidence.join('; ') || '—' },
            ]}
          />
        </>
      )}
      {check.problems.length > 0 && (
        <>
          <Typography.Title level={5}>Phần không đọc được</Typography.Title>
          <ul data-testid="leak-check-problems">
            {check.problems.map((p, i) => (
              <li key={i}>
                {p.message}
                {p.where ? ` [${p.where}]` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {mayConclude && <ConcludeForm check={check} onChanged={onChanged} />}
    </div>
  );
}

function ConcludeForm({ check, onChanged }: { check: LeakCheck; onChanged: (check: LeakCheck) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ conclusion: LeakConclusion; reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (values: { conclusion: LeakConclusion; reason: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const { check: updated } = await leakChecksApi.conclude(check.id, values);
      message.success('Đã ghi kết luận');
      onChanged(updated);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Typography.Title level={5}>Kết luận của người xem xét</Typography.Title>
      {check.decision === 'block' && (
        <Typography.Paragraph type="secondary">Tệp mang dấu độ mật chỉ được kết luận cho đăng bởi lãnh đạo, khi dấu hiệu là nhầm lẫn.</Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="leak-check-conclude-error" />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ conclusion: 'WITHHOLD' }}>
        <Form.Item name="conclusion" label="Kết luận" rules={[{ required: true, message: 'Chọn kết luận' }]}>
          <Radio.Group data-testid="leak-check-conclusion-choice">
            {LEAK_CONCLUSIONS.map((c) => (
              <Radio key={c} value={c}>
                {LEAK_CONCLUSION_LABELS[c]}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="reason" label="Lý do" rules={[{ required: true, whitespace: true, message: 'Lý do là bắt buộc' }]}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="leak-check-reason" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="leak-check-conclude">
            Ghi kết luận
          </Button>
        </Space>
      </Form>
    </>
  );
}
