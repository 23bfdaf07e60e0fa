import { KeyOutlined, LockOutlined, PlusOutlined, TeamOutlined, UnlockOutlined } from '@ant-design/icons';
import {
  ACCOUNT_STATUS_LABELS,
  ROLE_LABELS,
  formatDateTime,
  updateAccountRequest,
  type Account,
  type AccountStatus,
  type AccountWithTemporaryPassword,
} from '@bmnn/contracts';
import { Alert, App, Button, Card, Form, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { describeError } from '../api/api.client.ts';
import { accountsApi, peopleApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { submitForm, zodRule } from '../forms/zod-form.ts';
import { useUnits } from '../units/units.hooks.ts';
import { AccountCreateModal } from './account-create.component.tsx';
import { RoleCheckboxes } from './role-checkboxes.component.tsx';
import { TemporaryPasswordModal } from './temporary-password.component.tsx';

const STATUS_COLORS: Record<AccountStatus, string> = { ACTIVE: 'green', LOCKED: 'red', DISABLED: 'default' };

function isLocked(account: Account, now = new Date()): boolean {
  return account.status === 'LOCKED' || (account.lockedUntil !== null && new Date(account.lockedUntil) > now);
}

function RolesModal({ account, onClose, onSaved }: { account: Account; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string>();
  const onFinish = async (values: Record<string, unknown>) => {
    setSaving(true);
    const outcome = await submitForm({
      form,
      schema: updateAccountRequest,
      values,
      send: (body) => accountsApi.update(account.id, body),
    });
    setSaving(false);
    if (outcome.ok) onSaved();
    else setFormError(outcome.message);
  };
  return (
    <Modal
      open
      title={`Vai trò của ${account.fullName} (${account.username})`}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'roles-form-submit' }}
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="form-error" />}
      <Form form={form} name="roles" layout="vertical" initialValues={{ roles: account.roles }} onFinish={onFinish}>
        <Form.Item label="Vai trò" name="roles" rules={[zodRule(updateAccountRequest.shape.roles)]}>
          <RoleCheckboxes />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Dialog =
  | { name: 'create' }
  | { name: 'roles'; account: Account }
  | { name: 'password'; created: AccountWithTemporaryPassword }
  | null;

export function AccountsPage() {
  const { message } = App.useApp();
  const accounts = useLoad(() => accountsApi.list(), 'accounts');
  const people = useLoad(() => peopleApi.list(), 'people');
  const { byId } = useUnits();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busyId, setBusyId] = useState<string>();
  const withoutAccount = useMemo(() => (people.data?.people ?? []).filter((p) => !p.accountId), [people.data]);

  const act = async (account: Account, action: () => Promise<unknown>, done: string) => {
    setBusyId(account.id);
    try {
      await action();
      message.success(done);
      accounts.reload();
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setBusyId(undefined);
    }
  };

  const resetPassword = async (account: Account) => {
    setBusyId(account.id);
    try {
      setDialog({ name: 'password', created: await accountsApi.resetPassword(account.id) });
      accounts.reload();
    } catch (error) {
      message.error(describeError(error));
    } finally {
      setBusyId(undefined);
    }
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Tài khoản
      </Typography.Title>
      <Card>
        <Space style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ name: 'create' })} data-testid="account-create">
            Tạo tài khoản
          </Button>
        </Space>
        {accounts.error && <Alert type="error" showIcon title={accounts.error} style={{ marginBottom: 16 }} />}
        <Table<Account>
          data-testid="accounts-table"
          rowKey="id"
          size="middle"
          loading={accounts.loading}
          dataSource={accounts.data?.accounts ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `${total} tài khoản` }}
          columns={[
            { key: 'username', title: 'Tên đăng nhập', dataIndex: 'username' },
            { key: 'fullName', title: 'Họ và tên', dataIndex: 'fullName' },
            { key: 'unit', title: 'Đơn vị', render: (_, a) => byId.get(a.unitId)?.name ?? '—' },
            {
              key: 'roles',
              title: 'Vai trò',
              render: (_, a) => a.roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>),
            },
            {
              key: 'status',
              title: 'Trạng thái',
              render: (_, a) => (
                <Space orientation="vertical" size={0}>
                  <Tag color={isLocked(a) ? 'red' : STATUS_COLORS[a.status]} data-testid={`account-status-${a.username}`}>
                    {isLocked(a) ? ACCOUNT_STATUS_LABELS.LOCKED : ACCOUNT_STATUS_LABELS[a.status]}
                  </Tag>
                  {a.lockedUntil && isLocked(a) && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      đến {formatDateTime(a.lockedUntil)}
                    </Typography.Text>
                  )}
                  {a.mustChangePassword && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      Chưa đổi mật khẩu tạm thời
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            { key: 'totp', title: 'Xác thực hai lớp', align: 'center', render: (_, a) => (a.totpEnabled ? 'Bật' : 'Tắt') },
            {
              key: 'lastLoginAt',
              title: 'Đăng nhập gần nhất',
              render: (_, a) => (a.lastLoginAt ? formatDateTime(a.lastLoginAt) : 'Chưa đăng nhập'),
            },
            {
              key: 'actions',
              title: 'Thao tác',
              render: (_, a) => (
                <Space wrap size="small">
                  <Button size="small" icon={<TeamOutlined />} onClick={() => setDialog({ name: 'roles', account: a })}>
                    Vai trò
                  </Button>
                  {isLocked(a) ? (
                    <Button
                      size="small"
                      icon={<UnlockOutlined />}
                      loading={busyId === a.id}
                      onClick={() => void act(a, () => accountsApi.unlock(a.id), 'Đã mở khóa tài khoản')}
                      data-testid={`account-unlock-${a.username}`}
                    >
                      Mở khóa
                    </Button>
                  ) : (
                    <Popconfirm
                      title={`Khóa tài khoản ${a.username}?`}
                      okText="Khóa"
                      cancelText="Hủy"
                      onConfirm={() => act(a, () => accountsApi.lock(a.id), 'Đã khóa tài khoản')}
                    >
                      <Button size="small" danger icon={<LockOutlined />} loading={busyId === a.id} data-testid={`account-lock-${a.username}`}>
                        Khóa
                      </Button>
                    </Popconfirm>
                  )}
                  <Popconfirm
                    title={`Đặt lại mật khẩu cho ${a.username}?`}
                    description="Mật khẩu cũ hết hiệu lực; người dùng phải đổi mật khẩu tạm thời khi đăng nhập."
                    okText="Đặt lại"
                    cancelText="Hủy"
                    onConfirm={() => resetPassword(a)}
                  >
                    <Button size="small" icon={<KeyOutlined />} data-testid={`account-reset-${a.username}`}>
                      Đặt lại mật khẩu
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {dialog?.name === 'create' && (
        <AccountCreateModal
          people={withoutAccount}
          onClose={() => setDialog(null)}
          onCreated={() => {
            setDialog(null);
            accounts.reload();
            people.reload();
          }}
        />
      )}
      {dialog?.name === 'roles' && (
        <RolesModal
          account={dialog.account}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            message.success('Đã lưu vai trò');
            accounts.reload();
          }}
        />
      )}
      {dialog?.name === 'password' && (
        <TemporaryPasswordModal created={dialog.created} title="Đã đặt lại mật khẩu" onClose={() => setDialog(null)} />
      )}
    </>
  );
}
