// SPDX-License-Identifier: EUPL-1.2
// NEN 7513 rows for authentication events. The object is the person's account; details hold only
// codes (reason, method, stage, counts), never e-mail addresses, passwords, codes or tokens.
import type { Executor } from '../../platform/db/connection.js';
import { appendAuditEvent, appendAuditEventAlone, type AuditAction, type AuditEvent, type AuditOutcome } from '../../platform/audit/audit-log.js';
import type { AuthContext } from './auth-context.js';
import type { OpenedSession } from './open-session.js';

export interface AuthEvent {
  action: AuditAction;
  outcome: AuditOutcome;
  /** The account concerned; null when the typed login name matches no account. */
  personId: string | null;
  organisationId?: string | null;
  roles?: readonly string[];
  details?: Record<string, string | number | boolean>;
}

function toAuditEvent(ctx: AuthContext, event: AuthEvent): AuditEvent {
  return {
    action: event.action,
    outcome: event.outcome,
    actorId: event.personId,
    organisationId: event.organisationId ?? null,
    role: event.roles && event.roles.length > 0 ? event.roles.join(',') : null,
    objectType: 'person',
    objectId: event.personId,
    details: event.details ?? null,
    ...ctx.origin,
  };
}

/** Inside the transaction that makes the change, so the row and the change commit together. */
export function auditAuthEvent(tx: Executor, ctx: AuthContext, event: AuthEvent): Promise<void> {
  return appendAuditEvent(tx, toAuditEvent(ctx, event), ctx.now);
}

/** For events without another write (failures). */
export function auditAuthEventAlone(ctx: AuthContext, event: AuthEvent): Promise<void> {
  return appendAuditEventAlone(ctx.db, toAuditEvent(ctx, event), ctx.now);
}

/** The success row of a login by any method: the organisation and roles it acts with, and the stage it starts in. */
export function auditLogin(
  tx: Executor,
  ctx: AuthContext,
  personId: string,
  session: OpenedSession,
  method: 'password' | 'oidc' | 'invitation',
): Promise<void> {
  return auditAuthEvent(tx, ctx, {
    action: 'login',
    outcome: 'success',
    personId,
    organisationId: session.organisationId,
    roles: session.roles,
    details: { method, stage: session.info.stage },
  });
}
