import { InboxOutlined } from '@ant-design/icons';
import { ITEM_FORMS, ITEM_FORM_LABELS, LEVELS, LEVEL_LABELS, receiveItemRequest } from '@bmnn/contracts';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Result, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { peopleApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { DanhMucSuggest } from '../danh-muc/danh-muc-suggest.component.tsx';
import { DATE_FORMAT } from '../forms/dates.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { UnitSelect } from '../units/unit-select.component.tsx';
import { useUnits } from '../units/units.hooks.ts';
import { registerApi, type ReceiveResult } from './register.api.ts';
import { toReceiveRequest, type ReceiveValues as Values } from './receive.request.ts';

const fields = receiveItemRequest.shape;

/**
 * "Vào sổ đến" (R7.5–R7.7): the clerk checks the envelope, then registers the item in the
 * incoming book. The condition check decides what happens next; no summary is written for a
 * Tuyệt mật item (R7.2) nor for an envelope only the named person may open (R7.5b).
 */
export function ReceivePage() {
  const { account } = useSession();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const { units } = useUnits();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [result, setResult] = useState<{ answer: ReceiveResult; values: Values; recipientName: string | undefined }>();

  const unitId = Form.useWatch('unitId', form);
  const level = Form.useWatch('level', form);
  const named = Form.useWatch('named', form);
  const recall = Form.useWatch('recall', form);
  const trichYeu = Form.useWatch('trichYeu', form);
  const envelopeIntact = Form.useWatch('envelopeIntact', form);
  const countMatches = Form.useWatch('countMatches', form);
  const packagingCorrect = Form.useWatch('packagingCorrect', form);
  const people = useLoad(() => (unitId ? peopleApi.list({ unitId }) : Promise.resolve({ people: [] })), `people|${unitId ?? ''}`);

  const summaryBlocked = level === 'TUYET_MAT' ? 'tuyet-mat' : named ? 'named' : null;

  const save = async (values: Values) => {
    setSaving(true);
    setFormError(undefined);
    const outcome = await submitForm({ form, schema: receiveItemRequest, values: toReceiveRequest(values), send: registerApi.receive });
    setSaving(false);
    // Keep the named person's name: the people list follows the form, which the result replaces.
    const recipientName = people.data?.people.find((p) => p.id === values.namedRecipientId)?.fullName;
    if (outcome.ok) setResult({ answer: outcome.result, values, recipientName });
    else setFormError(outcome.message ?? 'Vui lòng kiểm tra lại các trường được đánh dấu.');
  };

  const onFinish = (values: Values) => {
    if (values.envelopeIntact) return void save(values);
    // Unticking "nguyên vẹn" reports the envelope to the head at once: make sure it is meant.
    modal.confirm({
      title: 'Bì có dấu hiệu bóc mở, tráo đổi?',
      content: 'Ô “Bì còn nguyên vẹn” chưa được đánh dấu. Hệ thống sẽ vào sổ và báo cáo ngay lãnh đạo để xử lý (R7.5d). Tiếp tục?',
      okText: 'Vào sổ và báo cáo lãnh đạo',
      cancelText: 'Quay lại kiểm tra',
      okButtonProps: { danger: true, ...({ 'data-testid': 'tampering-confirm' } as Record<string, string>) },
      onOk: () => save(values),
    });
  };

  if (result) {
    const { answer, values, recipientName: recipient } = result;
    const tampering = answer.outcomes.includes('TAMPERING_REPORTED');
    const warning = answer.outcomes.includes('DEFECT_SENDER_NOTIFIED') || answer.outcomes.includes('NAMED_RECIPIENT_UNOPENED');
    return (
      <Card data-testid="receive-result">
        <Result
          status={tampering ? 'error' : warning ? 'warning' : 'success'}
          title={<span data-testid="receive-serial">Đã vào sổ đến số {answer.bookSerial}</span>}
          subTitle={`${values.soKyHieu} — ${values.level ? LEVEL_LABELS[values.level] : ''} — nơi gửi: ${values.sender}`}
          extra={
            <Space wrap>
              <Button type="primary" onClick={() => navigate(`/items/${answer.itemId}`)} data-testid="receive-open-item">
                Xem tài liệu, chuyển giao
              </Button>
              <Button onClick={() => { setResult(undefined); form.resetFields(); }} data-testid="receive-next">
                Vào sổ tài liệu khác
              </Button>
              <Button onClick={() => navigate('/books')}>Xem sổ</Button>
            </Space>
          }
        >
          <Space direction="vertical" style={{ width: '100%' }} data-testid="receive-outcomes">
            {tampering && (
              <Alert
                type="error"
                showIcon
                data-testid="outcome-tampering"
                title="Đã báo cáo lãnh đạo"
                description="Bì có dấu hiệu bóc mở, tráo đổi, mất hoặc hư hỏng (R7.5d). Giữ nguyên hiện trạng bì, gói và chờ ý kiến xử lý của lãnh đạo."
              />
            )}
            {answer.outcomes.includes('DEFECT_SENDER_NOTIFIED') && (
              <Alert
                type="warning"
                showIcon
                data-testid="outcome-defect"
                title="Đã ghi nhận thông báo cho nơi gửi"
                description={`Bao bì hoặc số lượng không đúng quy định (R7.5c, R7.6): thông báo cho ${values.sender} để khắc phục; chuyển tài liệu cho lãnh đạo hoặc người có tên nhận.`}
              />
            )}
            {answer.outcomes.includes('NAMED_RECIPIENT_UNOPENED') && (
              <Alert
                type="warning"
                showIcon
                data-testid="outcome-named"
                title={`Chuyển nguyên bì, không bóc, cho ${recipient ?? 'người có tên'}`}
                description="Bì có dấu “Chỉ người có tên mới được bóc bì”: chỉ vào sổ phần ghi ngoài bì (R7.5b)."
              />
            )}
            {answer.outcomes.includes('REGISTERED') && (
              <Alert type="success" showIcon data-testid="outcome-registered" title="Bì, gói nguyên vẹn, đúng số lượng: đã đăng ký vào Sổ đăng ký bí mật nhà nước đến." />
            )}
          </Space>
        </Result>
      </Card>
    );
  }

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Vào sổ đến
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        Kiểm tra bì, gói trước khi vào Sổ đăng ký bí mật nhà nước đến. Số đến do hệ thống cấp theo năm.
      </Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form<Values>
        form={form}
        name="receive"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ unitId: account.unitId, form: 'PAPER_DOC', copies: 1, named: false, recall: false, envelopeIntact: false, countMatches: false, packagingCorrect: false }}
        // The register line is written only by the button: Enter in a field (e.g. after typing a
        // date) must not save a half-filled receipt.
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !(e.target instanceof HTMLTextAreaElement) && !(e.target instanceof HTMLButtonElement)) e.preventDefault();
        }}
        onValuesChange={(changed: Values) => {
          if ('level' in changed || 'named' in changed) form.setFields([{ name: 'trichYeu', errors: [] }]);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} xl={14}>
            <Card title="1. Kiểm tra bì, gói (R7.5)" style={{ marginBottom: 16 }} data-testid="receive-condition">
              <Form.Item name="envelopeIntact" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox data-testid="condition-envelope">Bì, gói còn nguyên vẹn, không có dấu hiệu bóc mở, tráo đổi, mất, hư hỏng</Checkbox>
              </Form.Item>
              <Form.Item name="countMatches" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox data-testid="condition-count">Số lượng tài liệu, vật khớp với phiếu gửi, sổ chuyển giao</Checkbox>
              </Form.Item>
              <Form.Item name="packagingCorrect" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox data-testid="condition-packaging">Bao bì, niêm phong, dấu ký hiệu độ mật (A, B, C) đúng quy định</Checkbox>
              </Form.Item>
              {!envelopeIntact && !countMatches && !packagingCorrect && (
                <Alert type="info" showIcon title="Đánh dấu từng ô sau khi kiểm tra. Ô không được đánh dấu được coi là không đạt khi vào sổ." />
              )}
              {!envelopeIntact && (countMatches || packagingCorrect) && (
                <Alert type="error" showIcon title="Chưa xác nhận bì nguyên vẹn: khi lưu, hệ thống sẽ báo cáo ngay lãnh đạo (R7.5d)." />
              )}
              {envelopeIntact && (countMatches === false || packagingCorrect === false) && (
                <Alert type="warning" showIcon title="Bao bì hoặc số lượng chưa đúng: khi lưu, hệ thống ghi nhận và thông báo cho nơi gửi để khắc phục (R7.5c, R7.6)." />
              )}
              {envelopeIntact && countMatches && packagingCorrect && <Alert type="success" showIcon title="Bì, gói đạt yêu cầu." />}
            </Card>

            <Card title="2. Thông tin ghi ngoài bì và trên tài liệu" style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item label="Đơn vị nhận" name="unitId" required rules={[{ required: true, message: 'Chọn đơn vị nhận' }]}>
                    <UnitSelect units={units} testId="receive-unit" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="Nơi gửi" name="sender" required rules={[zodRule(fields.sender)]}>
                    <Input placeholder="Ví dụ: Công an tỉnh Bắc Ninh" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="Số, ký hiệu" name="soKyHieu" required rules={[zodRule(fields.soKyHieu)]}>
                    <Input placeholder="Ví dụ: 125/CAT-PV01" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="Ngày văn bản" name="documentDate">
                    <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="Độ mật" name="level" required rules={[{ required: true, message: 'Chọn độ mật theo dấu trên bì, tài liệu' }]}>
                    <Radio.Group
                      optionType="button"
                      buttonStyle="solid"
                      options={LEVELS.map((l) => ({ value: l, label: <span data-testid={`receive-level-${l}`}>{LEVEL_LABELS[l]}</span> }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="Hình thức" name="form" rules={[zodRule(fields.form)]}>
                    <Select options={ITEM_FORMS.map((f) => ({ value: f, label: ITEM_FORM_LABELS[f] }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item label="Số bản" name="copies" required rules={[{ required: true, message: 'Nhập số bản' }]}>
                    <InputNumber min={1} max={10000} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="named" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox data-testid="receive-named">Bì có dấu “Chỉ người có tên mới được bóc bì” (gửi đích danh)</Checkbox>
              </Form.Item>
              {named && (
                <Form.Item label="Người có tên nhận" name="namedRecipientId" required rules={[{ required: true, message: 'Chọn người có tên trên bì' }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={people.loading}
                    placeholder="Chọn người có tên trên bì"
                    options={(people.data?.people ?? []).map((p) => ({ value: p.id, label: p.position ? `${p.fullName} — ${p.position}` : p.fullName }))}
                  />
                </Form.Item>
              )}
              <Form.Item name="recall" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox data-testid="receive-recall">Có dấu “Tài liệu thu hồi” (R7.7)</Checkbox>
              </Form.Item>
              {recall && (
                <Form.Item label="Hạn thu hồi" name="recallDeadline" required rules={[{ required: true, message: 'Nhập hạn thu hồi ghi trên tài liệu' }]}>
                  <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 240 }} />
                </Form.Item>
              )}
            </Card>
          </Col>

          <Col xs={24} xl={10}>
            <Card title="3. Trích yếu, ghi chú" style={{ marginBottom: 16 }}>
              {summaryBlocked === 'tuyet-mat' && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  data-testid="trich-yeu-blocked"
                  title="Không ghi trích yếu đối với tài liệu Tuyệt mật"
                  description="Theo quy định (R7.2), sổ không ghi trích yếu của tài liệu Tuyệt mật; hệ thống cũng không lưu trường này."
                />
              )}
              {summaryBlocked === 'named' && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  data-testid="trich-yeu-blocked"
                  title="Không bóc bì, không ghi trích yếu"
                  description="Bì gửi đích danh chỉ được vào sổ phần ghi ngoài bì và chuyển nguyên bì cho người có tên (R7.5b)."
                />
              )}
              <Form.Item label="Trích yếu" name="trichYeu" rules={summaryBlocked ? [] : [zodRule(fields.trichYeu)]} hidden={summaryBlocked !== null}>
                <Input.TextArea rows={4} placeholder="Tóm tắt nội dung tài liệu" data-testid="receive-trich-yeu" />
              </Form.Item>
              {!summaryBlocked && <DanhMucSuggest text={trichYeu} level={level} />}
              <Form.Item label="Ghi chú" name="note" rules={[zodRule(fields.note)]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Card>
            <Button type="primary" size="large" htmlType="submit" icon={<InboxOutlined />} loading={saving} block data-testid="receive-submit">
              Vào sổ đến
            </Button>
          </Col>
        </Row>
      </Form>
    </>
  );
}
