import {
  AlertOutlined,
  ReadOutlined,
  VideoCameraOutlined,
  ApartmentOutlined,
  DesktopOutlined,
  AuditOutlined,
  BookOutlined,
  ControlOutlined,
  CheckSquareOutlined,
  FileProtectOutlined,
  FolderOpenOutlined,
  IdcardOutlined,
  LogoutOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
  FieldTimeOutlined,
  ExportOutlined,
  DeleteOutlined,
  FileSearchOutlined,
} from '@ant-design/icons';
import { ROLE_LABELS, type MenuKey } from '@bmnn/contracts';
import { Button, Layout, Menu, Space, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session.context.tsx';
import { PageErrorBoundary } from './error-boundary.component.tsx';
import { getMenuEntries } from './menu.ts';

const ICONS: Record<MenuKey, ReactNode> = {
  items: <FileProtectOutlined />,
  devices: <DesktopOutlined />,
  'secret-work': <SolutionOutlined />,
  incidents: <AlertOutlined />,
  units: <ApartmentOutlined />,
  people: <TeamOutlined />,
  accounts: <IdcardOutlined />,
  audit: <AuditOutlined />,
  books: <BookOutlined />,
  danhMuc: <OrderedListOutlined />,
  ruleSets: <ControlOutlined />,
  todo: <CheckSquareOutlined />,
  periods: <FieldTimeOutlined />,
  releases: <ExportOutlined />,
  destruction: <DeleteOutlined />,
  files: <FolderOpenOutlined />,
  training: <ReadOutlined />,
  meetings: <VideoCameraOutlined />,
  leakChecks: <FileSearchOutlined />,
};

/** The layout after login: menu built from the person's roles, their name, logout. */
export function Shell() {
  const { account, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const entries = getMenuEntries(account.roles);
  const selected = entries.find((e) => location.pathname.startsWith(e.path))?.key;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={240} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', display: 'flex', gap: 8, alignItems: 'center' }}>
          <SafetyCertificateOutlined style={{ fontSize: 24, color: '#a8071a' }} />
          <div>
            <Typography.Text strong>BMNN</Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              Bảo vệ bí mật nhà nước
            </Typography.Text>
          </div>
        </div>
        <Menu
          mode="inline"
          style={{ borderInlineEnd: 'none' }}
          data-testid="main-menu"
          selectedKeys={selected ? [selected] : []}
          items={entries.map((e) => ({
            key: e.key,
            icon: ICONS[e.key],
            label: <span data-testid={`menu-${e.key}`}>{e.label}</span>,
            onClick: () => navigate(e.path),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            paddingInline: 24,
          }}
        >
          <Typography.Text type="secondary">{account.unitName}</Typography.Text>
          <Space size="middle">
            <Tooltip title={account.roles.map((r) => ROLE_LABELS[r]).join(', ')}>
              <Button type="text" icon={<UserOutlined />} onClick={() => navigate('/profile')} data-testid="user-name">
                {account.fullName}
              </Button>
            </Tooltip>
            <Button icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">
              Đăng xuất
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <PageErrorBoundary key={location.pathname}>
            <Outlet />
          </PageErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
