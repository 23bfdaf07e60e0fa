import { Button, Result } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

type State = { failed: boolean };

/** Keeps the menu usable when one page fails to render, and offers to reload. */
export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Page failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Result
        status="error"
        title="Trang này gặp lỗi khi hiển thị"
        subTitle="Dữ liệu của bạn không bị ảnh hưởng. Hãy tải lại trang; nếu lỗi lặp lại, báo cho quản trị viên."
        extra={<Button onClick={() => window.location.reload()}>Tải lại trang</Button>}
      />
    );
  }
}
