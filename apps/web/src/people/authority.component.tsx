import { formatDate, type AuthorityRecord, type Person } from '@bmnn/contracts';
import { POSITIONS, type PositionKey } from '@bmnn/rules';
import { Alert, App, DatePicker, Form, Input, List, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { http } from '../api/api.client.ts';
import { useLoad } from '../api/api.hooks.ts';
import { DATE_FORMAT, toIsoDate, today } from '../forms/dates.ts';

type Values = { positionKeys: PositionKey[]; title?: string; delegationRef?: string; delegationFrom?: Dayjs; delegationTo?: Dayjs; validFrom: Dayjs };

/**
 * The person's authority (LEGAL.md R4.1, R5.3, R10.3): the positions they hold and any written
 * delegation. The server checks every determination, copy, destruction… against these records.
 */
export function AuthorityModal({ person, onClose }: { person: Person; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const list = useLoad(() => http.get<{ authorities: AuthorityRecord[] }>('/api/authorities', { personId: person.id }), `authorities|${person.id}`);

  const save = async (values: Values) => {
    setSaving(true);
    setError(undefined);
    try {
      await http.post('/api/authorities', {
        personId: person.id,
        positionKeys: values.positionKeys,
        title: values.title || undefined,
        delegationRef: values.delegationRef || undefined,
        delegationFrom: toIsoDate(values.delegationFrom),
        delegationTo: toIsoDate(values.delegationTo),
        validFrom: toIsoDate(values.validFrom),
      });
      void message.success('Đã ghi nhận thẩm quyền');
      form.resetFields();
      list.reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={`Thẩm quyền của ${person.fullName}`} okText="Ghi nhận" cancelText="Đóng" onOk={() => form.submit()} onCancel={onClose} confirmLoading={saving} width={640} data-testid="authority-modal">
      <List
        size="small"
        bordered
        style={{ marginBottom: 16 }}
        dataSource={list.data?.authorities ?? []}
        locale={{ emptyText: 'Chưa ghi nhận thẩm quyền nào' }}
        renderItem={(a) => (
          <List.Item data-testid="authority-row">
            <div>
              <Typography.Text strong>{a.positionKeys.map((k) => POSITIONS[k as PositionKey] ?? k).join('; ')}</Typography.Text>
              {a.title && <Typography.Text> — {a.title}</Typography.Text>}
              <br />
              <Typography.Text type="secondary">
                Từ ngày {formatDate(a.validFrom)}
                {a.validTo ? ` đến ngày ${formatDate(a.validTo)}` : ''}
                {a.delegationRef ? ` · Ủy quyền, phân công: ${a.delegationRef}` : ''}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={save} initialValues={{ validFrom: today() }}>
        <Form.Item name="positionKeys" label="Chức danh" rules={[{ required: true, message: 'Chọn ít nhất một chức danh' }]}>
          <Select mode="multiple" optionFilterProp="label" data-testid="authority-positions" options={Object.entries(POSITIONS).map(([value, label]) => ({ value, label }))} placeholder="Ví dụ: Người đứng đầu cơ quan, tổ chức" />
        </Form.Item>
        <Form.Item name="title" label="Chức danh ghi trên văn bản">
          <Input placeholder="Ví dụ: Giám đốc Sở" data-testid="authority-title" />
        </Form.Item>
        <Form.Item name="delegationRef" label="Văn bản ủy quyền, phân công (cấp phó)">
          <Input placeholder="Số, ký hiệu văn bản" />
        </Form.Item>
        <Form.Item label="Thời hạn ủy quyền" style={{ marginBottom: 0 }}>
          <Form.Item name="delegationFrom" style={{ display: 'inline-block', marginRight: 8 }}>
            <DatePicker format={DATE_FORMAT} placeholder="Từ ngày" />
          </Form.Item>
          <Form.Item name="delegationTo" style={{ display: 'inline-block' }}>
            <DatePicker format={DATE_FORMAT} placeholder="Đến ngày" />
          </Form.Item>
        </Form.Item>
        <Form.Item name="validFrom" label="Hiệu lực từ ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
