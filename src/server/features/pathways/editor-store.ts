// SPDX-License-Identifier: EUPL-1.2
// What the pathway editor's use-cases share: where a pathway belongs (its scope and the coalition whose
// coordinators keep it — the access policy's target), its versions as the API shows them, and the lock
// that makes two editors of one scope take turns.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { decide, type Actor, type Target } from '../../platform/access/policy.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import type { PathwayStatus, PathwayVersion } from '../../../contracts/pathways.js';
import { FACTOR_CATALOGUE } from '../../../contracts/screening/factor-catalogue.js';
import { findCoalitionRef, type CoalitionRef } from '../coalitions/coalition-target.js';
import { people } from '../organisations/schema.js';
import { municipalities } from '../reference/schema.js';
import { carePathways } from './schema.js';
import { coalitionOfMunicipality } from './store.js';
import type { Pathway } from './domain/pathway.js';
import { transition, type Transition, type VersionAction } from './domain/pathway-version.js';

export type EditorContext = RequestContext & { db: Executor };

export interface PathwayScopeRef {
  kind: 'municipality' | 'coalition';
  code: string;
  name: string;
  /** The coalition whose coordinators keep this pathway: the coalition itself, or the municipality's local coalition. */
  coalition: CoalitionRef | null;
  target: Target;
}

/** The scope of a GM or KS code with its policy target; null when no such municipality or coalition exists. */
export async function findPathwayScope(db: Executor, code: string): Promise<PathwayScopeRef | null> {
  if (code.startsWith('KS')) {
    const coalition = await findCoalitionRef(db, code);
    if (!coalition) return null;
    return {
      kind: 'coalition',
      code,
      name: coalition.name,
      coalition,
      target: { organisationIds: [], coalitionIds: [coalition.id], municipalityCodes: coalition.municipalityCodes },
    };
  }
  const [municipality] = await db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.code, code));
  if (!municipality) return null;
  const local = await coalitionOfMunicipality(db, code);
  const coalition = local ? await findCoalitionRef(db, local.code) : null;
  return {
    kind: 'municipality',
    code,
    name: municipality.name,
    coalition,
    target: { organisationIds: [], coalitionIds: coalition ? [coalition.id] : [], municipalityCodes: [code] },
  };
}

export async function requirePathwayScope(db: Executor, code: string): Promise<PathwayScopeRef> {
  const scope = await findPathwayScope(db, code);
  if (!scope) throw new AppError('not_found');
  return scope;
}

/** Two editors of one municipality or coalition take turns (also for a pathway that has no row yet). */
export async function lockScope(tx: Executor, scope: PathwayScopeRef): Promise<void> {
  if (scope.kind === 'coalition') await queryRows(tx, sql`SELECT id FROM coalitions WHERE code = ${scope.code} FOR UPDATE`);
  else await queryRows(tx, sql`SELECT code FROM municipalities WHERE code = ${scope.code} FOR UPDATE`);
}

/** May this person see drafts of (and edit) pathways of this scope? */
export function mayEdit(actor: Actor, scope: PathwayScopeRef): boolean {
  return decide(actor, 'care_pathway', 'update', scope.target).isAllowed;
}

export type VersionRow = typeof carePathways.$inferSelect & { updatedByName: string | null };

const ofPathway = (scope: PathwayScopeRef, factorKey: string) =>
  and(eq(carePathways.scopeKind, scope.kind), eq(carePathways.scopeCode, scope.code), eq(carePathways.factorKey, factorKey));

/** Every version of one pathway, newest first. */
export async function versionRows(db: Executor, scope: PathwayScopeRef, factorKey: string): Promise<VersionRow[]> {
  const rows = await db
    .select({ row: carePathways, updatedByName: people.name })
    .from(carePathways)
    .leftJoin(people, eq(people.id, carePathways.updatedBy))
    .where(ofPathway(scope, factorKey))
    .orderBy(desc(carePathways.version));
  return rows.map(({ row, updatedByName }) => ({ ...row, updatedByName }));
}

