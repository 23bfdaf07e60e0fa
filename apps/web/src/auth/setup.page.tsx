import { setupRequest, type SessionResponse, type SetupRequest } from '@bmnn/contracts';
import { Alert, Button, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/api.client.ts';
import { setupApi } from '../api/api.endpoints.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { AuthLayout } from './auth-layout.component.tsx';
import { confirmPasswordRule } from './password.rules.ts';

const fields = setupRequest.shape;

/** First run: the setup code printed by the server creates the province and its administrator. */
export function SetupPage({ onDone, onAlreadyDone }: {
  onDone: (session: SessionResponse) => void;
  /** Someone else finished the setup meanwhile: the visitor should log in instead. */
  onAlreadyDone: () => void;
}) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();

  const onFinish = async (values: Record<string, unknown>) => {
    setSaving(true);
    setFormError(undefined);
    const send = async (body: SetupRequest) => {
      try {
        return await setupApi.setup(body);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'setup.already_done') onAlreadyDone();
        throw error;
      }
    };
    const outcome = await submitForm({ form, schema: setupRequest, values, send });
    setSaving(false);
    if (outcome.ok) onDone(outcome.result);
    else setFormError(outcome.message);
  };

  return (
    <AuthLayout title="Thiết lập lần đầu" width={520}>
      <Typography.Paragraph type="secondary">
        Nhập mã thiết lập lần đầu được in ra khi máy chủ khởi động, thông tin tỉnh và tài khoản quản trị
        đầu tiên.
      </Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form form={form} name="setup" layout="vertical" onFinish={onFinish} requiredMark data-testid="setup-form">
        <Form.Item label="Mã thiết lập lần đầu" name="setupCode" required rules={[zodRule(fields.setupCode)]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Divider titlePlacement="start">Tỉnh</Divider>
        <Form.Item label="Tên tỉnh" name="provinceName" required rules={[zodRule(fields.provinceName)]}>
          <Input placeholder="Ví dụ: Bắc Ninh" />
        </Form.Item>
        <Form.Item label="Mã tỉnh" name="provinceCode" required rules={[zodRule(fields.provinceCode)]}>
          <Input placeholder="Ví dụ: BN" />
        </Form.Item>
        <Divider titlePlacement="start">Quản trị viên</Divider>
        <Form.Item label="Tên đăng nhập" name="username" required rules={[zodRule(fields.username)]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label="Họ và tên" name="fullName" required rules={[zodRule(fields.fullName)]}>
          <Input />
        </Form.Item>
        <Form.Item
          label="Mật khẩu"
          name="password"
          required
          rules={[zodRule(fields.password)]}
          extra="Ít nhất 12 ký tự, gồm ít nhất ba trong bốn loại: chữ thường, chữ hoa, chữ số, ký tự đặc biệt."
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="Nhập lại mật khẩu"
          name="confirmPassword"
          dependencies={['password']}
          required
          rules={[confirmPasswordRule('password')]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={saving} data-testid="setup-submit">
          Hoàn tất thiết lập
        </Button>
      </Form>
    </AuthLayout>
  );
}
