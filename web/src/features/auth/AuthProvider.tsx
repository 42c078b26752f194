import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginInput } from '@app/shared';
import { ApiError } from '../../app/api-client.js';
import { fetchSessionUser, postLogin, postLogout } from './auth-api.js';
import { SessionContext, type Session, type SessionState } from './use-session.js';

/** Asks the server who is signed in (the cookie is httpOnly, so only the server knows) and shares the answer. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [check, setCheck] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: 'checking' });
    fetchSessionUser().then(
      (user) => current && setState({ status: 'signed-in', user }),
      (error: Error) => {
        if (!current) return;
        const signedOut = error instanceof ApiError && error.status === 401;
        setState(signedOut ? { status: 'signed-out' } : { status: 'unavailable', message: error.message });
      },
    );
    return () => {
      current = false;
    };
  }, [check]);

  const logIn = useCallback(async (input: LoginInput) => {
    const user = await postLogin(input);
    setState({ status: 'signed-in', user });
  }, []);

  const logOut = useCallback(async () => {
    try {
      await postLogout();
    } finally {
      setState({ status: 'signed-out' });
    }
  }, []);

  const recheck = useCallback(() => setCheck((n) => n + 1), []);

  const session = useMemo<Session>(() => ({ state, logIn, logOut, recheck }), [state, logIn, logOut, recheck]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
