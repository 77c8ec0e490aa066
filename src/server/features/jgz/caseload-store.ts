// SPDX-License-Identifier: EUPL-1.2
// Reading the caseload: one family's entry with its coming contact moments, the tier the latest
// screening suggests, and the working list per nurse.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { SUPPORT_TIERS, type CASELOAD_SORT_FIELDS, type CaseloadEntry, type CaseloadRow, type ContactMoment, type SupportTierCode } from '../../../contracts/care.js';
import { suggestedSupportTier, type FactorProfile } from '../screening/factor-profile.js';
import type { Actor } from '../../platform/access/policy.js';
import { familyVisibleTo } from '../families/care-access.js';
import { orderByOf, type RowWindow } from '../../platform/http/listing.js';
import { clientNameSql } from './care-records.js';

const isTier = (value: unknown): value is SupportTierCode => (SUPPORT_TIERS as readonly unknown[]).includes(value);

/** The tier the family's latest completed screening suggests: its stored tier, else the rule on its profile. */
export async function suggestedTierOf(tx: Executor, familyId: string): Promise<SupportTierCode | null> {
  const [row] = await queryRows<{ support_tier: string | null; profile: unknown }>(tx, sql`
    SELECT support_tier, profile FROM screenings
    WHERE family_id = ${familyId}::uuid AND status = 'completed'
    ORDER BY completed_at DESC NULLS LAST, updated_at DESC LIMIT 1`);
  if (!row) return null;
  if (isTier(row.support_tier)) return row.support_tier;
  const profile = row.profile as FactorProfile | null;
  if (!profile || !Array.isArray(profile.domains) || !profile.accumulation || !profile.professional) return null;
  return suggestedSupportTier(profile);
}

interface EntryRow {
  id: string;
  family_id: string;
  organisation_id: string;
  tier: SupportTierCode;
  suggested_tier: SupportTierCode | null;
  nurse_id: string | null;
  nurse_name: string | null;
  judgement: string | null;
  version: number;
  updated_at: Date | string;
}

export async function findCaseloadEntry(tx: Executor, familyId: string, organisationId: string, today: string): Promise<CaseloadEntry | null> {
  const [row] = await queryRows<EntryRow>(tx, sql`
    SELECT ce.id, ce.family_id, ce.organisation_id, ce.tier, ce.suggested_tier, ce.nurse_id, p.name AS nurse_name, ce.judgement, ce.version, ce.updated_at
    FROM caseload_entries ce LEFT JOIN people p ON p.id = ce.nurse_id
    WHERE ce.family_id = ${familyId}::uuid AND ce.organisation_id = ${organisationId}::uuid`);
  if (!row) return null;
  const upcoming = await queryRows<{ id: string; kind: string; planned_on: string; status: ContactMoment['status'] }>(tx, sql`
    SELECT id, kind, planned_on::text AS planned_on, status FROM contact_moments
    WHERE family_id = ${familyId}::uuid AND organisation_id = ${organisationId}::uuid AND status = 'planned' AND planned_on >= ${today}::date
    ORDER BY planned_on, kind`);
  return {
    id: row.id,
    familyId: row.family_id,
    organisationId: row.organisation_id,
    tier: row.tier,
    suggestedTier: row.suggested_tier,
    nurseId: row.nurse_id,
    nurseName: row.nurse_name,
    judgement: row.judgement,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
    upcoming: upcoming.map((moment) => ({ id: moment.id, kind: moment.kind, plannedOn: moment.planned_on, status: moment.status })),
  };
}

export interface CaseloadFilters {
  nurse: 'me' | 'all';
  tier?: SupportTierCode | undefined;
  sorteer?: string | undefined;
}

/** `sorteer` on the caseload; by default the next contact moment (none last), then the client's name. */
function caseloadOrder(sort: string | undefined): SQL[] {
  const columns: Record<(typeof CASELOAD_SORT_FIELDS)[number], SQL> = {
    nextContactOn: sql`next.planned_on`,
    clientName: sql`client_name`,
    municipalityName: sql`m.name`,
    // By level, not alphabetically.
    tier: sql`array_position(ARRAY[${sql.join(SUPPORT_TIERS.map((tier) => sql`${tier}`), sql`, `)}]::text[], ce.tier::text)`,
    nurseName: sql`p.name`,
  };
  return orderByOf(sort, columns, [sql`next.planned_on NULLS LAST`, sql`client_name`], sql`ce.family_id`);
}

/** The working list of the actor's organisation: only families the actor may see now. */
export async function findCaseload(
  tx: Executor,
  actor: Actor,
  now: Date,
  today: string,
  filters: CaseloadFilters,
  window: RowWindow,
): Promise<{ rows: CaseloadRow[]; total: number }> {
  const conditions: SQL[] = [sql`ce.organisation_id = ${actor.organisationId}::uuid`, familyVisibleTo(sql`ce.family_id`, actor, now)];
  if (filters.nurse === 'me') conditions.push(sql`ce.nurse_id = ${actor.personId}::uuid`);
  if (filters.tier) conditions.push(sql`ce.tier = ${filters.tier}`);
  const where = sql.join(conditions, sql` AND `);
  const rows = await queryRows<{
    family_id: string;
    client_name: string | null;
    municipality_name: string;
    tier: SupportTierCode;
    suggested_tier: SupportTierCode | null;
    nurse_name: string | null;
    next_on: string | null;
    next_kind: string | null;
    total: number;
  }>(tx, sql`
    SELECT ce.family_id, ${clientNameSql(sql`ce.family_id`)} AS client_name, m.name AS municipality_name, ce.tier, ce.suggested_tier,
      p.name AS nurse_name, next.planned_on::text AS next_on, next.kind AS next_kind, count(*) OVER ()::int AS total
    FROM caseload_entries ce
    JOIN families f ON f.id = ce.family_id
    JOIN municipalities m ON m.code = f.municipality_code
    LEFT JOIN people p ON p.id = ce.nurse_id
    LEFT JOIN LATERAL (
      SELECT cm.planned_on, cm.kind FROM contact_moments cm
      WHERE cm.family_id = ce.family_id AND cm.organisation_id = ce.organisation_id AND cm.status = 'planned' AND cm.planned_on >= ${today}::date
      ORDER BY cm.planned_on, cm.kind LIMIT 1
    ) next ON true
    WHERE ${where}
    ORDER BY ${sql.join(caseloadOrder(filters.sorteer), sql`, `)}
    LIMIT ${window.limit} OFFSET ${window.offset}`);
  return {
    total: rows[0]?.total ?? 0,
    rows: rows.map((row) => ({
      familyId: row.family_id,
      clientName: row.client_name ?? '',
      municipalityName: row.municipality_name,
      tier: row.tier,
      suggestedTier: row.suggested_tier,
      nurseName: row.nurse_name,
      nextContactOn: row.next_on,
      nextContactKind: row.next_kind,
    })),
  };
}
