import { changePasswordRequest } from '@bmnn/contracts';
import { Alert, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { authApi } from '../api/api.endpoints.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { AuthLayout } from './auth-layout.component.tsx';
import { confirmPasswordRule } from './password.rules.ts';
import { useSession } from './session.context.tsx';

const fields = changePasswordRequest.shape;

/** The change-password form, used on the profile page and on the forced change after first login. */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { applySession } = useSession();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();

  const onFinish = async (values: Record<string, unknown>) => {
    setSaving(true);
    setFormError(undefined);
    const outcome = await submitForm({ form, schema: changePasswordRequest, values, send: authApi.changePassword });
    setSaving(false);
    if (!outcome.ok) return setFormError(outcome.message);
    form.resetFields();
    onChanged?.();
    applySession(outcome.result);
  };

  return (
    <Form form={form} name="change-password" layout="vertical" onFinish={onFinish} data-testid="change-password-form">
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form.Item label="Mật khẩu hiện tại" name="currentPassword" required rules={[zodRule(fields.currentPassword)]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="Mật khẩu mới"
        name="newPassword"
        required
        rules={[zodRule(fields.newPassword)]}
        extra="Ít nhất 12 ký tự, gồm ít nhất ba trong bốn loại: chữ thường, chữ hoa, chữ số, ký tự đặc biệt."
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="Nhập lại mật khẩu mới"
        name="confirmPassword"
        dependencies={['newPassword']}
        required
        rules={[confirmPasswordRule('newPassword')]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="change-password-submit">
        Đổi mật khẩu
      </Button>
    </Form>
  );
}

/** Shown instead of the app while the account must change its temporary password. */
export function ChangePasswordPage() {
  const { account, logout } = useSession();
  return (
    <AuthLayout title="Đổi mật khẩu" width={460}>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={`Xin chào ${account.fullName}. Bạn cần đổi mật khẩu tạm thời trước khi sử dụng hệ thống.`}
        data-testid="forced-change-notice"
      />
      <ChangePasswordForm />
      <Space style={{ marginTop: 16 }}>
        <Button type="link" onClick={() => void logout()} style={{ padding: 0 }}>
          Đăng xuất
        </Button>
      </Space>
    </AuthLayout>
  );
}
