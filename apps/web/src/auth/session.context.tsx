import type { SessionAccount, SessionResponse } from '@bmnn/contracts';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setCsrfToken } from '../api/api.client.ts';
import { authApi } from '../api/api.endpoints.ts';

type SessionState = {
  account: SessionAccount;
  /** Stores a SessionResponse from login, setup, change password or TOTP changes. */
  applySession: (session: SessionResponse) => void;
  logout: () => Promise<void>;
};

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ session, onSession, onLoggedOut, children }: {
  session: SessionResponse;
  onSession: (session: SessionResponse) => void;
  onLoggedOut: () => void;
  children: ReactNode;
}) {
  const [loggingOut, setLoggingOut] = useState(false);
  const logout = useCallback(async () => {
    if (loggingOut) return;
    setLoggingOut(true);
    try {
      await authApi.logout();
    } catch {
      // Unreachable server or an already expired session: the server's session times out on its
      // own, and this browser forgets it below either way.
    }
    setCsrfToken(null);
    setLoggingOut(false);
    onLoggedOut();
  }, [loggingOut, onLoggedOut]);

  const value = useMemo<SessionState>(
    () => ({ account: session.account, applySession: onSession, logout }),
    [session, onSession, logout],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
