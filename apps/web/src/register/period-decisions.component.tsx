// The head's decisions on a determined item's protection (LEGAL.md R9.2, R9.3, R9.5) and the
// clerk's record that a written notice went out within 15 days. Each form validates with the
// shared request schema; a refusal shows the server's Vietnamese message as it is.
import { LEVEL_LABELS, LEVEL_RANK, adjustLevelRequest, declassifyRequest, extendItemRequest, foldForSearch, formatDate, noticeSentRequest, todayInVietnam, type Item, type Level } from '@bmnn/contracts';
import { extensionDecisionDeadline, getRuleSetFor } from '@bmnn/rules';
import { Alert, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState, type ReactNode } from 'react';
import { peopleApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { danhMucApi } from '../danh-muc/danh-muc.api.ts';
import { DATE_FORMAT, toIsoDate } from '../forms/dates.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { periodsApi } from './periods.api.ts';

/** R9.2: the last day on which an extension may be decided (60 days before the end). */
export function extensionDeadlineOf(protectionEnd: string): string {
  return extensionDecisionDeadline({ endDate: protectionEnd, ruleSet: getRuleSetFor({ date: todayInVietnam() }) });
}

/** A modal form: one place for the submit state and the error shown above the fields. */
export function DecisionModal({ title, okText, testId, saving, error, onOk, onCancel, children }: { title: string; okText: string; testId: string; saving: boolean; error: string | undefined; onOk: () => void; onCancel: () => void; children: ReactNode }) {
  return (
    <Modal open title={title} okText={okText} cancelText="Hủy" confirmLoading={saving} onOk={onOk} onCancel={onCancel} okButtonProps={{ 'data-testid': `${testId}-submit` }} width={640}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid={`${testId}-error`} />}
      {children}
    </Modal>
  );
}

export function useSubmit<R>(send: (values: Record<string, unknown>) => Promise<{ ok: true; result: R } | { ok: false; message: string | undefined }>, onDone: (result: R) => void) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (values: Record<string, unknown>) => {
    setSaving(true);
    setError(undefined);
    const outcome = await send(values);
    setSaving(false);
    if (outcome.ok) onDone(outcome.result);
    else setError(outcome.message ?? 'Vui lòng sửa các ô được đánh dấu');
  };
  return { saving, error, submit };
}

export type Done = { message: string };

/** R9.2: extension by the head, at the latest 60 days before the end, by at most the base period. */
export function ExtendModal({ item, onClose, onDone }: { item: Item; onClose: () => void; onDone: (d: Done) => void }) {
  const [form] = Form.useForm();
  const deadline = item.protectionEnd ? extensionDeadlineOf(item.protectionEnd) : null;
  const late = deadline !== null && todayInVietnam() > deadline;
  const { saving, error, submit } = useSubmit(
    (values) => submitForm({ form, schema: extendItemRequest, values, send: (body) => periodsApi.extend(item.id, body) }),
    (r) => onDone({ message: `${r.label}. Phải thông báo bằng văn bản trước hết ngày ${formatDate(r.notifyBy)} (R9.2).` }),
  );
  return (
    <DecisionModal title={`Gia hạn thời hạn bảo vệ ${item.soKyHieu}`} okText="Quyết định gia hạn" testId="extend" saving={saving} error={error} onOk={() => form.submit()} onCancel={onClose}>
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }} data-testid="extend-deadline">
        <Descriptions.Item label="Thời hạn bảo vệ hiện tại">{item.protectionEnd ? `Đến hết ngày ${formatDate(item.protectionEnd)}` : '—'}</Descriptions.Item>
        <Descriptions.Item label="Hạn chót quyết định gia hạn">
          {deadline ? <Typography.Text type={late ? 'danger' : undefined}>{`${formatDate(deadline)}${late ? ' — đã quá hạn' : ''}`}</Typography.Text> : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">
        Người đứng đầu cơ quan xác định bí mật quyết định gia hạn chậm nhất 60 ngày trước khi hết thời hạn; mỗi lần gia hạn không quá thời hạn bảo vệ của độ {LEVEL_LABELS[item.level]} (R9.2).
      </Typography.Paragraph>
      <Form form={form} name="extend" layout="vertical" onFinish={submit}>
        <Form.Item label="Số năm gia hạn" name="years" required rules={[zodRule(extendItemRequest.shape.years)]}>
          <InputNumber min={1} max={30} style={{ width: 160 }} data-testid="extend-years" />
        </Form.Item>
        <Form.Item label="Số quyết định gia hạn" name="decisionRef" required rules={[zodRule(extendItemRequest.shape.decisionRef)]}>
          <Input placeholder="Ví dụ: 12/QĐ-UBND" data-testid="extend-decision" />
        </Form.Item>
      </Form>
    </DecisionModal>
  );
}

