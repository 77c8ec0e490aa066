// SPDX-License-Identifier: EUPL-1.2
// Everything a parent does goes through here: the policy decides (decideForParent: their own file
// only; decideForParentOnChild: a child over whom they hold authority), the work runs in one
// transaction, and the audit row names the parent as actor (their family
// member id, role 'parent') and the file as client — like a professional's action. A refusal is
// audited too and answers 404, so trying other families' ids tells nothing about them.
import type { FastifyRequest } from 'fastify';
import type { AuditObjectType } from '../../../contracts/audit.js';
import { PARENT_ROLE } from '../../../contracts/my-start.js';
import { decideForParent, decideForParentOnChild, type Action, type ParentActor, type ParentChildStanding } from '../../platform/access/policy.js';
import type { RequestOrigin } from '../../platform/access/scoped-store.js';
import { AUDIT_ACTION_OF } from '../../platform/access/scoped-store.js';
import { appendAuditEvent, appendAuditEventAlone, type AuditEvent } from '../../platform/audit/audit-log.js';
import type { Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { originOf, parentOf, type ContextDependencies } from '../../platform/http/request-context.js';
import type { ResourceType } from '../../../contracts/roles.js';
import type { Config } from '../../config.js';

export interface ParentContext {
  db: Executor;
  config: Config;
  parent: ParentActor;
  origin: RequestOrigin;
  now: Date;
}

export function parentContextOf(request: FastifyRequest, deps: ContextDependencies): ParentContext {
  return { db: deps.db, config: deps.config, parent: parentOf(request).actor, origin: originOf(request), now: deps.clock.now() };
}

/** The audit fields of the parent as actor. */
export function parentActorFields(parent: Pick<ParentActor, 'memberId'>, origin: RequestOrigin): Pick<AuditEvent, 'actorId' | 'organisationId' | 'role' | 'sourceIp' | 'userAgent'> {
  return { actorId: parent.memberId, organisationId: null, role: PARENT_ROLE, ...origin };
}

export interface ParentOperation<T> {
  resource: ResourceType;
  action: Action;
  familyId: string;
  objectType: AuditObjectType;
  /** The record acted on; default the family. */
  objectId?: string;
  perform: (tx: Executor) => Promise<T>;
  details?: (result: T) => Record<string, unknown> | null;
  /** Acting on a child: the policy decides by the child's standing (authority, age) instead of the own file. */
  child?: ParentChildStanding;
}

export async function actAsParent<T>(ctx: ParentContext, operation: ParentOperation<T>): Promise<T> {
  const decision = operation.child ? decideForParentOnChild(operation.child) : decideForParent(ctx.parent, operation.resource, operation.action, operation.familyId);
  const objectId = operation.objectId ?? operation.familyId;
  if (!decision.isAllowed) {
    await appendAuditEventAlone(
      ctx.db,
      {
        ...parentActorFields(ctx.parent, ctx.origin),
        action: 'access_denied',
        outcome: 'denied',
        objectType: operation.objectType,
        objectId,
        details: { attempted: operation.action, reason: decision.reason },
      },
      ctx.now,
    );
    throw new AppError('not_found');
  }
  return ctx.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    const result = await operation.perform(tx);
    await appendAuditEvent(
      tx,
      {
        ...parentActorFields(ctx.parent, ctx.origin),
        action: AUDIT_ACTION_OF[operation.action],
        outcome: 'success',
        objectType: operation.objectType,
        objectId,
        clientId: operation.familyId,
        details: operation.details?.(result) ?? null,
      },
      ctx.now,
    );
    return result;
  });
}
