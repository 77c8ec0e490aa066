// SPDX-License-Identifier: EUPL-1.2
// Queries on families. Only called from inside a ScopedStore operation (actOnFamily, search),
// with the transaction it hands out.
import { and, asc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import { allowedActions, type Actor, type Target } from '../../platform/access/policy.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import type { FAMILY_SORT_FIELDS, Family, FamilySummary } from '../../../contracts/families.js';
import { municipalities } from '../reference/schema.js';
import { organisations } from '../organisations/schema.js';
import { emergencyAccesses, families, familyMembers, pregnancies } from './schema.js';
import { activeCareRelationships, careRelationshipTarget, familyVisibleTo, locateFamily } from './care-access.js';
import { findActiveClosures } from './child-closure-store.js';
import { findDuplicateCandidates, normaliseBsn, normaliseName, type DuplicateReason } from './domain/bsn.js';
import { familyNameKey, nameSearchWords } from './domain/name-search.js';
import { formatGestationalAge, gestationalAge } from './domain/pregnancy.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { orderByOf, type RowWindow } from '../../platform/http/listing.js';

export type UseCaseContext = Pick<RequestContext, 'store' | 'now'>;

export function searchNameOf(givenName: string, familyName: string): string {
  return normaliseName(`${givenName} ${familyName}`);
}

/** The search columns of a family member's name. */
export function nameKeysOf(givenName: string, familyName: string): { searchName: string; familyNameKey: string } {
  return { searchName: searchNameOf(givenName, familyName), familyNameKey: familyNameKey(familyName) };
}

/** Adds the partner to the family (at registration, or replacing the partner on an update). */
export async function insertPartner(
  tx: Executor,
  familyId: string,
  partner: { givenName: string; familyName: string; birthDate?: string | undefined },
): Promise<void> {
  await tx.insert(familyMembers).values({
    familyId,
    role: 'partner',
    givenName: partner.givenName,
    familyName: partner.familyName,
    ...nameKeysOf(partner.givenName, partner.familyName),
    birthDate: partner.birthDate ?? null,
  });
}

/** The whole family file as the overview shows it. Null when the family does not exist. */
export async function findFamilyFile(tx: Executor, familyId: string, actor: Actor, now: Date): Promise<Family | null> {
  const [family] = await tx
    .select({
      id: families.id,
      version: families.version,
      municipalityCode: families.municipalityCode,
      municipalityName: municipalities.name,
      postcode: families.postcode,
      channel: families.contactChannel,
      language: families.contactLanguage,
      doNotContact: families.doNotContact,
      phone: families.phone,
      email: families.email,
      registeredById: families.registeredByOrganisationId,
      registeredByName: organisations.name,
      mergedIntoId: families.mergedIntoId,
      createdAt: families.createdAt,
      updatedAt: families.updatedAt,
    })
    .from(families)
    .innerJoin(municipalities, eq(municipalities.code, families.municipalityCode))
    .innerJoin(organisations, eq(organisations.id, families.registeredByOrganisationId))
    .where(eq(families.id, familyId));
  if (!family) return null;
  const today = amsterdamDate(now);
  const members = await tx.select().from(familyMembers).where(eq(familyMembers.familyId, familyId)).orderBy(asc(familyMembers.createdAt));
  const pregnancyRows = await tx.select().from(pregnancies).where(eq(pregnancies.familyId, familyId)).orderBy(asc(pregnancies.dueDate));
  const relationships = await activeCareRelationships(tx, familyId, now);
  const closures = await findActiveClosures(tx, familyId);
  const [emergency] = await tx
    .select({ expiresAt: emergencyAccesses.expiresAt })
    .from(emergencyAccesses)
    .where(
      and(
        eq(emergencyAccesses.familyId, familyId),
        eq(emergencyAccesses.personId, actor.personId),
        sql`${emergencyAccesses.expiresAt} > ${now.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(sql`${emergencyAccesses.expiresAt} DESC`)
    .limit(1);
  return {
    id: family.id,
    version: family.version,
    municipalityCode: family.municipalityCode,
    municipalityName: family.municipalityName,
    postcode: family.postcode,
    contact: { channel: family.channel, language: family.language, doNotContact: family.doNotContact, phone: family.phone, email: family.email },
    registeredBy: { id: family.registeredById, name: family.registeredByName },
    mergedIntoId: family.mergedIntoId,
    members: members.map((member) => ({
      id: member.id,
      role: member.role,
      givenName: member.givenName,
      familyName: member.familyName,
      birthDate: member.birthDate,
      bsn: member.bsn,
      sex: member.sex,
      closure: member.role === 'child' ? (closures.get(member.id) ?? null) : null,
    })),
    pregnancies: pregnancyRows.map((pregnancy) => ({
      id: pregnancy.id,
      dueDate: pregnancy.dueDate,
      parity: pregnancy.parity,
      status: pregnancy.status,
      gestationalAge: pregnancy.status === 'ongoing' ? formatGestationalAge(gestationalAge(pregnancy.dueDate, today)) : null,
    })),
    careRelationships: relationships.map((relationship) => ({ ...relationship, since: relationship.since.toISOString() })),
    emergencyAccessUntil: emergency ? emergency.expiresAt.toISOString() : null,
    createdAt: family.createdAt.toISOString(),
    updatedAt: family.updatedAt.toISOString(),
    allowedActions: familyActions(actor, (await locateFamily(tx, familyId, actor, now)) ?? { organisationIds: [] }, careRelationshipTarget(relationships)),
  };
}

/**
 * What the actor may do with the family's file, each a change to the file (the family's grant) and,
 * where the record is one of its own, the grant on that record for the actor's organisation. A
 * closure flag is decided on the organisations with a care relationship (`careTarget`, no emergency access).
 */
export function familyActions(actor: Actor, familyTarget: Target, careTarget: Target): Family['allowedActions'] {
  const own: Target = { organisationIds: actor.organisationId ? [actor.organisationId] : [] };
  const changeFile = { resource: 'family', action: 'update', target: familyTarget } as const;
  return allowedActions(actor, {
    update: [changeFile],
    refer: [changeFile, { resource: 'referral', action: 'create', target: own }],
    plan_home_visit: [changeFile, { resource: 'home_visit', action: 'create', target: own }],
    set_support_tier: [changeFile, { resource: 'caseload', action: 'update', target: own }],
    set_child_closure: [changeFile, { resource: 'child_closure', action: 'create', target: careTarget }],
    lift_child_closure: [changeFile, { resource: 'child_closure', action: 'update', target: careTarget }],
  });
}

export interface FamilyFilters {
  q?: string | undefined;
  birthDate?: string | undefined;
  birthDateFrom?: string | undefined;
  birthDateTo?: string | undefined;
  bsn?: string | undefined;
  municipalityCode?: string | undefined;
  sorteer?: string | undefined;
}

const DUE_DATE = sql`(SELECT max(p.due_date) FROM pregnancies p WHERE p.family_id = ${families.id} AND p.status = 'ongoing')`;

/** `sorteer` on a list of families; by default the client's family name, then given name. */
function familyOrder(sort: string | undefined): SQL[] {
  const byName = [asc(familyMembers.familyName), asc(familyMembers.givenName)];
  const columns: Record<(typeof FAMILY_SORT_FIELDS)[number], SQLWrapper> = {
    clientName: sql`${familyMembers.familyName} || ' ' || ${familyMembers.givenName}`,
    birthDate: familyMembers.birthDate,
    municipalityName: municipalities.name,
    postcode: families.postcode,
    dueDate: DUE_DATE,
    registeredByName: organisations.name,
  };
  return orderByOf(sort, columns, byName, families.id);
}

/** Families the actor may see, matching the filters, the client's name first (or as `sorteer` asks). */
export async function findFamilies(
  tx: Executor,
  actor: Actor,
  now: Date,
  filters: FamilyFilters,
  window: RowWindow,
): Promise<{ rows: FamilySummary[]; total: number }> {
  const conditions: SQL[] = [eq(familyMembers.role, 'client'), sql`${families.mergedIntoId} IS NULL`, familyVisibleTo(sql`${families.id}`, actor, now)];
  if (filters.q) {
    // Each word starts the given name (search_name begins with it) or the family name's main part.
    for (const word of nameSearchWords(filters.q)) {
      const pattern = `${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      conditions.push(sql`(${familyMembers.searchName} LIKE ${pattern} OR ${familyMembers.familyNameKey} LIKE ${pattern})`);
    }
  }
  if (filters.birthDate) conditions.push(eq(familyMembers.birthDate, filters.birthDate));
  if (filters.birthDateFrom) conditions.push(sql`${familyMembers.birthDate} >= ${filters.birthDateFrom}::date`);
  if (filters.birthDateTo) conditions.push(sql`${familyMembers.birthDate} <= ${filters.birthDateTo}::date`);
  if (filters.bsn) conditions.push(eq(familyMembers.bsn, normaliseBsn(filters.bsn)));
  if (filters.municipalityCode) conditions.push(eq(families.municipalityCode, filters.municipalityCode));
  const where = and(...conditions);
  const rows = await tx
    .select({
      id: families.id,
      givenName: familyMembers.givenName,
      familyName: familyMembers.familyName,
      birthDate: familyMembers.birthDate,
      municipalityName: municipalities.name,
      postcode: families.postcode,
      registeredByName: organisations.name,
      dueDate: sql<string | null>`(SELECT max(p.due_date)::text FROM pregnancies p WHERE p.family_id = ${families.id} AND p.status = 'ongoing')`,
      total: sql<number>`count(*) OVER ()`.mapWith(Number),
    })
    .from(families)
    .innerJoin(familyMembers, eq(familyMembers.familyId, families.id))
    .innerJoin(municipalities, eq(municipalities.code, families.municipalityCode))
    .innerJoin(organisations, eq(organisations.id, families.registeredByOrganisationId))
    .where(where)
    .orderBy(...familyOrder(filters.sorteer))
    .limit(window.limit)
    .offset(window.offset);
  return {
    rows: rows.map((row) => ({
      id: row.id,
      clientName: `${row.givenName} ${row.familyName}`,
      birthDate: row.birthDate,
      municipalityName: row.municipalityName,
      postcode: row.postcode,
      dueDate: row.dueDate,
      registeredByName: row.registeredByName,
    })),
    total: rows[0]?.total ?? 0,
  };
}

export interface DuplicateProbe {
  givenName: string;
  familyName: string;
  birthDate: string;
  bsn?: string | null | undefined;
  postcode?: string | null | undefined;
  /** The family itself, when looking for duplicates of an existing one. */
  excludeFamilyId?: string;
}

/** Clients the actor may see who may be the same person (same BSN, or same name + date of birth + postcode). */
export function findDuplicates(tx: Executor, actor: Actor, now: Date, probe: DuplicateProbe) {
  return duplicatesWhere(tx, probe, familyVisibleTo(sql`${families.id}`, actor, now));
}

/**
 * Is the same person (same BSN, or same name + date of birth + postcode) registered in a file the
 * actor may not see — by another organisation? Only yes or no: nothing about that file is revealed.
 */
export async function hasDuplicateElsewhere(tx: Executor, actor: Actor, now: Date, probe: DuplicateProbe): Promise<boolean> {
  return (await duplicatesWhere(tx, probe, sql`NOT ${familyVisibleTo(sql`${families.id}`, actor, now)}`)).length > 0;
}

/** What identifies a file's client when looking for the same person (duplicates, emergency access). */
export const CLIENT_MATCH_COLUMNS = {
  familyId: families.id,
  givenName: familyMembers.givenName,
  familyName: familyMembers.familyName,
  birthDate: familyMembers.birthDate,
  bsn: familyMembers.bsn,
  postcode: families.postcode,
};

async function duplicatesWhere(
  tx: Executor,
  probe: DuplicateProbe,
  visibility: SQL,
): Promise<{ familyId: string; clientName: string; birthDate: string | null; postcode: string | null; reasons: DuplicateReason[] }[]> {
  const bsn = probe.bsn ? normaliseBsn(probe.bsn) : null;
  const searchName = searchNameOf(probe.givenName, probe.familyName);
  const rows = await tx
    .select(CLIENT_MATCH_COLUMNS)
    .from(familyMembers)
    .innerJoin(families, eq(families.id, familyMembers.familyId))
    .where(
      and(
        eq(familyMembers.role, 'client'),
        sql`${families.mergedIntoId} IS NULL`,
        probe.excludeFamilyId ? sql`${families.id} <> ${probe.excludeFamilyId}::uuid` : undefined,
        bsn
          ? sql`(${familyMembers.bsn} = ${bsn} OR (${familyMembers.searchName} = ${searchName} AND ${familyMembers.birthDate} = ${probe.birthDate}))`
          : sql`(${familyMembers.searchName} = ${searchName} AND ${familyMembers.birthDate} = ${probe.birthDate})`,
        visibility,
      ),
    )
    .limit(20);
  const candidates = findDuplicateCandidates(
    { givenName: probe.givenName, familyName: probe.familyName, dateOfBirth: probe.birthDate, bsn, postcode: probe.postcode ?? null },
    rows.map((row) => ({ ...row, id: row.familyId, dateOfBirth: row.birthDate ?? '' })),
  );
  return candidates.map(({ person, reasons }) => ({
    familyId: person.familyId,
    clientName: `${person.givenName} ${person.familyName}`,
    birthDate: person.birthDate,
    postcode: person.postcode,
    reasons: [...reasons],
  }));
}

export async function organisationNames(tx: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}
