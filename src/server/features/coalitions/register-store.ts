// SPDX-License-Identifier: EUPL-1.2
// Queries of the coalition register's use-cases. Only called from inside a ScopedStore operation,
// with the transaction (and, for lists, the scope) the store hands out.
import { and, eq, ilike, inArray, isNull, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';
import { allowedActions, type Action, type Actor, type Target } from '../../platform/access/policy.js';
import type { AuditObjectType } from '../../platform/audit/audit-log.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { containsPattern, orderByOf, type RowWindow } from '../../platform/http/listing.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type {
  Coalition,
  CoalitionKind,
  CoalitionListItem,
  COALITION_SORT_FIELDS,
  CoalitionQuery,
  MunicipalityStatus,
} from '../../../contracts/coalitions.js';
import { municipalities } from '../reference/schema.js';
import { coalitionMunicipalities, coalitions, municipalityCoalitionStatuses } from './schema.js';
import { coalitionTarget, findCoalitionRef, type CoalitionRef } from './coalition-target.js';
import { checkMembership, type MembershipPeriod } from './membership-rule.js';

/** What a use-case of this feature receives from the route. */
export type UseCaseContext = Pick<RequestContext, 'store' | 'now'>;
export type CoalitionFilters = Omit<CoalitionQuery, 'page' | 'pageSize'>;

const text = nl.coalitions;

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}


/** The year a status is shown for unless one is asked: the current calendar year. */
export function currentYearOf(ctx: Pick<UseCaseContext, 'now'>): number {
  return Number(amsterdamDate(ctx.now()).slice(0, 4));
}

/** Loads the coalition for the policy (404 when the code is unknown): its id and current members. */
export async function locateCoalition(tx: Executor, code: string, found: { ref?: CoalitionRef }) {
  const ref = await findCoalitionRef(tx, code);
  if (!ref) return null;
  found.ref = ref;
  return coalitionTarget(ref);
}

// -------------------------------------------------------------------------------------------- list

// Written out with table names: in a select from one table Drizzle leaves columns unqualified.
const currentMembers = sql<{ code: string; name: string; province: string }[]>`coalesce((
  SELECT json_agg(json_build_object('code', m.code, 'name', m.name, 'province', p.name) ORDER BY m.code)
  FROM coalition_municipalities cm
  JOIN municipalities m ON m.code = cm.municipality_code
  JOIN provinces p ON p.code = m.province_code
  WHERE cm.coalition_id = "coalitions"."id" AND cm.until IS NULL
), '[]'::json)`;

const listColumns = {
  id: coalitions.id,
  code: coalitions.code,
  name: coalitions.name,
  kind: coalitions.kind,
  startDate: coalitions.startDate,
  impulseTranche: coalitions.impulseTranche,
  mandateHolderCode: coalitions.mandateHolderCode,
  isActive: coalitions.isActive,
  members: currentMembers,
};

interface ListRow {
  id: string;
  code: string;
  name: string;
  kind: CoalitionKind;
  startDate: string | null;
  impulseTranche: number | null;
  mandateHolderCode: string | null;
  isActive: boolean;
  members: { code: string; name: string; province: string }[] | string;
}

export function toListItem(row: ListRow): CoalitionListItem {
  const members: { code: string; name: string; province: string }[] = typeof row.members === 'string' ? JSON.parse(row.members) : row.members;
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    startDate: row.startDate,
    impulseTranche: row.impulseTranche,
    mandateHolderCode: row.mandateHolderCode,
    isActive: row.isActive,
    municipalityCodes: members.map((member) => member.code),
    municipalityNames: members.map((member) => member.name),
    provinceNames: [...new Set(members.map((member) => member.province))].sort((a, b) => a.localeCompare(b, 'nl')),
  };
}

