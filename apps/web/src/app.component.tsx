import type { SessionResponse } from '@bmnn/contracts';
import { Alert, Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, describeError, setCsrfToken, setUnauthenticatedHandler } from './api/api.client.ts';
import { authApi, setupApi } from './api/api.endpoints.ts';
import { ChangePasswordPage } from './auth/change-password.page.tsx';
import { LoginPage } from './auth/login.page.tsx';
import { SessionProvider } from './auth/session.context.tsx';
import { SetupPage } from './auth/setup.page.tsx';
import { AppRoutes } from './shell/app-routes.component.tsx';

type Phase =
  | { name: 'loading' }
  | { name: 'failed'; message: string }
  | { name: 'setup' }
  | { name: 'login'; notice?: string }
  | { name: 'ready'; session: SessionResponse };

/** Decides what the visitor sees: first-run setup, login, forced password change or the app. */
export function App() {
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });

  const start = useCallback(async () => {
    setPhase({ name: 'loading' });
    try {
      const { needsSetup } = await setupApi.getStatus();
      if (needsSetup) return setPhase({ name: 'setup' });
      const session = await authApi.getSession();
      setCsrfToken(session.csrfToken);
      setPhase({ name: 'ready', session });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'auth.unauthenticated') return setPhase({ name: 'login' });
      setPhase({ name: 'failed', message: describeError(error) });
    }
  }, []);

  useEffect(() => {
    void start();
  }, [start]);

  const applySession = useCallback((session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setPhase({ name: 'ready', session });
  }, []);
  const showLogin = useCallback(() => setPhase({ name: 'login' }), []);

  const isReady = phase.name === 'ready';
  useEffect(() => {
    if (!isReady) return;
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setPhase({ name: 'login', notice: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.' });
    });
    return () => setUnauthenticatedHandler(null);
  }, [isReady]);

  switch (phase.name) {
    case 'loading':
      return (
        <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
          <Spin size="large" description="Đang tải…" />
        </div>
      );
    case 'failed':
      return (
        <Result
          status="error"
          title="Không mở được BMNN"
          subTitle={<Alert type="error" title={phase.message} />}
          extra={<Button onClick={() => void start()}>Thử lại</Button>}
        />
      );
    case 'setup':
      return (
        <SetupPage
          onDone={applySession}
          onAlreadyDone={() => setPhase({ name: 'login', notice: 'Hệ thống đã được thiết lập. Vui lòng đăng nhập.' })}
        />
      );
    case 'login':
      return <LoginPage notice={phase.notice} onLoggedIn={applySession} />;
    case 'ready':
      return (
        <SessionProvider session={phase.session} onSession={applySession} onLoggedOut={showLogin}>
          {phase.session.account.mustChangePassword ? <ChangePasswordPage /> : <AppRoutes />}
        </SessionProvider>
      );
  }
}
