import { ArrowLeftOutlined, BulbOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ELECTRONIC_FORMS, ITEM_FORMS, ITEM_FORM_LABELS, LEVELS, LEVEL_LABELS, LEVEL_RANK, proposeItemRequest, type ItemForm, type Level } from '@bmnn/contracts';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, List, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/session.context.tsx';
import { danhMucApi, type DanhMucItem, type DanhMucSuggestion } from '../danh-muc/danh-muc.api.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { UnitSelect } from '../units/unit-select.component.tsx';
import { useUnits } from '../units/units.hooks.ts';
import { LevelTag } from './register.labels.tsx';
import { useApprovedDevices } from './copy-dialogs.component.tsx';
import { outgoingApi } from './workflow.api.ts';

const fields = proposeItemRequest.shape;
type Cited = { id: string; label: string; level: Level };
type Values = {
  unitId?: string;
  form?: string;
  trichYeu?: string;
  danhMucItemIds?: string[];
  proposedLevel?: Level;
  recipients?: Array<{ name?: string; address?: string; namedPersonOnly?: boolean }>;
  copies?: number;
  copyPermitted?: boolean;
  drafterName?: string;
  draftingDeviceId?: string;
};

const labelOf = (i: { decisionNumber: string; itemNo: string; text: string }) => `${i.decisionNumber}, mục ${i.itemNo}: ${i.text}`;

