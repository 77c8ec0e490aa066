// SPDX-License-Identifier: EUPL-1.2
// What the care records of a family (home visits, enrolments, outcomes, caseload) share: Dutch
// refusals for bad input, calendar-date checks, the nurse check and optimistic locking.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { toDayNumber } from '../families/domain/pregnancy.js';

/** Refuses the request with one Dutch sentence at one field; nothing has been saved. */
export function invalid(field: string, message: string): never {
  throw new AppError('validation_failed', { message, errors: [{ path: field, message }] });
}


/** A real calendar date (2026-02-30 is not); its day number. */
export function requireDate(value: string, field: string, label: string): number {
  const day = toDayNumber(value);
  if (day === null) invalid(field, `${label}: vul een bestaande datum in (JJJJ-MM-DD).`);
  return day;
}

/** A date that lies today or earlier. */
export function requirePastDate(value: string, today: string, field: string, label: string): number {
  const day = requireDate(value, field, label);
  if (day > toDayNumber(today)!) invalid(field, `${label} kan niet in de toekomst liggen.`);
  return day;
}

/** A date within `years` of today, either way: catches typing errors in the year. */
export function requireNearDate(value: string, today: string, field: string, label: string, years = 2): number {
  const day = requireDate(value, field, label);
  if (Math.abs(day - toDayNumber(today)!) > years * 366) invalid(field, `${label} ligt meer dan ${years} jaar van vandaag af. Controleer het jaar.`);
  return day;
}

/** The stored version must be the one the change was based on. */
export function requireVersion(current: number, given: number) {
  if (current !== given) throw new AppError('stale_version');
}

/** A person who works as a professional for the organisation (active account and membership); their name. */
export async function requireNurse(tx: Executor, personId: string, organisationId: string): Promise<string> {
  const rows = await queryRows<{ name: string }>(tx, sql`
    SELECT p.name FROM people p JOIN memberships m ON m.person_id = p.id
    WHERE p.id = ${personId}::uuid AND m.organisation_id = ${organisationId}::uuid
      AND p.is_active AND m.is_active AND 'professional' = ANY(m.roles)`);
  if (!rows[0]) invalid('nurseId', 'Kies een verpleegkundige (professional) van uw eigen organisatie.');
  return rows[0].name;
}

/** Names of the client of a family, for lists ("Fatima Testcliënt"). */
export function clientNameSql(familyId: ReturnType<typeof sql.raw> | ReturnType<typeof sql>) {
  return sql`(SELECT fm.given_name || ' ' || fm.family_name FROM family_members fm WHERE fm.family_id = ${familyId} AND fm.role = 'client' ORDER BY fm.created_at LIMIT 1)`;
}
