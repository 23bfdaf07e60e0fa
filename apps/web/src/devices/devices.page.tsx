import { DownloadOutlined, PlusOutlined, SafetyOutlined } from '@ant-design/icons';
import {
  CHECK_RESULT_LABELS,
  DEVICE_STATUS_LABELS,
  DEVICE_TYPE_LABELS,
  DEVICE_USE_LABELS,
  NETWORK_STATUS_LABELS,
  formatDate,
  type Device,
  type DeviceStatus,
} from '@bmnn/contracts';
import { Alert, App, Button, Card, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { devicesApi } from '../api/api.endpoints.ts';
import { useLoad } from '../api/api.hooks.ts';
import { useSession } from '../auth/session.context.tsx';
import { canManageDevices } from '../shell/permissions.ts';
import { UnitSelect } from '../units/unit-select.component.tsx';
import { useUnits } from '../units/units.hooks.ts';
import { DEVICE_STATUS_COLORS } from './device-colors.ts';
import { DeviceDetailDrawer } from './device-detail.component.tsx';
import { DeviceFormModal } from './device-form.component.tsx';

/** The device register (sổ quản lý thiết bị, LEGAL.md R12) and the overdue security checks. */
export function DevicesPage() {
  const { account } = useSession();
  const { message } = App.useApp();
  const { units, byId } = useUnits();
  const [unitId, setUnitId] = useState<string>();
  const [status, setStatus] = useState<DeviceStatus>();
  const [q, setQ] = useState('');
  const devices = useLoad(() => devicesApi.list({ unitId, status, q }), `${unitId ?? ''}|${status ?? ''}|${q}`);
  const overdue = useLoad(() => devicesApi.overdueChecks(), 'overdue');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string>();
  const canManage = canManageDevices(account.roles);
  const reload = () => {
    devices.reload();
    overdue.reload();
  };

  const columns = [
    { key: 'assetCode', title: 'Mã tài sản', dataIndex: 'assetCode' },
    { key: 'name', title: 'Tên thiết bị', render: (_: unknown, d: Device) => <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(d.id)} data-testid={`device-open-${d.assetCode}`}>{d.name}</Button> },
    { key: 'type', title: 'Loại', render: (_: unknown, d: Device) => DEVICE_TYPE_LABELS[d.type] },
    { key: 'unit', title: 'Đơn vị', render: (_: unknown, d: Device) => byId.get(d.unitId)?.name ?? '—' },
    { key: 'custodian', title: 'Người quản lý', render: (_: unknown, d: Device) => d.custodianName ?? '—' },
    { key: 'network', title: 'Kết nối mạng', render: (_: unknown, d: Device) => <Tag color={d.networkStatus === 'CONNECTED' ? 'red' : 'blue'}>{NETWORK_STATUS_LABELS[d.networkStatus]}</Tag> },
    { key: 'uses', title: 'Mục đích được phép', render: (_: unknown, d: Device) => d.approvedUses.map((u) => DEVICE_USE_LABELS[u]).join('; ') || '—' },
    { key: 'check', title: 'Kiểm tra an ninh', render: (_: unknown, d: Device) => (d.lastCheckOn ? `${formatDate(d.lastCheckOn)} — ${CHECK_RESULT_LABELS[d.lastCheckResult!]}${d.nextCheckDue ? ` (hạn ${formatDate(d.nextCheckDue)})` : ''}` : 'Chưa kiểm tra') },
    { key: 'status', title: 'Trạng thái', render: (_: unknown, d: Device) => <Tag color={DEVICE_STATUS_COLORS[d.status]}>{DEVICE_STATUS_LABELS[d.status]}</Tag> },
  ];

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        Thiết bị điện tử, sản phẩm mật mã
      </Typography.Title>
      <Tabs
        items={[
          {
            key: 'register',
            label: 'Sổ quản lý thiết bị',
            children: (
              <Card>
                <Space wrap style={{ marginBottom: 16 }}>
                  <div style={{ width: 300 }}>
                    <UnitSelect units={units} includeDefunct allowClear value={unitId} onChange={(v) => setUnitId(v ?? undefined)} placeholder="Lọc theo đơn vị" testId="devices-unit-filter" />
                  </div>
                  <Select<DeviceStatus> allowClear placeholder="Trạng thái" style={{ width: 220 }} value={status} onChange={(v) => setStatus(v)} options={Object.entries(DEVICE_STATUS_LABELS).map(([value, label]) => ({ value: value as DeviceStatus, label }))} />
                  <Input.Search placeholder="Tìm theo tên, mã, số sê-ri" allowClear onSearch={setQ} style={{ width: 280 }} data-testid="devices-search" />
                  <Button icon={<DownloadOutlined />} href={devicesApi.bookUrl(unitId)} data-testid="device-book">
                    In sổ quản lý thiết bị
                  </Button>
                  {canManage && (
                    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="device-create">
                      Thêm thiết bị
                    </Button>
                  )}
                </Space>
                {devices.error && <Alert type="error" showIcon title={devices.error} style={{ marginBottom: 16 }} />}
                <Table<Device>
                  data-testid="devices-table"
                  rowKey="id"
                  size="middle"
                  loading={devices.loading}
                  dataSource={devices.data?.devices ?? []}
                  locale={{ emptyText: 'Chưa có thiết bị nào trong sổ' }}
                  pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `${total} thiết bị` }}
                  columns={columns}
                />
              </Card>
            ),
          },
          {
            key: 'overdue',
            label: (
              <span data-testid="devices-overdue-tab">
                <SafetyOutlined /> Quá hạn kiểm tra an ninh {overdue.data ? `(${overdue.data.devices.length})` : ''}
              </span>
            ),
            children: (
              <Card>
                {overdue.error && <Alert type="error" showIcon title={overdue.error} style={{ marginBottom: 16 }} />}
                <Table
                  rowKey={(o) => o.device.id}
                  size="middle"
                  loading={overdue.loading}
                  dataSource={overdue.data?.devices ?? []}
                  locale={{ emptyText: 'Không có thiết bị quá hạn kiểm tra' }}
                  pagination={false}
                  columns={[
                    { key: 'assetCode', title: 'Mã tài sản', render: (_, o) => o.device.assetCode },
                    { key: 'name', title: 'Tên thiết bị', render: (_, o) => o.device.name },
                    { key: 'unit', title: 'Đơn vị', render: (_, o) => byId.get(o.device.unitId)?.name ?? '—' },
                    { key: 'reason', title: 'Tình trạng', render: (_, o) => (o.reason === 'NEVER_CHECKED' ? <Tag color="red">Đang sử dụng nhưng chưa kiểm tra</Tag> : <Tag color="orange">Quá hạn từ {formatDate(o.dueSince)}</Tag>) },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      {creating && (
        <DeviceFormModal
          units={units}
          defaultUnitId={unitId ?? account.unitId}
          onClose={() => setCreating(false)}
          onSaved={(device) => {
            setCreating(false);
            message.success('Đã thêm thiết bị vào sổ');
            reload();
            setOpenId(device.id);
          }}
        />
      )}
      {openId && <DeviceDetailDrawer deviceId={openId} canManage={canManage} onClose={() => setOpenId(undefined)} onChanged={reload} />}
    </>
  );
}