/** Suggestions of the local danh mục helper for the summary, each citable with one click. */
function CiteSuggestions({ text, cited, onCite }: { text: string; cited: readonly string[]; onCite: (s: DanhMucSuggestion) => void }) {
  const [suggestions, setSuggestions] = useState<DanhMucSuggestion[]>([]);
  const trimmed = text.trim();
  useEffect(() => {
    if (trimmed.length < 8) return setSuggestions([]);
    let current = true;
    const timer = setTimeout(() => {
      danhMucApi.suggest(trimmed).then(
        (r) => current && setSuggestions(r.suggestions),
        () => current && setSuggestions([]),
      );
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [trimmed]);
  if (suggestions.length === 0) return null;
  return (
    <Card size="small" style={{ marginBottom: 16, background: '#fffbe6' }} data-testid="propose-suggestions" title={<Space><BulbOutlined />Gợi ý danh mục BMNN<Tag>Gợi ý</Tag></Space>}>
      <List
        size="small"
        dataSource={suggestions}
        renderItem={(s) => (
          <List.Item
            key={s.itemId}
            actions={[
              <Button key="cite" size="small" disabled={cited.includes(s.itemId)} onClick={() => onCite(s)} data-testid={`cite-${s.decisionNumber}-${s.itemNo}`}>
                {cited.includes(s.itemId) ? 'Đã dẫn' : 'Dẫn mục này'}
              </Button>,
            ]}
          >
            <Space align="start">
              <LevelTag level={s.level} />
              <span>{labelOf(s)}</span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

/**
 * "Đề xuất văn bản mật" (R4.2): the drafter cites the danh mục items the content falls under,
 * proposes the level, the recipients, the number of copies and whether copying is allowed; a
 * leader with authority then determines it (R4.1) from the item page.
 */
export function ProposePage() {
  const { account } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { units } = useUnits();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [known, setKnown] = useState<Map<string, Cited>>(new Map());
  const [found, setFound] = useState<DanhMucItem[]>([]);
  const trichYeu = Form.useWatch('trichYeu', form) ?? '';
  const level = Form.useWatch('proposedLevel', form);
  const itemForm = Form.useWatch('form', form) as ItemForm | undefined;
  const electronic = !!itemForm && ELECTRONIC_FORMS.has(itemForm);
  const draftingDevices = useApprovedDevices(Form.useWatch('unitId', form) ?? account.unitId, 'DRAFT_STORE');
  const citedIds = Form.useWatch('danhMucItemIds', form) ?? [];

  const remember = (items: Cited[]) => setKnown((m) => new Map([...m, ...items.map((i) => [i.id, i] as const)]));
  const highest = useMemo(() => {
    const levels = citedIds.map((id) => known.get(id)?.level).filter((l): l is Level => !!l);
    return levels.reduce<Level | undefined>((top, l) => (!top || LEVEL_RANK[l] > LEVEL_RANK[top] ? l : top), undefined);
  }, [citedIds, known]);

  const cite = (s: DanhMucSuggestion) => {
    remember([{ id: s.itemId, label: labelOf(s), level: s.level }]);
    form.setFieldValue('danhMucItemIds', [...new Set([...citedIds, s.itemId])]);
    // R3.4, R4.3: the highest level among the cited items is the level to propose.
    if (!level || LEVEL_RANK[s.level] > LEVEL_RANK[level]) form.setFieldValue('proposedLevel', s.level);
  };
  const search = (q: string) => {
    if (q.trim().length < 2) return;
    danhMucApi.items({ q: q.trim() }).then((r) => {
      setFound(r.items);
      remember(r.items.map((i) => ({ id: i.id, label: labelOf(i), level: i.level })));
    }, () => setFound([]));
  };
  const options = useMemo(() => {
    const ids = new Set([...citedIds, ...found.map((f) => f.id)]);
    return [...ids].map((id) => known.get(id)).filter((c): c is Cited => !!c).map((c) => ({ value: c.id, label: `${c.label} (${LEVEL_LABELS[c.level]})`, title: c.label }));
  }, [citedIds, found, known]);

  const onFinish = async (values: Values) => {
    setSaving(true);
    setFormError(undefined);
    const body = { ...values, trichYeu: values.proposedLevel === 'TUYET_MAT' ? undefined : values.trichYeu, recipients: (values.recipients ?? []).map((r) => ({ name: r.name, address: r.address || undefined, namedPersonOnly: !!r.namedPersonOnly })) };
    const outcome = await submitForm({ form, schema: proposeItemRequest, values: body, send: outgoingApi.propose });
    setSaving(false);
    if (outcome.ok) {
      void message.success(`Đã đề xuất độ mật ${LEVEL_LABELS[outcome.result.level as Level]}; chờ lãnh đạo có thẩm quyền xác định`);
      navigate(`/items/${outcome.result.itemId}`);
    } else setFormError(outcome.message ?? 'Vui lòng kiểm tra lại các trường được đánh dấu.');
  };

  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/items')}>
          Danh sách tài liệu mật
        </Button>
      </Space>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Đề xuất độ mật văn bản đi
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">
          Người soạn thảo đề xuất độ mật, nơi nhận, số lượng bản, được phép hay không được phép sao, chụp (R4.2), căn cứ mục danh mục bí mật nhà nước. Độ mật đề xuất phải bằng độ mật cao nhất của các mục được dẫn (R3.4).
        </Typography.Paragraph>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="propose-error" />}
        <Form<Values>
          form={form}
          name="propose"
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ unitId: account.unitId, form: 'PAPER_DOC', copies: 1, copyPermitted: false, drafterName: account.fullName, recipients: [{ name: '', address: '', namedPersonOnly: false }], danhMucItemIds: [] }}
        >
          <Row gutter={24}>
            <Col xs={24} lg={12}>
              <Form.Item label="Đơn vị" name="unitId" required rules={[zodRule(fields.unitId)]}>
                <UnitSelect units={units} />
              </Form.Item>
              <Form.Item label="Hình thức" name="form">
                <Select options={ITEM_FORMS.map((f) => ({ value: f, label: ITEM_FORM_LABELS[f], title: ITEM_FORM_LABELS[f] }))} />
              </Form.Item>
              {electronic && (
                <Form.Item label="Máy tính soạn thảo, lưu giữ" name="draftingDeviceId" required rules={[zodRule(fields.draftingDeviceId)]} extra="Văn bản điện tử chỉ được soạn thảo, lưu giữ trên máy không kết nối Internet, đã được phê duyệt (R12.1).">
                  <Select options={draftingDevices.options} loading={draftingDevices.devices.loading} placeholder="Chọn thiết bị" notFoundContent="Đơn vị chưa có máy tính được phê duyệt soạn thảo, lưu giữ bí mật nhà nước" data-testid="propose-device" />
                </Form.Item>
              )}
              <Form.Item label="Trích yếu" name="trichYeu" hidden={level === 'TUYET_MAT'} rules={[zodRule(fields.trichYeu)]}>
                <Input.TextArea rows={3} placeholder="Tóm tắt nội dung văn bản" data-testid="propose-trich-yeu" />
              </Form.Item>
              {level === 'TUYET_MAT' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title="Không ghi trích yếu đối với tài liệu Tuyệt mật (R7.2)." />}
              <CiteSuggestions text={trichYeu} cited={citedIds} onCite={cite} />
              <Form.Item label="Mục danh mục bí mật nhà nước được dẫn" name="danhMucItemIds" required rules={[zodRule(fields.danhMucItemIds)]}>
                <Select mode="multiple" showSearch={{ filterOption: false, onSearch: search }} options={options} placeholder="Gõ để tìm trong danh mục (không dấu cũng được)" notFoundContent="Gõ ít nhất 2 ký tự để tìm" data-testid="propose-danh-muc" />
              </Form.Item>
              <Form.Item label="Độ mật đề xuất" name="proposedLevel" required rules={[zodRule(fields.proposedLevel)]} extra={highest ? `Mục được dẫn cao nhất: ${LEVEL_LABELS[highest]}` : undefined}>
                <Radio.Group>
                  {LEVELS.map((l) => (
                    <Radio.Button key={l} value={l} data-testid={`propose-level-${l}`}>
                      {LEVEL_LABELS[l]}
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Text strong>Nơi nhận</Typography.Text>
              <Form.List name="recipients">
                {(rows, { add, remove }) => (
                  <>
                    {rows.map((row, index) => (
                      <Card size="small" key={row.key} style={{ margin: '8px 0' }}>
                        <Form.Item label={`Nơi nhận ${index + 1}`} name={[row.name, 'name']} rules={[{ required: true, message: 'Nơi nhận là bắt buộc' }]}>
                          <Input data-testid={`recipient-name-${index}`} />
                        </Form.Item>
                        <Form.Item label="Địa chỉ" name={[row.name, 'address']}>
                          <Input data-testid={`recipient-address-${index}`} />
                        </Form.Item>
                        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                          <Form.Item name={[row.name, 'namedPersonOnly']} valuePropName="checked" noStyle>
                            <Checkbox data-testid={`recipient-named-${index}`}>Gửi đích danh (“Chỉ người có tên mới được bóc bì”)</Checkbox>
                          </Form.Item>
                          {rows.length > 1 && <Button icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label="Bỏ nơi nhận" />}
                        </Space>
                      </Card>
                    ))}
                    <Button icon={<PlusOutlined />} onClick={() => add({ name: '', address: '', namedPersonOnly: false })} style={{ marginBottom: 16 }}>
                      Thêm nơi nhận
                    </Button>
                  </>
                )}
              </Form.List>
              <Form.Item label="Số lượng bản phát hành" name="copies" required rules={[zodRule(fields.copies)]}>
                <InputNumber min={1} max={10000} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item label="Sao, chụp" name="copyPermitted" required>
                <Radio.Group>
                  <Radio value={true}>Được phép sao, chụp</Radio>
                  <Radio value={false}>Không được phép sao, chụp</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item label="Người soạn thảo" name="drafterName" required rules={[zodRule(fields.drafterName)]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="propose-submit">
            Gửi đề xuất cho lãnh đạo xác định
          </Button>
        </Form>
      </Card>
    </>
  );
}
