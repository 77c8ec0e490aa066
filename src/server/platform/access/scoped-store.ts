// SPDX-License-Identifier: EUPL-1.2
// The per-request store: the only way a feature reaches protected tables. It asks the policy first,
// runs the work in a transaction, and writes the NEN 7513 audit row in that same transaction.
import type { Executor } from '../db/connection.js';
import { AppError } from '../errors.js';
import type { ErrorCode } from '../../../contracts/errors.js';
import { appendAuditEvent, appendAuditEventAlone, type AuditAction, type AuditActorFields, type AuditObjectType } from '../audit/audit-log.js';
import type { ResourceType } from '../../../contracts/roles.js';
import { PERSONAL_DATA_RESOURCES, decide, scopeFor, type Action, type Actor, type Scope, type Target } from './policy.js';

export interface RequestOrigin {
  sourceIp: string | null;
  userAgent: string | null;
}

export const AUDIT_ACTION_OF: Record<Action, AuditAction> = {
  list: 'search',
  read: 'read',
  create: 'create',
  update: 'update',
  deactivate: 'update',
  change_type: 'update',
  export: 'export',
  approve: 'update',
  reopen: 'update',
};

/**
 * Thrown from `perform` when a finer policy check on this very change fails (a membership in another
 * organisation, a role the actor may not hand out): the transaction rolls back and the denial is
 * audited like any other.
 */
export class PolicyDenied extends Error {
  constructor(
    readonly action: Action,
    readonly reason: string,
    /** The code the refusal is answered with: 'forbidden' unless a more precise one tells the person why. */
    readonly code: Extract<ErrorCode, 'forbidden' | 'merge_requires_care_relationship'> = 'forbidden',
  ) {
    super('policy_denied');
    this.name = 'PolicyDenied';
  }
}

/**
 * Thrown from a `create`'s `perform` when the attempt fails for a reason that must itself be on the record (an
 * emergency access that matches no client, or more than one): the transaction rolls back, the failed
 * attempt is audited (outcome 'failure', naming the clients concerned) and `error` goes to the caller.
 */
export class AttemptFailed extends Error {
  constructor(
    readonly error: AppError,
    readonly failure: string,
    readonly clientIds: readonly string[] = [],
  ) {
    super('attempt_failed');
    this.name = 'AttemptFailed';
  }
}

/** A failed attempt refused before any record was touched (e.g. a request the edge refused). */
export interface FailedAttempt {
  resource: ResourceType;
  action: Action;
  objectType?: AuditObjectType;
  reason?: string | null;
  /** Non-personal: which check failed, which fields were wrong. Never the values. */
  details: Record<string, unknown>;
}

/** A finer policy check inside `perform` (this very record, this very change): refuses with PolicyDenied. */
export function requireAllowed(actor: Actor, resource: ResourceType, action: Action, target: Target): void {
  const decision = decide(actor, resource, action, target);
  if (!decision.isAllowed) throw new PolicyDenied(action, decision.reason);
}

export interface ActOnRecord<T> {
  resource: ResourceType;
  action: Exclude<Action, 'list' | 'create'>;
  objectId: string;
  /** Loads who owns the record; null when it does not exist (→ not_found, also audited). */
  locate: (tx: Executor) => Promise<Target | null>;
  /** Receives the located target too, e.g. to tell the web what else the actor may do with the record. */
  perform: (tx: Executor, target: Target) => Promise<T>;
  clientId?: string | null;
  reason?: string | null;
  /** What the audit row calls the record when it is part of a larger one (e.g. 'home_visit' in a family's file). */
  objectType?: AuditObjectType;
  /** Non-personal facts for the audit row, e.g. which fields changed. Never the values. */
  details?: (result: T) => Record<string, unknown> | null;
  /** Other clients whose data the result holds (e.g. possible duplicates of this client's file). */
  clientIds?: (result: T) => readonly string[];
  /**
   * Other clients' records this same act changed or read (e.g. the duplicate of a merge): each gets an
   * audit row of its own, in the same transaction, so it shows in that client's access log too.
   */
  alsoConcerns?: (result: T) => { objectId: string; clientId: string; details?: Record<string, unknown> | null }[];
}

export interface CreateRecord<T> {
  resource: ResourceType;
  /** The organisations the new record will belong to. */
  target: Target;
  perform: (tx: Executor) => Promise<T & { id: string }>;
  clientId?: (result: T & { id: string }) => string | null;
  objectType?: AuditObjectType;
  /** Why (e.g. the reason given for emergency access); recorded in the audit row. */
  reason?: string | null;
  /** Further records created by this same act (e.g. one emergency access per file of one person): an audit row each. */
  alsoConcerns?: (result: T & { id: string }) => { objectId: string; clientId: string | null }[];
}

