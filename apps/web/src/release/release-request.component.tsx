// The written requests for items to leave their storage place (LEGAL.md R8.1, R8.2) or to be
// provided to a Vietnamese or foreign party (R8.4, R8.6). A head who is not the requester decides.
import { provisionRequest, takeOutRequest, type Item } from '@bmnn/contracts';
import { Checkbox, Col, DatePicker, Form, Input, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, toIsoDate } from '../forms/dates.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { DecisionModal, useSubmit, type Done } from '../register/period-decisions.component.tsx';
import { releaseApi } from './release.api.ts';

const takeOutFields = takeOutRequest.shape;
const itemsText = (items: Item[]) => items.map((i) => i.soKyHieu).join(', ');

/** R8.2: a request to take items out, at home or abroad (abroad names the delegation head, R8.1). */
export function TakeOutModal({ items, onClose, onDone }: { items: Item[]; onClose: () => void; onDone: (d: Done) => void }) {
  const [form] = Form.useForm();
  const abroad = Form.useWatch<boolean | undefined>('abroad', form);
  const { saving, error, submit } = useSubmit(
    (values) =>
      submitForm({
        form,
        schema: takeOutRequest,
        values: {
          unitId: items[0]?.unitId,
          itemIds: items.map((i) => i.id),
          purpose: values.purpose,
          destination: values.destination,
          country: values.abroad ? (values.country ?? '') : undefined,
          delegationHead: values.abroad ? values.delegationHead : undefined,
          fromDate: toIsoDate(values.fromDate as Dayjs | null),
          toDate: toIsoDate(values.toDate as Dayjs | null),
          protectionMeasures: values.protectionMeasures,
        },
        send: (body) => releaseApi.takeOut(body),
      }),
    () => onDone({ message: 'Đã gửi đề nghị mang tài liệu ra khỏi nơi lưu giữ; chờ lãnh đạo có thẩm quyền quyết định' }),
  );
  return (
    <DecisionModal title="Đề nghị mang tài liệu, vật chứa BMNN ra khỏi nơi lưu giữ" okText="Gửi đề nghị" testId="take-out" saving={saving} error={error} onOk={() => form.submit()} onCancel={onClose}>
      <Typography.Paragraph>Tài liệu: <strong>{itemsText(items)}</strong></Typography.Paragraph>
      <Form form={form} name="take-out" layout="vertical" onFinish={submit}>
        <Form.Item label="Mục đích" name="purpose" required rules={[zodRule(takeOutFields.purpose)]}>
          <Input.TextArea rows={2} data-testid="take-out-purpose" />
        </Form.Item>
        <Form.Item label="Nơi đến" name="destination" required rules={[zodRule(takeOutFields.destination)]}>
          <Input data-testid="take-out-destination" />
        </Form.Item>
        <Form.Item name="abroad" valuePropName="checked">
          <Checkbox data-testid="take-out-abroad">Mang ra nước ngoài (R8.1)</Checkbox>
        </Form.Item>
        {abroad && (
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item label="Nước đến" name="country" required rules={[{ required: true, message: 'Ghi nước đến' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="Trưởng đoàn công tác" name="delegationHead" required rules={[{ required: true, message: 'Mang ra nước ngoài phải ghi trưởng đoàn (R8.1)' }]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="Ngày mang ra" name="fromDate" required rules={[{ required: true, message: 'Nhập ngày mang ra' }]}>
              <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="Ngày trả về nơi lưu giữ" name="toDate" required rules={[{ required: true, message: 'Nhập ngày trả' }]}>
              <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="Biện pháp bảo vệ" name="protectionMeasures" required rules={[zodRule(takeOutFields.protectionMeasures)]}>
          <Input.TextArea rows={2} data-testid="take-out-measures" />
        </Form.Item>
      </Form>
    </DecisionModal>
  );
}

const provisionFields = provisionRequest.shape;

/** R8.4 (Vietnamese body or person), R8.6 (foreign party): who asks, what for, and their commitment. */
export function ProvisionModal({ items, onClose, onDone }: { items: Item[]; onClose: () => void; onDone: (d: Done) => void }) {
  const [form] = Form.useForm();
  const foreign = Form.useWatch<boolean | undefined>('foreign', form);
  const { saving, error, submit } = useSubmit(
    (values) =>
      submitForm({
        form,
        schema: provisionRequest,
        values: { ...values, unitId: items[0]?.unitId, itemIds: items.map((i) => i.id), foreign: values.foreign === true, commitment: values.commitment === true ? true : undefined },
        send: (body) => releaseApi.provide(body),
      }),
    () => onDone({ message: 'Đã gửi đề nghị cung cấp; chờ lãnh đạo có thẩm quyền quyết định' }),
  );
  return (
    <DecisionModal title="Đề nghị cung cấp, chuyển giao bí mật nhà nước" okText="Gửi đề nghị" testId="provision" saving={saving} error={error} onOk={() => form.submit()} onCancel={onClose}>
      <Typography.Paragraph>Tài liệu: <strong>{itemsText(items)}</strong></Typography.Paragraph>
      <Form form={form} name="provision" layout="vertical" onFinish={submit}>
        <Form.Item name="foreign" valuePropName="checked">
          <Checkbox data-testid="provision-foreign">Bên đề nghị là cơ quan, tổ chức, cá nhân nước ngoài (R8.6)</Checkbox>
        </Form.Item>
        <Form.Item label="Cơ quan, tổ chức đề nghị" name="requesterBody" required rules={[zodRule(provisionFields.requesterBody)]}>
          <Input data-testid="provision-body" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="Người đại diện" name="representative" required rules={[zodRule(provisionFields.representative)]}>
              <Input data-testid="provision-representative" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="Chức vụ" name="position" rules={[zodRule(provisionFields.position)]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label={foreign ? 'Số hộ chiếu' : 'Số CCCD hoặc hộ chiếu'} name="identityDocument" required={foreign} rules={foreign ? [{ required: true, message: 'Ghi số hộ chiếu (R8.6)' }] : [zodRule(provisionFields.identityDocument)]}>
              <Input />
            </Form.Item>
          </Col>
          {foreign && (
            <Col span={12}>
              <Form.Item label="Quốc tịch" name="nationality" required rules={[{ required: true, message: 'Ghi quốc tịch (R8.6)' }]}>
                <Input />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item label="Mục đích" name="purpose" required rules={[zodRule(provisionFields.purpose)]}>
          <Input.TextArea rows={2} data-testid="provision-purpose" />
        </Form.Item>
        <Form.Item name="commitment" valuePropName="checked">
          <Checkbox data-testid="provision-commitment">Bên đề nghị có văn bản cam kết bảo vệ bí mật nhà nước được cung cấp</Checkbox>
        </Form.Item>
      </Form>
    </DecisionModal>
  );
}
