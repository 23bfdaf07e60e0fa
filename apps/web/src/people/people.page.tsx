import { EditOutlined, PlusOutlined, SafetyCertificateOutlined, UserAddOutlined } from '@ant-design/icons';
import { CLEARANCE_LABELS, type Person } from '@bmnn/contracts';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { AccountCreateModal } from '../accounts/account-create.component.tsx';
import { peopleApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { canManageAccounts, canManagePeople } from '../shell/permissions.ts';
import { UnitSelect } from '../units/unit-select.component.tsx';
import { useUnits } from '../units/units.hooks.ts';
import { PersonFormModal } from './person-form.component.tsx';
import { AuthorityModal } from './authority.component.tsx';

type Dialog = { name: 'create' } | { name: 'edit'; person: Person } | { name: 'account'; person: Person } | { name: 'authority'; person: Person } | null;

export function PeoplePage() {
  const { account } = useSession();
  const { message } = App.useApp();
  const { units, byId } = useUnits();
  const [unitId, setUnitId] = useState<string>();
  const [q, setQ] = useState('');
  const people = useLoad(() => peopleApi.list({ unitId, q }), `${unitId ?? ''}|${q}`);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canManage = canManagePeople(account.roles);
  const canCreateAccounts = canManageAccounts(account.roles);

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Cán bộ, nhân viên
      </Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <div style={{ width: 320 }}>
            <UnitSelect
              units={units}
              includeDefunct
              allowClear
              value={unitId}
              onChange={(v) => setUnitId(v ?? undefined)}
              placeholder="Lọc theo đơn vị"
              testId="people-unit-filter"
            />
          </div>
          <Input.Search placeholder="Tìm theo họ tên" allowClear onSearch={setQ} style={{ width: 280 }} data-testid="people-search" />
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ name: 'create' })} data-testid="person-create">
              Thêm cán bộ
            </Button>
          )}
        </Space>
        {people.error && <Alert type="error" showIcon title={people.error} style={{ marginBottom: 16 }} />}
        <Table<Person>
          data-testid="people-table"
          rowKey="id"
          size="middle"
          loading={people.loading}
          dataSource={people.data?.people ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `${total} người` }}
          columns={[
            { key: 'fullName', title: 'Họ và tên', dataIndex: 'fullName' },
            { key: 'position', title: 'Chức vụ', dataIndex: 'position', render: (v: string | null) => v || '—' },
            { key: 'unit', title: 'Đơn vị', render: (_, p) => byId.get(p.unitId)?.name ?? '—' },
            {
              key: 'handlesSecrets',
              title: 'Làm công tác BMNN',
              align: 'center',
              render: (_, p) => (p.handlesSecrets ? <Tag color="blue">Có</Tag> : 'Không'),
            },
            {
              key: 'clearance',
              title: 'Mức được tiếp cận',
              render: (_, p) => (p.clearance === 'NONE' ? 'Không' : <Tag color="volcano">{CLEARANCE_LABELS[p.clearance]}</Tag>),
            },
            { key: 'isKeyPost', title: 'Vị trí thiết yếu', align: 'center', render: (_, p) => (p.isKeyPost ? 'Có' : '') },
            {
              key: 'account',
              title: 'Tài khoản',
              render: (_, p) =>
                p.accountId ? (
                  <Tag color="green">Đã có</Tag>
                ) : canCreateAccounts ? (
                  <Button size="small" icon={<UserAddOutlined />} onClick={() => setDialog({ name: 'account', person: p })} data-testid={`person-create-account-${p.id}`}>
                    Tạo tài khoản
                  </Button>
                ) : (
                  'Chưa có'
                ),
            },
            ...(canManage
              ? [
                  {
                    key: 'actions',
                    title: '',
                    render: (_: unknown, p: Person) => (
                      <Space size={0}>
                        <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setDialog({ name: 'edit', person: p })}>
                          Sửa
                        </Button>
                        {canCreateAccounts && (
                          <Button size="small" type="link" icon={<SafetyCertificateOutlined />} onClick={() => setDialog({ name: 'authority', person: p })} data-testid={`person-authority-${p.id}`}>
                            Thẩm quyền
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {(dialog?.name === 'create' || dialog?.name === 'edit') && (
        <PersonFormModal
          person={dialog.name === 'edit' ? dialog.person : undefined}
          unitId={unitId}
          units={units}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            message.success(dialog.name === 'edit' ? 'Đã lưu thay đổi' : 'Đã thêm cán bộ');
            people.reload();
          }}
        />
      )}
      {dialog?.name === 'authority' && <AuthorityModal person={dialog.person} onClose={() => setDialog(null)} />}
      {dialog?.name === 'account' && (
        <AccountCreateModal
          people={[dialog.person]}
          onClose={() => setDialog(null)}
          onCreated={() => {
            setDialog(null);
            people.reload();
          }}
        />
      )}
    </>
  );
}