/** Resources whose lists return clients' data: a search of them must name every client it returned. */
export type ClientRecordResource = 'family' | 'referral' | 'emergency_access';

interface SearchRecordsBase<T> {
  perform: (tx: Executor, scope: Exclude<Scope, { kind: 'none' }>) => Promise<T>;
  /** Non-personal facts for the audit row, e.g. the number of results. Never the search terms. */
  details?: (result: T) => Record<string, unknown>;
  objectType?: AuditObjectType;
}

/**
 * A list, search or export. For client records `clientIds` is required: the one audit row of the
 * request names every client whose data it returned, so each appears in that client's access log.
 */
export type SearchRecords<T> = SearchRecordsBase<T> &
  (
    | { resource: ClientRecordResource; clientIds: (result: T) => readonly string[] }
    | { resource: Exclude<ResourceType, ClientRecordResource>; clientIds?: (result: T) => readonly string[] }
  );

function withNote(note: Record<string, unknown> | undefined, details: Record<string, unknown> | null): Record<string, unknown> | null {
  return note ? { ...details, ...note } : details;
}

export class ScopedStore {
  constructor(
    private readonly database: Executor,
    readonly actor: Actor,
    private readonly origin: RequestOrigin,
    private readonly now: () => Date,
  ) {}

  private actorFields(role: string | null): AuditActorFields {
    return {
      // A system (API client, ADR 0017): actorId is the client's id and the role says 'system:<role>'.
      actorId: this.actor.personId,
      onBehalfOfId: this.actor.onBehalfOfId ?? null,
      organisationId: this.actor.organisationId,
      role: this.actor.kind === 'system' ? `system:${role ?? ''}` : role,
      ...this.origin,
    };
  }

  /** Audits a refusal (with the client it concerned, when known, so a search by client finds it) and throws `code`. */
  private async deny(
    resource: ResourceType,
    action: Action,
    objectId: string | null,
    reason: string,
    clientId: string | null = null,
    code: ErrorCode = 'forbidden',
  ): Promise<never> {
    await appendAuditEventAlone(
      this.database,
      {
        ...this.actorFields(this.actor.roles.join(',') || null),
        action: 'access_denied',
        outcome: 'denied',
        objectType: resource,
        objectId,
        clientId,
        details: { attempted: action, reason },
      },
      this.now(),
    );
    throw new AppError(code);
  }