/** The versions of every pathway of these scopes, for the register (by scope, factor, newest first). */
export async function registerRows(db: Executor, scopes: readonly PathwayScopeRef[]) {
  const rows = await db
    .select({
      scopeKind: carePathways.scopeKind,
      scopeCode: carePathways.scopeCode,
      factorKey: carePathways.factorKey,
      version: carePathways.version,
      status: carePathways.status,
      content: carePathways.content,
      reviewDue: carePathways.reviewDue,
      updatedAt: carePathways.updatedAt,
    })
    .from(carePathways)
    .where(sql`(${carePathways.scopeKind}, ${carePathways.scopeCode}) IN (${sql.join(
      scopes.map((scope) => sql`(${scope.kind}, ${scope.code})`),
      sql`, `,
    )})`)
    .orderBy(asc(carePathways.scopeKind), asc(carePathways.scopeCode), asc(carePathways.factorKey), desc(carePathways.version));
  return rows;
}

export function factorLabelOf(factorKey: string): string {
  return FACTOR_CATALOGUE.get(factorKey)?.riskLabel ?? factorKey;
}

/** The stored content (pathwaySchema's shape, perhaps still incomplete as a draft). */
export type StoredContent = Partial<Pathway> & { title: string; localAgreements: string; steps: Pathway['steps'] };

export function toVersion(row: VersionRow): PathwayVersion {
  const content = row.content as StoredContent;
  return {
    id: row.id,
    version: row.version,
    status: row.status as PathwayStatus,
    title: content.title ?? '',
    localAgreements: content.localAgreements ?? '',
    agreementIds: content.agreementIds ?? [],
    steps: content.steps ?? [],
    reviewDue: row.reviewDue,
    ownerCode: row.ownerCode,
    updatedByName: row.updatedByName,
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    replacedByVersion: row.replacedByVersion,
  };
}

export function findVersion(rows: readonly VersionRow[], version: number): VersionRow {
  const row = rows.find((candidate) => candidate.version === version);
  if (!row) throw new AppError('not_found');
  return row;
}

/** A version, located and locked, and what the state machine says the action does to it. */
export interface VersionInHand {
  scope: PathwayScopeRef;
  rows: VersionRow[];
  current: VersionRow;
  step: Exclude<Transition, { kind: 'refused' }>;
}

/**
 * One audited change of one version (save, publish, withdraw): the policy decides on the pathway's
 * scope, the scope is locked so two editors take turns, the version is found and the state machine
 * (domain/pathway-version.ts) refuses what may not happen — before `perform` does the rest.
 */
export async function changeVersion<T>(
  ctx: EditorContext,
  pathway: { scopeCode: string; factorKey: string; version: number },
  operation: {
    action: 'update' | 'approve' | 'deactivate';
    move: VersionAction;
    perform(tx: Executor, found: VersionInHand): Promise<T>;
    details(result: T): Record<string, unknown>;
  },
): Promise<T> {
  const located: { scope?: PathwayScopeRef } = {};
  return ctx.store.act({
    resource: 'care_pathway',
    action: operation.action,
    objectId: `${pathway.scopeCode}/${pathway.factorKey}/${pathway.version}`,
    locate: async (tx) => {
      located.scope = (await findPathwayScope(tx, pathway.scopeCode)) ?? undefined;
      return located.scope?.target ?? null;
    },
    perform: async (tx) => {
      const scope = located.scope!;
      await lockScope(tx, scope);
      const rows = await versionRows(tx, scope, pathway.factorKey);
      const current = findVersion(rows, pathway.version);
      const step = transition(current.status as PathwayStatus, operation.move);
      if (step.kind === 'refused') throw new AppError(step.code);
      return operation.perform(tx, { scope, rows, current, step });
    },
    details: operation.details,
  });
}
