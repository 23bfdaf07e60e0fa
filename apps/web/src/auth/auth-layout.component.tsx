import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centred card used by the pages shown before the app: setup, login, forced password change. */
export function AuthLayout({ title, width = 420, children }: { title: string; width?: number; children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5', padding: 24 }}>
      <div style={{ width: '100%', maxWidth: width }}>
        <div style={{ textAlign: 'center', marginBottom: 24 }}>
          <SafetyCertificateOutlined style={{ fontSize: 40, color: '#a8071a' }} />
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>
            BMNN
          </Typography.Title>
          <Typography.Text type="secondary">Hệ thống quản lý công tác bảo vệ bí mật nhà nước</Typography.Text>
        </div>
        <Card title={title}>{children}</Card>
      </div>
    </div>
  );
}