  private async refusingOnPolicyDenied<T>(resource: ResourceType, objectId: string | null, work: () => Promise<T>, clientIdOf: () => string | null = () => null): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof PolicyDenied) return this.deny(resource, error.action, objectId, error.reason, clientIdOf(), error.code);
      throw error;
    }
  }

  /** Read, update or deactivate one existing record. */
  async act<T>(operation: ActOnRecord<T>): Promise<T> {
    const outcome = await this.refusingOnPolicyDenied(operation.resource, operation.objectId, () =>
      this.database.transaction(async (transaction) => {
        const tx = transaction as unknown as Executor;
        const target = await operation.locate(tx);
        if (!target) return { kind: 'missing' as const };
        const decision = decide(this.actor, operation.resource, operation.action, target);
        if (!decision.isAllowed) return { kind: 'denied' as const, reason: decision.reason };
        const result = await operation.perform(tx, target);
        const rows: { objectId: string | null; clientId: string | null; clientIds?: readonly string[] | null; details?: Record<string, unknown> | null }[] = [
          {
            objectId: operation.objectId,
            clientId: operation.clientId ?? null,
            clientIds: operation.clientIds?.(result) ?? null,
            details: operation.details?.(result) ?? (operation.action === 'deactivate' ? { change: 'deactivate' } : null),
          },
          ...(operation.alsoConcerns?.(result) ?? []),
        ];
        for (const row of rows) {
          await appendAuditEvent(
            tx,
            {
              ...this.actorFields(decision.role),
              action: AUDIT_ACTION_OF[operation.action],
              outcome: 'success',
              objectType: operation.objectType ?? operation.resource,
              objectId: row.objectId,
              clientId: row.clientId,
              clientIds: row.clientIds ?? null,
              reason: operation.reason ?? null,
              details: withNote(target.auditNote, row.details ?? null),
            },
            this.now(),
          );
        }
        return { kind: 'done' as const, result };
      }),
      // Read when refused: `locate` may have set the client (a referral's family).
      () => operation.clientId ?? null,
    );
    if (outcome.kind === 'missing') throw new AppError('not_found');
    if (outcome.kind === 'denied') return this.deny(operation.resource, operation.action, operation.objectId, outcome.reason, operation.clientId ?? null);
    return outcome.result;
  }

  /** Create a record that will belong to the given organisations. */
  async create<T>(operation: CreateRecord<T>): Promise<T & { id: string }> {
    const decision = decide(this.actor, operation.resource, 'create', operation.target);
    if (!decision.isAllowed) return this.deny(operation.resource, 'create', null, decision.reason);
    return this.refusingOnPolicyDenied(operation.resource, null, () =>
      this.recordingFailure(operation, () => this.database.transaction(async (transaction) => {
        const tx = transaction as unknown as Executor;
        const result = await operation.perform(tx);
        const rows = [{ objectId: result.id, clientId: operation.clientId?.(result) ?? null }, ...(operation.alsoConcerns?.(result) ?? [])];
        for (const row of rows) {
          await appendAuditEvent(
            tx,
            {
              ...this.actorFields(decision.role),
              action: 'create',
              outcome: 'success',
              objectType: operation.objectType ?? operation.resource,
              objectId: row.objectId,
              clientId: row.clientId,
              reason: operation.reason ?? null,
            },
            this.now(),
          );
        }
        return result;
      })),
    );
  }

  /** Runs `work` (a whole transaction); an AttemptFailed from it is audited after the rollback, in a transaction of its own, and its error thrown. */
  private async recordingFailure<T>(operation: { resource: ResourceType; objectType?: AuditObjectType; reason?: string | null }, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof AttemptFailed)) throw error;
      await this.recordFailedAttempt(
        { resource: operation.resource, action: 'create', objectType: operation.objectType, reason: operation.reason ?? null, details: { failure: error.failure } },
        error.clientIds,
      );
      throw error.error;
    }
  }

  /** Audits an attempt that failed (outcome 'failure'), e.g. one the edge refused as invalid. Allowed only where the action is granted at all. */
  async recordFailedAttempt(attempt: FailedAttempt, clientIds: readonly string[] = []): Promise<void> {
    const { scope, role } = scopeFor(this.actor, attempt.resource, attempt.action);
    if (scope.kind === 'none') return this.deny(attempt.resource, attempt.action, null, 'no_grant');
    // Outside any transaction of the attempt: that one rolled back, this record must stay.
    await appendAuditEventAlone(
      this.database,
      {
        ...this.actorFields(role),
        action: AUDIT_ACTION_OF[attempt.action],
        outcome: 'failure',
        objectType: attempt.objectType ?? attempt.resource,
        clientId: clientIds.length === 1 ? clientIds[0]! : null,
        clientIds,
        reason: attempt.reason ?? null,
        details: attempt.details,
      },
      this.now(),
    );
  }

  /** List or search records; the query receives the scope it must filter on. */
  async search<T>(operation: SearchRecords<T>): Promise<T> {
    return this.searchAs('list', operation);
  }

  /** Like search, for taking every matching record out as a file: its own grant, audited as 'export'. */
  async export<T>(operation: SearchRecords<T>): Promise<T> {
    return this.searchAs('export', operation);
  }

  /**
   * Read published aggregates (no personal data): the policy decides, and only a refusal is
   * audited. Refuses personal-data resources outright, so it can never become a way around the log.
   */
  async readAggregates<T>(operation: { resource: ResourceType; action: 'list' | 'read'; perform: (db: Executor) => Promise<T> }): Promise<T> {
    if (PERSONAL_DATA_RESOURCES.includes(operation.resource)) throw new Error(`readAggregates: ${operation.resource} holds personal data`);
    const { scope } = scopeFor(this.actor, operation.resource, operation.action);
    if (scope.kind === 'none') return this.deny(operation.resource, operation.action, null, 'no_grant');
    return operation.perform(this.database);
  }

  private async searchAs<T>(action: 'list' | 'export', operation: SearchRecords<T>): Promise<T> {
    const { scope, role } = scopeFor(this.actor, operation.resource, action);
    if (scope.kind === 'none') return this.deny(operation.resource, action, null, 'no_grant');
    return this.database.transaction(async (transaction) => {
      const tx = transaction as unknown as Executor;
      const result = await operation.perform(tx, scope);
      await appendAuditEvent(
        tx,
        {
          ...this.actorFields(role),
          action: AUDIT_ACTION_OF[action],
          outcome: 'success',
          objectType: operation.objectType ?? operation.resource,
          clientIds: operation.clientIds?.(result) ?? null,
          details: operation.details?.(result) ?? null,
        },
        this.now(),
      );
      return result;
    });
  }
}