function listConditions(filters: CoalitionFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.kind) conditions.push(eq(coalitions.kind, filters.kind));
  if (filters.status === 'active' || filters.status === undefined) conditions.push(eq(coalitions.isActive, true));
  if (filters.status === 'inactive') conditions.push(eq(coalitions.isActive, false));
  if (filters.q) {
    const pattern = containsPattern(filters.q);
    conditions.push(or(ilike(coalitions.name, pattern), ilike(coalitions.code, pattern))!);
  }
  if (filters.provinceCode) {
    conditions.push(sql`EXISTS (SELECT 1 FROM coalition_municipalities cm JOIN municipalities m ON m.code = cm.municipality_code
      WHERE cm.coalition_id = "coalitions"."id" AND cm.until IS NULL AND m.province_code = ${filters.provinceCode})`);
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** `sorteer` on the register; by default the code (unique, so also the tie-breaker). */
function coalitionOrder(sort: string | undefined): SQL[] {
  const columns: Record<(typeof COALITION_SORT_FIELDS)[number], SQLWrapper> = {
    code: coalitions.code,
    name: coalitions.name,
    kind: coalitions.kind,
    startDate: coalitions.startDate,
    impulseTranche: coalitions.impulseTranche,
  };
  return orderByOf(sort, columns, [], coalitions.code);
}

export async function findCoalitions(tx: Executor, filters: CoalitionFilters, window: RowWindow): Promise<{ rows: CoalitionListItem[]; total: number }> {
  const where = listConditions(filters);
  const [counted] = await tx.select({ total: sql<number>`count(*)::int` }).from(coalitions).where(where);
  const rows = await tx
    .select(listColumns)
    .from(coalitions)
    .where(where)
    .orderBy(...coalitionOrder(filters.sorteer))
    .limit(window.limit)
    .offset(window.offset);
  return { rows: rows.map((row) => toListItem(row as ListRow)), total: counted?.total ?? 0 };
}

// ------------------------------------------------------------------------------------------ detail

/** A json column: parsed by both drivers, but a string if a driver ever leaves it as text. */
function fromJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

type Member = Coalition['members'][number];
type Coordinator = Coalition['coordinators'][number];
type SteeringMember = Coalition['steeringGroup'][number];
type Funding = Coalition['funding'][number];

/**
 * The coalition page: details, members now and before, coordinators, steering group, funding and
 * statuses of `year` — one query (json subqueries per part, each on its own index) instead of one per
 * part: on the page's hot path every round trip counts more than the work in it.
 */
export async function loadCoalition(
  tx: Executor,
  id: string,
  options: { year: number; today: string; actor: Actor; target: Target },
): Promise<Coalition> {
  const { year, today, actor, target } = options;
  const [row] = await tx
    .select({
      ...listColumns,
      mandateHolderName: sql<string | null>`(SELECT m.name FROM municipalities m WHERE m.code = "coalitions"."mandate_holder_code")`,
      history: sql<Omit<Member, 'isCurrent'>[] | string>`coalesce((
        SELECT json_agg(json_build_object('municipalityCode', cm.municipality_code, 'municipalityName', m.name, 'since', cm.since, 'until', cm.until)
          ORDER BY cm.until IS NOT NULL, m.name, cm.since DESC)
        FROM coalition_municipalities cm JOIN municipalities m ON m.code = cm.municipality_code
        WHERE cm.coalition_id = "coalitions"."id"
      ), '[]'::json)`,
      coordinators: sql<Omit<Coordinator, 'isCurrent'>[] | string>`coalesce((
        SELECT json_agg(json_build_object('personId', cc.person_id, 'name', p.name, 'role', cc.role, 'since', cc.since, 'until', cc.until,
          'organisationNames', coalesce((SELECT array_agg(o.name ORDER BY o.name) FROM memberships ms JOIN organisations o ON o.id = ms.organisation_id
            WHERE ms.person_id = p.id AND 'coalition_coordinator' = ANY(ms.roles)), '{}'::text[]))
          ORDER BY cc.role, p.name)
        FROM coalition_coordinators cc JOIN people p ON p.id = cc.person_id
        WHERE cc.coalition_id = "coalitions"."id"
      ), '[]'::json)`,
      steeringGroup: sql<SteeringMember[] | string>`coalesce((
        SELECT json_agg(json_build_object('id', sm.id, 'name', sm.name, 'organisation', sm.organisation, 'function', sm.function)
          ORDER BY sm.created_at, sm.name, sm.id)
        FROM coalition_steering_members sm WHERE sm.coalition_id = "coalitions"."id"
      ), '[]'::json)`,
      funding: sql<Funding[] | string>`coalesce((
        SELECT json_agg(json_build_object('id', f.id, 'source', f.source, 'periodStart', f.period_start, 'periodEnd', f.period_end,
          'amountCents', f.amount_cents, 'mandateHolderCode', f.mandate_holder_code, 'mandateHolderName', m.name)
          ORDER BY f.period_start, f.source, f.id)
        FROM coalition_funding f LEFT JOIN municipalities m ON m.code = f.mandate_holder_code
        WHERE f.coalition_id = "coalitions"."id"
      ), '[]'::json)`,
      statusRows: sql<{ municipalityCode: string; status: MunicipalityStatus; source: Coalition['statuses'][number]['source'] }[] | string>`coalesce((
        SELECT json_agg(json_build_object('municipalityCode', s.municipality_code, 'status', s.status, 'source', s.source))
        FROM municipality_coalition_statuses s JOIN coalition_municipalities cm ON cm.municipality_code = s.municipality_code
        WHERE cm.coalition_id = "coalitions"."id" AND cm.until IS NULL AND s.year = ${year}
      ), '[]'::json)`,
    })
    .from(coalitions)
    .where(eq(coalitions.id, id));
  const item = toListItem(row as ListRow);
  const members = fromJson(row!.history);
  const coordinatorRows = fromJson(row!.coordinators);
  const steeringGroup = fromJson(row!.steeringGroup);
  const funding = fromJson(row!.funding);
  const statusRows = fromJson(row!.statusRows);
  const holder = { name: row!.mandateHolderName };
  const statusOf = new Map(statusRows.map((status) => [status.municipalityCode, status]));
  return {
    ...item,
    mandateHolderName: holder?.name ?? null,
    members: members.map((member) => ({ ...member, isCurrent: member.until === null })),
    coordinators: coordinatorRows.map((coordinator) => ({
      ...coordinator,
      organisationNames: coordinator.organisationNames,
      isCurrent: coordinator.since <= today && (coordinator.until === null || coordinator.until >= today),
    })),
    steeringGroup,
    funding: funding.map((row) => ({ ...row, amountCents: Number(row.amountCents) })),
    statusYear: year,
    statuses: item.municipalityCodes.map((code, index) => ({
      municipalityCode: code,
      municipalityName: item.municipalityNames[index]!,
      year,
      status: statusOf.get(code)?.status ?? 'not_answered',
      source: statusOf.get(code)?.source ?? null,
    })),
    allowedActions: allowedActions(actor, {
      update: [{ resource: 'coalition', action: 'update', target }],
      deactivate: [{ resource: 'coalition', action: 'deactivate', target }],
    }),
  };
}

// ------------------------------------------------------------------------------------- memberships

/** Every membership (any coalition, any kind, any time) of these municipalities. */
export async function membershipsOf(tx: Executor, codes: readonly string[]): Promise<Map<string, MembershipPeriod[]>> {
  const byCode = new Map<string, MembershipPeriod[]>(codes.map((code) => [code, []]));
  if (codes.length === 0) return byCode;
  // Lock the rows of these municipalities: two concurrent additions cannot both pass the check.
  await tx.execute(sql`SELECT 1 FROM ${municipalities} WHERE ${inArray(municipalities.code, [...codes])} FOR UPDATE`);
  const rows = await tx
    .select({
      municipalityCode: coalitionMunicipalities.municipalityCode,
      coalitionId: coalitions.id,
      coalitionCode: coalitions.code,
      coalitionName: coalitions.name,
      kind: coalitions.kind,
      since: coalitionMunicipalities.since,
      until: coalitionMunicipalities.until,
    })
    .from(coalitionMunicipalities)
    .innerJoin(coalitions, eq(coalitions.id, coalitionMunicipalities.coalitionId))
    .where(inArray(coalitionMunicipalities.municipalityCode, [...codes]));
  for (const { municipalityCode, ...period } of rows) byCode.get(municipalityCode)?.push(period);
  return byCode;
}

/** The names of these municipalities; refuses unknown codes with a Dutch message per code. */
export async function municipalityNames(tx: Executor, codes: readonly string[], path: (index: number) => string): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const found = await tx.select({ code: municipalities.code, name: municipalities.name }).from(municipalities).where(inArray(municipalities.code, unique));
  const names = new Map(found.map((row) => [row.code, row.name]));
  const errors = codes.flatMap((code, index) => (names.has(code) ? [] : [{ path: path(index), message: fill(text.unknownMunicipality, { code }) }]));
  if (errors.length > 0) throw new AppError('validation_failed', { errors });
  return names;
}

