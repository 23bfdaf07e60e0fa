import { createAccountRequest, type Account, type AccountWithTemporaryPassword, type Person } from '@bmnn/contracts';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { accountsApi } from '../api/api.endpoints.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { RoleCheckboxes } from './role-checkboxes.component.tsx';
import { TemporaryPasswordModal } from './temporary-password.component.tsx';

const fields = createAccountRequest.shape;

/** Creates a login account for one of `people`, then shows its one-time temporary password. */
export function AccountCreateModal({ people, onClose, onCreated }: {
  people: readonly Person[];
  onClose: () => void;
  onCreated: (account: Account) => void;
}) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [created, setCreated] = useState<AccountWithTemporaryPassword>();

  if (created) {
    return <TemporaryPasswordModal created={created} title="Đã tạo tài khoản" onClose={() => onCreated(created.account)} />;
  }

  const onFinish = async (values: Record<string, unknown>) => {
    setSaving(true);
    setFormError(undefined);
    const outcome = await submitForm({ form, schema: createAccountRequest, values, send: accountsApi.create });
    setSaving(false);
    if (outcome.ok) setCreated(outcome.result);
    else setFormError(outcome.message);
  };

  return (
    <Modal
      open
      title="Tạo tài khoản đăng nhập"
      okText="Tạo tài khoản"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'account-form-submit' }}
      width={560}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form
        form={form}
        name="account"
        layout="vertical"
        initialValues={{ personId: people.length === 1 ? people[0]?.id : undefined, roles: ['CAN_BO'] }}
        onFinish={onFinish}
      >
        <Form.Item label="Cán bộ, nhân viên" name="personId" required rules={[{ required: true, message: 'Chọn cán bộ, nhân viên' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="Chọn cán bộ chưa có tài khoản"
            options={people.map((p) => ({ value: p.id, label: p.position ? `${p.fullName} — ${p.position}` : p.fullName }))}
            data-testid="account-person"
          />
        </Form.Item>
        <Form.Item label="Tên đăng nhập" name="username" required rules={[zodRule(fields.username)]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="Vai trò" name="roles" required rules={[zodRule(fields.roles)]}>
          <RoleCheckboxes />
        </Form.Item>
      </Form>
    </Modal>
  );
}
