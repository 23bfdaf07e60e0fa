import { formatDateTime, loginRequest, type SessionResponse } from '@bmnn/contracts';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError, describeError } from '../api/api.client.ts';
import { authApi } from '../api/api.endpoints.ts';
import { markIssues, zodRule } from '../forms/zod-form.ts';
import { AuthLayout } from './auth-layout.component.tsx';

const fields = loginRequest.shape;

/** Explains a refused login; a locked account says until when. */
export function describeLoginError(error: unknown): string {
  if (error instanceof ApiError && error.code === 'auth.account_locked') {
    const lockedUntil = (error.details as { lockedUntil?: unknown } | undefined)?.lockedUntil;
    if (typeof lockedUntil === 'string') {
      return `Tài khoản đã bị khóa đến ${formatDateTime(lockedUntil)} do nhập sai mật khẩu nhiều lần. Hãy thử lại sau thời điểm đó hoặc liên hệ quản trị viên để mở khóa.`;
    }
  }
  return describeError(error);
}

export function LoginPage({ notice, onLoggedIn }: { notice?: string; onLoggedIn: (session: SessionResponse) => void }) {
  const [form] = Form.useForm();
  const [needsTotp, setNeedsTotp] = useState(false);
  const [sending, setSending] = useState(false);
  const [loginError, setLoginError] = useState<string>();

  const onFinish = async (values: Record<string, unknown>) => {
    const parsed = loginRequest.safeParse({ ...values, totp: needsTotp ? values.totp : undefined });
    if (!parsed.success) {
      markIssues(form, parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })));
      return;
    }
    setSending(true);
    setLoginError(undefined);
    try {
      onLoggedIn(await authApi.login(parsed.data));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'auth.totp_required') {
        setNeedsTotp(true);
      } else {
        if (error instanceof ApiError) markIssues(form, error.fieldIssues);
        setLoginError(describeLoginError(error));
        form.setFieldValue('password', '');
        if (needsTotp) form.setFieldValue('totp', '');
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <AuthLayout title="Đăng nhập">
      {notice && !loginError && <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} />}
      {loginError && (
        <Alert type="error" showIcon title={loginError} style={{ marginBottom: 16 }} data-testid="login-error" />
      )}
      <Form form={form} name="login" layout="vertical" onFinish={onFinish} data-testid="login-form">
        <Form.Item label="Tên đăng nhập" name="username" rules={[zodRule(fields.username)]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item label="Mật khẩu" name="password" rules={[zodRule(fields.password)]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        {needsTotp && (
          <Form.Item
            label="Mã xác thực hai lớp (TOTP)"
            name="totp"
            rules={[zodRule(fields.totp.unwrap())]}
            extra="Nhập mã 6 chữ số trên ứng dụng xác thực của bạn."
          >
            <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" autoFocus />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={sending} data-testid="login-submit">
          Đăng nhập
        </Button>
      </Form>
    </AuthLayout>
  );
}
