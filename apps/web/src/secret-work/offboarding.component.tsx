import { OFFBOARDING_REASON_LABELS, OFFBOARDING_RESOLUTION_LABELS, formatDate, resolveOffboardingLineRequest, signCommitmentRequest, type OffboardingLine } from '@bmnn/contracts';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { describeError } from '../api/api.client.ts';
import { peopleApi, secretWorkApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { DATE_FORMAT, toIsoDate, today } from '../forms/dates.ts';
import { submitForm } from '../forms/zod-form.ts';

/**
 * An offboarding case (LEGAL.md R11.2, R11.3): each item or device is handed over, accounted for,
 * or reported missing (which opens an incident); the case closes only when nothing is left open
 * and the exit commitment is signed, and closing disables the person's account.
 */
export function OffboardingDrawer({ caseId, canManage, onClose, onChanged }: { caseId: string; canManage: boolean; onClose: () => void; onChanged: () => void }) {
  const detail = useLoad(() => secretWorkApi.offboardingCase(caseId), caseId);
  const [resolving, setResolving] = useState<OffboardingLine>();
  const [signing, setSigning] = useState(false);
  const [closeError, setCloseError] = useState<string>();
  const { message } = App.useApp();
  const c = detail.data?.case;
  const open = canManage && c?.status === 'OPEN';
  const changed = () => {
    setResolving(undefined);
    setSigning(false);
    detail.reload();
    onChanged();
  };
  const close = async () => {
    setCloseError(undefined);
    try {
      await secretWorkApi.closeOffboarding(caseId);
      message.success('Đã kết thúc hồ sơ thu hồi; tài khoản của cán bộ (nếu có) đã bị vô hiệu hóa');
      changed();
    } catch (error) {
      setCloseError(describeError(error));
    }
  };
  return (
    <Drawer open size={760} title={c ? `Thu hồi: ${c.personName}` : 'Hồ sơ thu hồi'} onClose={onClose} data-testid="offboarding-drawer">
      {detail.error && <Alert type="error" showIcon title={detail.error} />}
      {c && (
        <>
          <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="Lý do">{OFFBOARDING_REASON_LABELS[c.reason]}</Descriptions.Item>
            <Descriptions.Item label="Từ ngày">{formatDate(c.effectiveDate)}</Descriptions.Item>
            <Descriptions.Item label="Cam kết khi thôi quản lý">{c.exitCommitmentSigned ? <Tag color="green">Đã ký</Tag> : <Tag color="orange">Chưa ký</Tag>}</Descriptions.Item>
            <Descriptions.Item label="Tình trạng">{c.status === 'OPEN' ? `Đang thu hồi — còn ${c.openLines} mục` : 'Đã kết thúc'}</Descriptions.Item>
          </Descriptions>
          <Table<OffboardingLine>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.lines}
            locale={{ emptyText: 'Cán bộ không giữ tài liệu, thiết bị nào' }}
            columns={[
              { key: 'label', title: 'Tài liệu, thiết bị', dataIndex: 'label' },
              { key: 'resolution', title: 'Xử lý', render: (_, l) => <Tag color={l.resolution === 'OPEN' ? 'orange' : l.resolution === 'MISSING' ? 'red' : 'green'}>{OFFBOARDING_RESOLUTION_LABELS[l.resolution]}</Tag> },
              { key: 'ref', title: 'Biên bản', render: (_, l) => l.handoverRef ?? l.note ?? '—' },
              ...(open ? [{ key: 'act', title: '', render: (_: unknown, l: OffboardingLine) => l.resolution === 'OPEN' && <Button size="small" onClick={() => setResolving(l)}>Xử lý</Button> }] : []),
            ]}
          />
          {closeError && <Alert type="error" showIcon title={closeError} style={{ marginTop: 16 }} data-testid="offboarding-close-error" />}
          {open && (
            <Space style={{ marginTop: 16 }}>
              {!c.exitCommitmentSigned && <Button onClick={() => setSigning(true)} data-testid="offboarding-sign">Ghi nhận cam kết đã ký</Button>}
              <Button type="primary" onClick={close} data-testid="offboarding-close">Kết thúc hồ sơ</Button>
            </Space>
          )}
          {resolving && <ResolveModal caseId={caseId} line={resolving} onClose={() => setResolving(undefined)} onSaved={changed} />}
          {signing && <ExitCommitmentModal caseId={caseId} onClose={() => setSigning(false)} onSaved={changed} />}
        </>
      )}
    </Drawer>
  );
}

function ResolveModal({ caseId, line, onClose, onSaved }: { caseId: string; line: OffboardingLine; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const people = useLoad(() => peopleApi.list(), 'people');
  const resolution = Form.useWatch('resolution', form);
  const onFinish = async (v: { resolution: string; handedToId?: string; handoverRef?: string; note?: string }) => {
    setSaving(true);
    const values = { ...v, handedToId: v.handedToId ?? null, handoverRef: v.handoverRef || null, note: v.note || null };
    const outcome = await submitForm({ form, schema: resolveOffboardingLineRequest, values, send: (b) => secretWorkApi.resolveLine(caseId, line.id, b) });
    setSaving(false);
    if (outcome.ok) onSaved();
    else setError(outcome.message);
  };
  return (
    <Modal open title={line.label} okText="Ghi" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ 'data-testid': 'resolve-form-submit' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ resolution: 'HANDED_OVER' }} onFinish={onFinish}>
        <Form.Item label="Cách xử lý" name="resolution" required>
          <Select options={(['HANDED_OVER', 'ACCOUNTED', 'MISSING'] as const).map((r) => ({ value: r, label: OFFBOARDING_RESOLUTION_LABELS[r] }))} />
        </Form.Item>
        {resolution === 'HANDED_OVER' && (
          <>
            <Form.Item label="Người nhận bàn giao" name="handedToId" required>
              <Select showSearch optionFilterProp="label" options={(people.data?.people ?? []).map((p) => ({ value: p.id, label: p.fullName }))} />
            </Form.Item>
            <Form.Item label="Số biên bản bàn giao" name="handoverRef">
              <Input />
            </Form.Item>
          </>
        )}
        {resolution === 'MISSING' && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="Ghi nhận không tìm thấy sẽ lập một vụ mất bí mật nhà nước." />}
        <Form.Item label="Ghi chú" name="note" required={resolution === 'ACCOUNTED'}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ExitCommitmentModal({ caseId, onClose, onSaved }: { caseId: string; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const onFinish = async (v: { signedOn?: Dayjs; scanRef?: string }) => {
    setSaving(true);
    const outcome = await submitForm({ form, schema: signCommitmentRequest, values: { signedOn: toIsoDate(v.signedOn), scanRef: v.scanRef || null }, send: (b) => secretWorkApi.signExitCommitment(caseId, b) });
    setSaving(false);
    if (outcome.ok) onSaved();
    else setError(outcome.message);
  };
  return (
    <Modal open title="Cam kết bảo vệ bí mật nhà nước khi thôi quản lý" okText="Ghi" cancelText="Hủy" confirmLoading={saving} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ 'data-testid': 'exit-commitment-submit' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ signedOn: today() }} onFinish={onFinish}>
        <Form.Item label="Ngày ký" name="signedOn" required>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label="Số hồ sơ bản ký" name="scanRef">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
