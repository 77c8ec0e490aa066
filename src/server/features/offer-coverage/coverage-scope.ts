// SPDX-License-Identifier: EUPL-1.2
// What every table of the coverage overview shares: the scope (a coalition's current members, or every
// municipality of the country) as the policy sees it, and the audited read or export on it.
import { asc } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import type { Target } from '../../platform/access/policy.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { coalitionTarget, findCoalitionRef } from '../coalitions/coalition-target.js';
import { municipalities } from '../reference/schema.js';

export interface CoverageScope {
  kind: 'coalition' | 'national';
  code: string | null;
  name: string | null;
  municipalities: { code: string; name: string; population: number }[];
}

/** The national scope has no coalition: only an 'any' reach (analyst, platform admin) takes it. */
const NATIONAL_TARGET: Target = { organisationIds: [] };

async function locateScope(tx: Executor, coalitionCode: string | undefined, into: { scope?: CoverageScope }): Promise<Target | null> {
  const all = await tx
    .select({ code: municipalities.code, name: municipalities.name, population: municipalities.population })
    .from(municipalities)
    .orderBy(asc(municipalities.name));
  if (!coalitionCode) {
    into.scope = { kind: 'national', code: null, name: null, municipalities: all };
    return NATIONAL_TARGET;
  }
  const ref = await findCoalitionRef(tx, coalitionCode);
  if (!ref) return null;
  const members = new Set(ref.municipalityCodes);
  into.scope = { kind: 'coalition', code: ref.code, name: ref.name, municipalities: all.filter((municipality) => members.has(municipality.code)) };
  return coalitionTarget(ref);
}

/** One audited read (JSON) or export (CSV) of a coverage table for a coalition or the country. */
export async function onCoverageScope<T>(
  ctx: RequestContext,
  coalitionCode: string | undefined,
  action: 'read' | 'export',
  table: string,
  perform: (tx: Executor, scope: CoverageScope) => Promise<T>,
): Promise<T> {
  const located: { scope?: CoverageScope } = {};
  return ctx.store.act({
    resource: 'offer_coverage',
    action,
    objectId: coalitionCode ?? 'NL',
    locate: (tx) => locateScope(tx, coalitionCode, located),
    perform: (tx) => perform(tx, located.scope!),
    details: () => ({ table, municipalities: located.scope!.municipalities.length }),
  });
}

export function scopeOf(scope: CoverageScope): { kind: 'coalition' | 'national'; code: string | null; name: string | null } {
  return { kind: scope.kind, code: scope.code, name: scope.name };
}
