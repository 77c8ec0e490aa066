// SPDX-License-Identifier: EUPL-1.2
// The logged-in part of Mijn Kansrijke Start: loads the parent's session once; without one (never
// logged in, idle timeout, logged out elsewhere) it sends the parent to the parents' login page.
import { createContext, useContext } from 'react';
import { Navigate, Outlet } from 'react-router';
import { ApiError } from '../../api/client.js';
import { LoadError, Loading, useAsync } from '../../components/page.js';
import { myStartApi, type MySession } from './api.js';

const ParentSessionContext = createContext<MySession | null>(null);

export function useParentSession(): MySession {
  const session = useContext(ParentSessionContext);
  if (!session) throw new Error('useParentSession outside the parent area');
  return session;
}

/** A parent's call failed because there is no session (anymore). */
export function isSessionEnd(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'unauthenticated' || error.code === 'session_expired');
}

export default function ParentArea() {
  const state = useAsync(() => myStartApi.session(), []);
  if (state.error) return isSessionEnd(state.error) ? <Navigate to="/mijn/inloggen?uit=1" replace /> : <LoadError error={state.error} onRetry={state.reload} />;
  if (!state.data) return <Loading />;
  return (
    <ParentSessionContext.Provider value={state.data}>
      <Outlet />
    </ParentSessionContext.Provider>
  );
}
