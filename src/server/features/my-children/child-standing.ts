// SPDX-License-Identifier: EUPL-1.2
// Which children a parent may see, and why (not): the parent's BSN (from their family member row, never
// from the session) is put to the authority source; each child (a family member 'child' with a BSN, in
// a family not merged away) gets its standing — born, under the age limit today, authority — and the
// one policy (decideForParentOnChild) decides. A closure flag is read here too; the views hide the data.
import { sql } from 'drizzle-orm';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { decideForParentOnChild, PARENT_CHILD_AGE_LIMIT_YEARS, type ParentChildStanding } from '../../platform/access/policy.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { addMonths } from '../jgz/contact-schedule.js';
import type { ParentContext } from '../my-start/parent-access.js';
import type { AuthorityAnswer, AuthoritySource } from '../parental-authority/authority-source.js';
import { authorityOver, minorsNamedFor } from '../parental-authority/domain/authority.js';

export interface ChildContext extends ParentContext {
  authority: AuthoritySource;
}

export interface ChildRow {
  childId: string;
  familyId: string;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  bsn: string | null;
  isClosed: boolean;
}

/** Born on or before today, and today before the birthday of the age limit (on it: no longer). */
export function ageStanding(birthDate: string | null, today: string): Pick<ParentChildStanding, 'isBorn' | 'isUnderAgeLimit'> {
  if (birthDate === null || birthDate > today) return { isBorn: false, isUnderAgeLimit: false };
  return { isBorn: true, isUnderAgeLimit: today < addMonths(birthDate, PARENT_CHILD_AGE_LIMIT_YEARS * 12) };
}

export function standingOf(child: Pick<ChildRow, 'birthDate' | 'bsn'>, answer: AuthorityAnswer | null, parentBsn: string | null, today: string): ParentChildStanding {
  const authority = answer && parentBsn && child.bsn ? authorityOver(answer, parentBsn, child.bsn) : 'not_holder';
  return { ...ageStanding(child.birthDate, today), authority };
}

const CHILD_COLUMNS = sql`fm.id::text AS "childId", fm.family_id::text AS "familyId", fm.given_name AS "givenName", fm.family_name AS "familyName",
  fm.birth_date::text AS "birthDate", fm.bsn,
  EXISTS (SELECT 1 FROM child_closures cc WHERE cc.child_id = fm.id AND cc.lifted_at IS NULL) AS "isClosed"`;

async function parentBsnOf(db: Executor, memberId: string): Promise<string | null> {
  const [row] = await queryRows<{ bsn: string | null }>(db, sql`SELECT bsn FROM family_members WHERE id = ${memberId}::uuid`);
  return row?.bsn ?? null;
}

/** Asks the source about this parent; no BSN: nothing to ask. */
async function askAbout(ctx: ChildContext): Promise<{ parentBsn: string | null; answer: AuthorityAnswer | null }> {
  const parentBsn = await parentBsnOf(ctx.db, ctx.parent.memberId);
  return { parentBsn, answer: parentBsn ? await ctx.authority.query([parentBsn]) : null };
}

/** The children this parent may see today, oldest first. */
export async function childrenInView(ctx: ChildContext): Promise<ChildRow[]> {
  const { parentBsn, answer } = await askAbout(ctx);
  if (!parentBsn || !answer) return [];
  const minors = minorsNamedFor(answer, parentBsn);
  if (minors.length === 0) return [];
  const rows = await queryRows<ChildRow>(
    ctx.db,
    sql`SELECT ${CHILD_COLUMNS} FROM family_members fm JOIN families f ON f.id = fm.family_id
      WHERE fm.role = 'child' AND fm.bsn IN (${sql.join(minors.map((bsn) => sql`${bsn}`), sql`, `)}) AND f.merged_into_id IS NULL
      ORDER BY fm.birth_date, fm.id`,
  );
  const today = amsterdamDate(ctx.now);
  return rows.filter((row) => decideForParentOnChild(standingOf(row, answer, parentBsn, today)).isAllowed);
}

/** One child by id, with this parent's standing towards it; an unknown id stands like a stranger's child. */
export async function childWithStanding(ctx: ChildContext, childId: string): Promise<{ child: ChildRow | null; standing: ParentChildStanding }> {
  const [child] = await queryRows<ChildRow>(
    ctx.db,
    sql`SELECT ${CHILD_COLUMNS} FROM family_members fm JOIN families f ON f.id = fm.family_id
      WHERE fm.id = ${childId}::uuid AND fm.role = 'child' AND f.merged_into_id IS NULL`,
  );
  if (!child) return { child: null, standing: { isBorn: false, isUnderAgeLimit: false, authority: 'not_holder' } };
  const { parentBsn, answer } = child.bsn ? await askAbout(ctx) : { parentBsn: null, answer: null };
  return { child, standing: standingOf(child, answer, parentBsn, amsterdamDate(ctx.now)) };
}