/** R9.3: raise or lower the level, citing the danh mục items it now follows. */
export function AdjustLevelModal({ item, onClose, onDone }: { item: Item; onClose: () => void; onDone: (d: Done) => void }) {
  const [form] = Form.useForm();
  const danhMuc = useLoad(() => danhMucApi.items({}), 'danh-muc-items|all');
  const cited = Form.useWatch<string[] | undefined>('danhMucItemIds', form);
  const options = useMemo(
    () =>
      (danhMuc.data?.items ?? []).map((d) => {
        const label = `${d.decisionNumber}, mục ${d.itemNo} (${LEVEL_LABELS[d.level]}): ${d.text}`;
        return { value: d.id, label, level: d.level, folded: foldForSearch(label) };
      }),
    [danhMuc.data],
  );
  const newLevel = (cited ?? []).reduce<Level | null>((top, id) => {
    const level = options.find((o) => o.value === id)?.level;
    return level && (!top || LEVEL_RANK[level] > LEVEL_RANK[top]) ? level : top;
  }, null);
  const { saving, error, submit } = useSubmit(
    (values) => submitForm({ form, schema: adjustLevelRequest, values, send: (body) => periodsApi.adjustLevel(item.id, body) }),
    (r) => onDone({ message: `Đã ${r.direction === 'RAISE' ? 'nâng' : 'hạ'} độ mật thành ${LEVEL_LABELS[r.level]}; thời hạn bảo vệ đến hết ngày ${formatDate(r.protectionEnd)}. Phải thông báo trước hết ngày ${formatDate(r.notifyBy)} (R9.3).` }),
  );
  return (
    <DecisionModal title={`Điều chỉnh độ mật ${item.soKyHieu}`} okText="Quyết định điều chỉnh" testId="adjust" saving={saving} error={error} onOk={() => form.submit()} onCancel={onClose}>
      <Typography.Paragraph type="secondary">
        Độ mật mới là độ cao nhất trong các mục danh mục được dẫn; người có thẩm quyền xác định độ mật thì có thẩm quyền điều chỉnh (R9.3).
      </Typography.Paragraph>
      {danhMuc.error && <Alert type="error" showIcon title={danhMuc.error} style={{ marginBottom: 16 }} />}
      <Form form={form} name="adjust" layout="vertical" onFinish={submit}>
        <Form.Item label="Căn cứ danh mục bí mật nhà nước" name="danhMucItemIds" required rules={[zodRule(adjustLevelRequest.shape.danhMucItemIds)]}>
          <Select
            mode="multiple"
            loading={danhMuc.loading}
            options={options}
            showSearch={{ filterOption: (input, option) => (option?.folded ?? '').includes(foldForSearch(input)) }}
            placeholder="Gõ để tìm mục danh mục (không dấu cũng được)"
            data-testid="adjust-danh-muc"
          />
        </Form.Item>
        {newLevel && (
          <Alert
            type={newLevel === item.level ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="adjust-preview"
            title={newLevel === item.level ? `Độ mật theo các mục đã chọn vẫn là ${LEVEL_LABELS[newLevel]}` : `${LEVEL_RANK[newLevel] > LEVEL_RANK[item.level] ? 'Nâng' : 'Hạ'} độ mật: ${LEVEL_LABELS[item.level]} → ${LEVEL_LABELS[newLevel]}`}
          />
        )}
        <Form.Item label="Số văn bản điều chỉnh" name="decisionRef" required rules={[zodRule(adjustLevelRequest.shape.decisionRef)]}>
          <Input data-testid="adjust-decision" />
        </Form.Item>
      </Form>
    </DecisionModal>
  );
}

/** R9.4 (b, c), R9.5: declassification by decision; case (b) on a council's proposal. */
export function DeclassifyModal({ item, onClose, onDone }: { item: Item; onClose: () => void; onDone: (d: Done) => void }) {
  const [form] = Form.useForm();
  const reason = Form.useWatch<string | undefined>('reason', form);
  const partial = Form.useWatch<boolean | undefined>('partial', form);
  const people = useLoad(() => peopleApi.list({}), 'people|all');
  const personOptions = (people.data?.people ?? []).map((p) => ({ value: p.id, label: [p.fullName, p.position].filter(Boolean).join(' — '), title: p.fullName }));
  const { saving, error, submit } = useSubmit(
    (values) =>
      submitForm({
        form,
        schema: declassifyRequest,
        values: { ...values, partial: values.partial === true, chairId: values.reason === 'NATIONAL_INTEREST' ? values.chairId : undefined, memberIds: values.reason === 'NATIONAL_INTEREST' ? (values.memberIds ?? []) : [] },
        send: (body) => periodsApi.declassify(item.id, body),
      }),
    (r) => onDone({ message: `${r.label}. Phải thông báo bằng văn bản trước hết ngày ${formatDate(r.notifyBy)}.` }),
  );
  return (
    <DecisionModal title={`Giải mật ${item.soKyHieu}`} okText="Quyết định giải mật" testId="declassify" saving={saving} error={error} onOk={() => form.submit()} onCancel={onClose}>
      {people.error && <Alert type="error" showIcon title={people.error} style={{ marginBottom: 16 }} />}
      <Form form={form} name="declassify" layout="vertical" onFinish={submit} initialValues={{ reason: 'NATIONAL_INTEREST' }}>
        <Form.Item label="Trường hợp giải mật" name="reason" required>
          <Radio.Group
            options={[
              { value: 'NATIONAL_INTEREST', label: 'Theo quyết định, trên cơ sở đề nghị của Hội đồng giải mật (R9.4 b, R9.5)' },
              { value: 'REMOVED_FROM_DANH_MUC', label: 'Không còn thuộc danh mục bí mật nhà nước (R9.4 c)' },
            ]}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          />
        </Form.Item>
        {reason === 'NATIONAL_INTEREST' && (
          <>
            <Form.Item label="Chủ tịch Hội đồng giải mật" name="chairId" required rules={[{ required: true, message: 'Chọn Chủ tịch Hội đồng' }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={personOptions} loading={people.loading} data-testid="declassify-chair" />
            </Form.Item>
            <Form.Item label="Thành viên Hội đồng" name="memberIds" required rules={[{ required: true, message: 'Chọn thành viên Hội đồng' }]}>
              <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={personOptions} loading={people.loading} data-testid="declassify-members" />
            </Form.Item>
          </>
        )}
        <Form.Item label="Số quyết định giải mật" name="decisionRef" required rules={[zodRule(declassifyRequest.shape.decisionRef)]}>
          <Input data-testid="declassify-decision" />
        </Form.Item>
        <Form.Item name="partial" valuePropName="checked">
          <Checkbox>Giải mật một phần</Checkbox>
        </Form.Item>
        {partial && (
          <Form.Item label="Nội dung được giải mật" name="declassifiedContent" required rules={[{ required: true, message: 'Ghi rõ nội dung được giải mật' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
      </Form>
    </DecisionModal>
  );
}

/** R9.2, R9.3, R9.5: the written notice to related bodies went out (within 15 days). */
export function NoticeSentModal({ noticeId, soKyHieu, dueDate, onClose, onDone }: { noticeId: string; soKyHieu: string; dueDate: string | null; onClose: () => void; onDone: (d: Done) => void }) {
  const [form] = Form.useForm();
  const { saving, error, submit } = useSubmit(
    (values) => submitForm({ form, schema: noticeSentRequest, values: { ...values, sentOn: toIsoDate(values.sentOn as dayjs.Dayjs | null) }, send: (body) => periodsApi.markNoticeSent(noticeId, body) }),
    () => onDone({ message: `Đã ghi nhận thông báo về ${soKyHieu} đã gửi` }),
  );
  return (
    <DecisionModal title={`Thông báo bằng văn bản về ${soKyHieu}`} okText="Ghi nhận đã gửi" testId="notice" saving={saving} error={error} onOk={() => form.submit()} onCancel={onClose}>
      {dueDate && <Typography.Paragraph>Hạn gửi thông báo: hết ngày {formatDate(dueDate)}.</Typography.Paragraph>}
      <Form form={form} name="notice" layout="vertical" onFinish={submit} initialValues={{ sentOn: dayjs() }}>
        <Form.Item label="Nơi nhận thông báo" name="sentTo" required rules={[zodRule(noticeSentRequest.shape.sentTo)]}>
          <Input.TextArea rows={2} placeholder="Các cơ quan, tổ chức, cá nhân có liên quan" data-testid="notice-sent-to" />
        </Form.Item>
        <Form.Item label="Ngày gửi" name="sentOn" required rules={[{ required: true, message: 'Nhập ngày gửi' }]}>
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </DecisionModal>
  );
}
