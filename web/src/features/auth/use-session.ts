import { createContext, useContext } from 'react';
import type { LoginInput, UserSummary } from '@app/shared';

export type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; user: UserSummary }
  /** The server could not say whether we are signed in (network down, 5xx). */
  | { status: 'unavailable'; message: string };

export interface Session {
  state: SessionState;
  /** Resolves once signed in; rejects with the server's `ApiError` (wrong password, throttled…). */
  logIn(input: LoginInput): Promise<void>;
  logOut(): Promise<void>;
  /** Asks the server again after `unavailable`. */
  recheck(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs an <AuthProvider> above it');
  return session;
}

/** The signed-in user, for components that only render once signed in (the board and what is on it). */
export function useCurrentUser(): UserSummary {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser is only available while signed in');
  return state.user;
}