export function overlapMessage(municipality: { code: string; name: string }, other: MembershipPeriod): string {
  return fill(text.overlapMessage, {
    municipality: municipality.name,
    code: municipality.code,
    since: other.since,
    until: other.until === null ? text.overlapUntilOpen : fill(text.overlapUntil, { until: other.until }),
    kind: nl.coalitionKindsLower[other.kind],
    coalition: other.coalitionName,
    coalitionCode: other.coalitionCode,
  });
}

/**
 * Adds memberships of one coalition, checked against the rule (seed 003) all at once: any conflict
 * refuses the whole change (the caller's transaction rolls back). Returns the codes actually added
 * (a membership already recorded exactly so is left as it is).
 */
export async function addMemberships(
  tx: Executor,
  coalition: { id: string; code: string; name: string; kind: CoalitionKind },
  additions: readonly { municipalityCode: string; since: string; until: string | null }[],
  pathOf: (index: number) => string,
): Promise<string[]> {
  const names = await municipalityNames(tx, additions.map((addition) => addition.municipalityCode), pathOf);
  const existing = await membershipsOf(tx, [...names.keys()]);
  const errors: { path: string; message: string }[] = [];
  const added: string[] = [];
  let overlap = false;
  additions.forEach((addition, index) => {
    const periods = existing.get(addition.municipalityCode)!;
    const candidate: MembershipPeriod = { coalitionId: coalition.id, coalitionCode: coalition.code, coalitionName: coalition.name, kind: coalition.kind, since: addition.since, until: addition.until };
    const check = checkMembership(periods, candidate);
    if (check.kind === 'end_before_start') errors.push({ path: pathOf(index), message: fill(text.endBeforeStart, { since: addition.since, until: addition.until ?? '' }) });
    if (check.kind === 'overlap') {
      overlap = true;
      errors.push({ path: pathOf(index), message: overlapMessage({ code: addition.municipalityCode, name: names.get(addition.municipalityCode)! }, check.other) });
    }
    if (check.kind === 'ok') {
      periods.push(candidate);
      added.push(addition.municipalityCode);
    }
  });
  if (errors.length > 0) {
    throw new AppError(overlap ? 'membership_overlap' : 'validation_failed', { errors, message: errors.length === 1 ? errors[0]!.message : undefined });
  }
  if (added.length > 0) {
    await tx.insert(coalitionMunicipalities).values(
      additions
        .filter((addition) => added.includes(addition.municipalityCode))
        .map((addition) => ({ coalitionId: coalition.id, kind: coalition.kind, municipalityCode: addition.municipalityCode, since: addition.since, until: addition.until })),
    );
  }
  return added;
}

