// SPDX-License-Identifier: EUPL-1.2
// Who is logged in: fetched once at start, replaced after every login step, cleared at logout.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client.js';
import { authApi, type SessionInfo } from '../api/endpoints.js';
import type { Role } from '../../contracts/roles.js';

export interface SessionState {
  /** undefined while loading; null when nobody is logged in. */
  session: SessionInfo | null | undefined;
  setSession(session: SessionInfo | null): void;
  refresh(): Promise<SessionInfo | null>;
  /** Why the start-up probe found no session: 'session_expired' is worth telling the user. */
  endReason: string | null;
  /** Forgets the session and remembers why, so the login page can say so. */
  endSession(reason: string): void;
  /**
   * Why the start-up probe could not ask the server (network, rate limit, server error). That is
   * not a logout: the probe keeps asking with back-off, and `retryProbe` asks again at once.
   */
  probeError: Error | null;
  retryProbe(): void;
}

/** Back-off between probes that failed for a passing reason: 1, 2, 4, 8 s, then every 15 s. */
export function probeDelay(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 15_000);
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);
  const [endReason, setEndReason] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      const next = await authApi.session();
      setSession(next);
      return next;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setEndReason(error.code === 'session_expired' ? error.code : null);
        setSession(null);
        return null;
      }
      throw error;
    }
  }, []);
  const [probeError, setProbeError] = useState<Error | null>(null);
  const [probeRound, setProbeRound] = useState(0);
  useEffect(() => {
    // Only the server saying 401 means nobody is logged in; a failed request leaves the session
    // unknown (still loading) and is asked again — a rate limit or a restart must not log anyone out.
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const probe = async (attempt: number) => {
      try {
        await refresh();
        if (!cancelled) setProbeError(null);
      } catch (error) {
        if (cancelled) return;
        setProbeError(error instanceof Error ? error : new Error(String(error)));
        timer = setTimeout(() => void probe(attempt + 1), probeDelay(attempt));
      }
    };
    void probe(0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [refresh, probeRound]);
  const retryProbe = useCallback(() => setProbeRound((round) => round + 1), []);
  const endSession = useCallback((reason: string) => {
    setEndReason(reason);
    setSession(null);
  }, []);
  const replaceSession = useCallback((next: SessionInfo | null) => {
    if (next) setEndReason(null);
    setSession(next);
  }, []);
  const value = useMemo(
    () => ({ session, setSession: replaceSession, refresh, endReason, endSession, probeError, retryProbe }),
    [session, replaceSession, refresh, endReason, endSession, probeError, retryProbe],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/** The home path for a session in a given stage: where a login step leads next. */
export function pathForStage(session: SessionInfo): string {
  if (session.stage === 'second_factor') return '/inloggen/code';
  if (session.stage === 'enrolment') return '/inloggen/2fa-instellen';
  return '/';
}

export function hasAnyRole(session: SessionInfo | null | undefined, roles: readonly Role[]): boolean {
  return Boolean(session && session.roles.some((role) => roles.includes(role)));
}

export const ADMIN_ROLES: readonly Role[] = ['platform_admin', 'organisation_admin'];
