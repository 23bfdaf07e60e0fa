import { CLEARANCE_LABELS, ROLE_LABELS, totpCodeRequest } from '@bmnn/contracts';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../api/api.client.ts';
import { authApi } from '../api/api.endpoints.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { ChangePasswordForm } from './change-password.page.tsx';
import { QrCode } from './qr-code.component.tsx';
import { useSession } from './session.context.tsx';

/** Turns TOTP on (secret shown as text, then confirmed with a code) or off (with a code). */
function TotpSection() {
  const { account, applySession } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [secret, setSecret] = useState<{ secret: string; otpauthUrl: string }>();
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string>();

  const start = async () => {
    setBusy(true);
    try {
      setSecret(await authApi.setupTotp());
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  const onFinish = async (values: Record<string, unknown>) => {
    setBusy(true);
    setFormError(undefined);
    const send = account.totpEnabled ? authApi.disableTotp : authApi.enableTotp;
    const outcome = await submitForm({ form, schema: totpCodeRequest, values, send });
    setBusy(false);
    if (!outcome.ok) return setFormError(outcome.message);
    form.resetFields();
    setSecret(undefined);
    message.success(account.totpEnabled ? 'Đã tắt xác thực hai lớp' : 'Đã bật xác thực hai lớp');
    applySession(outcome.result);
  };

  const codeForm = (submitText: string) => (
    <Form form={form} name="totp" layout="inline" onFinish={onFinish} style={{ marginTop: 12 }}>
      <Form.Item label="Mã 6 chữ số" name="code" rules={[zodRule(totpCodeRequest.shape.code)]}>
        <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" style={{ width: 140 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} danger={account.totpEnabled} data-testid="totp-submit">
        {submitText}
      </Button>
    </Form>
  );

  return (
    <Card title="Xác thực hai lớp (TOTP)" data-testid="totp-section">
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      {account.totpEnabled ? (
        <>
          <Typography.Paragraph>
            Xác thực hai lớp <Tag color="green">đang bật</Tag>. Khi đăng nhập, bạn cần nhập mã trên ứng dụng xác thực.
          </Typography.Paragraph>
          <Typography.Text type="secondary">Để tắt, nhập mã hiện tại trên ứng dụng xác thực.</Typography.Text>
          {codeForm('Tắt xác thực hai lớp')}
        </>
      ) : secret ? (
        <>
          <Typography.Paragraph>
            Quét mã QR bằng ứng dụng xác thực trên điện thoại (hoặc nhập khóa bí mật dưới đây), rồi nhập mã 6 chữ số
            ứng dụng hiển thị.
          </Typography.Paragraph>
          <div style={{ textAlign: 'center', marginBottom: 12 }} data-testid="totp-qr">
            <QrCode text={secret.otpauthUrl} label="Mã QR để thêm tài khoản vào ứng dụng xác thực" />
          </div>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              {
                key: 'secret',
                label: 'Khóa bí mật',
                children: (
                  <Typography.Text code copyable={{ tooltips: ['Sao chép', 'Đã sao chép'] }} data-testid="totp-secret">
                    {secret.secret}
                  </Typography.Text>
                ),
              },
              {
                key: 'url',
                label: 'Địa chỉ otpauth',
                children: (
                  <Typography.Text copyable={{ tooltips: ['Sao chép', 'Đã sao chép'] }} style={{ wordBreak: 'break-all' }}>
                    {secret.otpauthUrl}
                  </Typography.Text>
                ),
              },
            ]}
          />
          {codeForm('Bật xác thực hai lớp')}
        </>
      ) : (
        <Space orientation="vertical">
          <Typography.Text>Xác thực hai lớp đang tắt.</Typography.Text>
          <Button onClick={() => void start()} loading={busy} data-testid="totp-start">
            Thiết lập xác thực hai lớp
          </Button>
        </Space>
      )}
    </Card>
  );
}

export function ProfilePage() {
  const { account } = useSession();
  const { message } = App.useApp();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Hồ sơ cá nhân
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="Thông tin tài khoản">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'fullName', label: 'Họ và tên', children: account.fullName },
                { key: 'username', label: 'Tên đăng nhập', children: account.username },
                { key: 'unit', label: 'Đơn vị', children: account.unitName },
                { key: 'roles', label: 'Vai trò', children: account.roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>) },
                { key: 'clearance', label: 'Mức được tiếp cận', children: CLEARANCE_LABELS[account.clearance] },
              ]}
            />
          </Card>
          <div style={{ height: 16 }} />
          <TotpSection />
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Đổi mật khẩu">
            <ChangePasswordForm onChanged={() => message.success('Đã đổi mật khẩu')} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