/** The current membership of a municipality in this coalition, or null. */
export async function currentMembership(tx: Executor, coalitionId: string, municipalityCode: string) {
  const [row] = await tx
    .select({ since: coalitionMunicipalities.since, until: coalitionMunicipalities.until })
    .from(coalitionMunicipalities)
    .where(and(eq(coalitionMunicipalities.coalitionId, coalitionId), eq(coalitionMunicipalities.municipalityCode, municipalityCode), isNull(coalitionMunicipalities.until)));
  return row ?? null;
}

/** The register's statuses of municipalities in a year: a questionnaire's answer is never overwritten. */
export async function setRegisterStatuses(
  tx: Executor,
  codes: readonly string[],
  year: number,
  status: MunicipalityStatus,
  recordedBy: string | null,
  now: Date,
): Promise<{ set: string[]; kept: string[] }> {
  if (codes.length === 0) return { set: [], kept: [] };
  const answered = await tx
    .select({ code: municipalityCoalitionStatuses.municipalityCode })
    .from(municipalityCoalitionStatuses)
    .where(and(inArray(municipalityCoalitionStatuses.municipalityCode, [...codes]), eq(municipalityCoalitionStatuses.year, year), eq(municipalityCoalitionStatuses.source, 'questionnaire')));
  const kept = new Set(answered.map((row) => row.code));
  const set = codes.filter((code) => !kept.has(code));
  if (set.length > 0) {
    await tx
      .insert(municipalityCoalitionStatuses)
      .values(set.map((municipalityCode) => ({ municipalityCode, year, status, source: 'register' as const, recordedAt: now, recordedBy })))
      .onConflictDoUpdate({
        target: [municipalityCoalitionStatuses.municipalityCode, municipalityCoalitionStatuses.year],
        set: { status, source: 'register', recordedAt: now, recordedBy },
        setWhere: sql`${municipalityCoalitionStatuses.source} <> 'questionnaire'`,
      });
  }
  return { set, kept: [...kept] };
}

/** The next free public code: KS and four digits. */
export async function nextCoalitionCode(tx: Executor): Promise<string> {
  // One founding at a time: the code is the highest one plus one.
  await tx.execute(sql`LOCK TABLE ${coalitions} IN SHARE ROW EXCLUSIVE MODE`);
  const [row] = await tx.select({ highest: sql<string | null>`max(${coalitions.code})` }).from(coalitions).where(sql`${coalitions.code} ~ '^KS[0-9]{4}$'`);
  const next = row?.highest ? Number(row.highest.slice(2)) + 1 : 1;
  if (next > 9999) throw new AppError('conflict');
  return `KS${String(next).padStart(4, '0')}`;
}

/**
 * One change of one coalition, through the policy (update unless said otherwise): an unknown code is
 * 404, another coalition's coordinator 403 (audited), and the change and its audit row are one transaction.
 */
export async function changeCoalition<T>(
  ctx: UseCaseContext,
  code: string,
  change: string,
  perform: (tx: Executor, coalition: CoalitionRef) => Promise<T>,
  options: { action?: Exclude<Action, 'list' | 'create' | 'read' | 'export'>; details?: (result: T) => Record<string, unknown> } = {},
): Promise<T> {
  const found: { ref?: CoalitionRef } = {};
  return ctx.store.act({
    resource: 'coalition',
    action: options.action ?? 'update',
    objectId: code,
    objectType: 'coalition' satisfies AuditObjectType,
    locate: (tx) => locateCoalition(tx, code, found),
    perform: (tx) => perform(tx, found.ref!),
    // Which part changed, never the values.
    details: (result) => ({ change, ...options.details?.(result) }),
  });
}
