import type { AccountWithTemporaryPassword } from '@bmnn/contracts';
import { Alert, Button, Modal, Typography } from 'antd';

/** Shows a temporary password once; it cannot be seen again after closing. */
export function TemporaryPasswordModal({ created, title, onClose }: {
  created: AccountWithTemporaryPassword;
  title: string;
  onClose: () => void;
}) {
  return (
    <Modal
      open
      title={title}
      closable={false}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid="temporary-password-close">
          Tôi đã ghi lại mật khẩu
        </Button>
      }
    >
      <Typography.Paragraph>
        Tài khoản <Typography.Text strong>{created.account.username}</Typography.Text> ({created.account.fullName}) có mật
        khẩu tạm thời:
      </Typography.Paragraph>
      <Typography.Paragraph
        copyable={{ text: created.temporaryPassword, tooltips: ['Sao chép', 'Đã sao chép'] }}
        code
        style={{ fontSize: 18 }}
        data-testid="temporary-password"
      >
        {created.temporaryPassword}
      </Typography.Paragraph>
      <Alert
        type="warning"
        showIcon
        title="Mật khẩu này chỉ hiển thị một lần. Hãy trao trực tiếp cho người dùng; họ phải đổi mật khẩu ở lần đăng nhập đầu tiên."
      />
    </Modal>
  );
}
