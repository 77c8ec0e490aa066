// SPDX-License-Identifier: EUPL-1.2
// Queries of a coalition's partners, and the coalition as the policy sees it (by its public code).
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Partner, PartnerDomain, PartnerLevel } from '../../../contracts/coalition-partners.js';
import type { Executor } from '../../platform/db/connection.js';
import { allowedActions, type Actor, type Target } from '../../platform/access/policy.js';
import { AppError } from '../../platform/errors.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { coalitionTarget, findCoalitionRef, type CoalitionRef } from '../coalitions/coalition-target.js';
import { organisations } from '../organisations/schema.js';
import { coalitionPartners } from './schema.js';

export type UseCaseContext = Pick<RequestContext, 'store' | 'now'>;

/** The coalition with this code and its policy target; `found` is filled in by `locate`. */
export interface LocatedCoalition {
  ref: CoalitionRef;
  target: Target;
}

/** For `locate`: the coalition as the policy sees it, or null (→ not_found). */
export async function locateCoalition(tx: Executor, code: string, into: { found?: LocatedCoalition }): Promise<Target | null> {
  const ref = await findCoalitionRef(tx, code);
  if (!ref) return null;
  into.found = { ref, target: coalitionTarget(ref) };
  return into.found.target;
}

/**
 * Adds a row of a coalition's workspace (a partner, an agreement) at most once: one audited 'update' on
 * the coalition (its coordinators), the new row's id as the audit object; when `findExisting` finds
 * the same row (a repeated submit), that one is returned and nothing is written.
 */
export async function createOnceInCoalition<Item extends { id: string }>(
  ctx: UseCaseContext,
  code: string,
  objectType: 'coalition_partner' | 'coalition_agreement' | 'local_offer',
  steps: {
    findExisting(tx: Executor, coalitionId: string): Promise<string | undefined>;
    insert(tx: Executor, coalitionId: string, id: string): Promise<void>;
    load(tx: Executor, coalitionId: string, id: string, target: Target): Promise<Item>;
    details(item: Item, isNew: boolean): Record<string, unknown>;
  },
): Promise<{ item: Item; isNew: boolean }> {
  const located: { found?: LocatedCoalition } = {};
  const newId = randomUUID();
  return ctx.store.act({
    resource: 'coalition',
    action: 'update',
    objectId: newId,
    objectType,
    locate: (tx) => locateCoalition(tx, code, located),
    perform: async (tx, target) => {
      const coalitionId = located.found!.ref.id;
      const existing = await steps.findExisting(tx, coalitionId);
      if (!existing) await steps.insert(tx, coalitionId, newId);
      return { item: await steps.load(tx, coalitionId, existing ?? newId, target), isNew: !existing };
    },
    details: (result) => ({ change: result.isNew ? 'create' : 'repeated', ...steps.details(result.item, result.isNew) }),
  });
}


const partnerColumns = {
  id: coalitionPartners.id,
  coalitionId: coalitionPartners.coalitionId,
  organisationId: coalitionPartners.organisationId,
  organisationName: organisations.name,
  externalName: coalitionPartners.externalName,
  domain: coalitionPartners.domain,
  level: coalitionPartners.level,
  role: coalitionPartners.role,
  since: coalitionPartners.since,
  until: coalitionPartners.until,
  isWanted: coalitionPartners.isWanted,
  contactName: coalitionPartners.contactName,
  contactEmail: coalitionPartners.contactEmail,
};

export interface PartnerRow {
  id: string;
  coalitionId: string;
  organisationId: string | null;
  organisationName: string | null;
  externalName: string | null;
  domain: PartnerDomain;
  level: PartnerLevel;
  role: string | null;
  since: string | null;
  until: string | null;
  isWanted: boolean;
  contactName: string | null;
  contactEmail: string | null;
}

export async function findPartners(tx: Executor, coalitionId: string): Promise<PartnerRow[]> {
  return tx
    .select(partnerColumns)
    .from(coalitionPartners)
    .leftJoin(organisations, eq(organisations.id, coalitionPartners.organisationId))
    .where(eq(coalitionPartners.coalitionId, coalitionId))
    .orderBy(asc(coalitionPartners.domain), sql`lower(coalesce(${organisations.name}, ${coalitionPartners.externalName}))`, asc(coalitionPartners.id));
}

export async function findPartner(tx: Executor, coalitionId: string, id: string): Promise<PartnerRow | null> {
  const [row] = await tx
    .select(partnerColumns)
    .from(coalitionPartners)
    .leftJoin(organisations, eq(organisations.id, coalitionPartners.organisationId))
    .where(and(eq(coalitionPartners.coalitionId, coalitionId), eq(coalitionPartners.id, id)));
  return row ?? null;
}

export function partnerName(row: Pick<PartnerRow, 'organisationName' | 'externalName'>): string {
  return row.organisationName ?? row.externalName ?? '';
}

export function toPartner(row: PartnerRow, actor: Actor, target: Target, today: string): Partner {
  const { coalitionId: _coalitionId, ...rest } = row;
  return {
    ...rest,
    name: partnerName(row),
    isCurrent: !row.isWanted && (row.until === null || row.until >= today) && (row.since === null || row.since <= today),
    allowedActions: allowedActions(actor, { update: [{ resource: 'coalition', action: 'update', target }] }),
  };
}

/** The organisation must exist in the directory; a field error otherwise. */
export async function checkOrganisation(tx: Executor, organisationId: string | null): Promise<void> {
  if (organisationId === null) return;
  const [row] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId));
  if (!row) throw new AppError('validation_failed', { errors: [{ path: 'organisationId', message: nl.coalitionPartners.unknownOrganisation }] });
}
