// SPDX-License-Identifier: EUPL-1.2
// A child's page for a parent with authority: name, birth date, the birth as recorded (term and
// weight) and the planned JGZ contact moments since the birth — never professionals' notes, and never
// the other parent's own file. Closed (a closure flag): only a neutral answer, not why. Anything else
// (no authority, undetermined, 12 or older, unknown id) is refused as not found, audited.
import { sql } from 'drizzle-orm';
import type { MyChild } from '../../../contracts/my-start.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { actAsParent } from '../my-start/parent-access.js';
import { childWithStanding, type ChildContext, type ChildRow } from './child-standing.js';

async function findChildView(tx: Executor, child: ChildRow): Promise<MyChild> {
  if (child.isClosed || child.birthDate === null) return { childId: child.childId, isClosed: true };
  const [birth] = await queryRows<{ gestationalAgeDays: number; birthWeightGrams: number }>(
    tx,
    sql`SELECT gestational_age_days AS "gestationalAgeDays", birth_weight_grams AS "birthWeightGrams"
      FROM birth_outcomes WHERE child_id = ${child.childId}::uuid ORDER BY created_at LIMIT 1`,
  );
  const contacts = await queryRows<{ kind: string; plannedOn: string; organisationName: string }>(
    tx,
    sql`SELECT cm.kind, cm.planned_on::text AS "plannedOn", o.name AS "organisationName"
      FROM contact_moments cm JOIN organisations o ON o.id = cm.organisation_id
      WHERE cm.family_id = ${child.familyId}::uuid AND cm.status = 'planned' AND cm.planned_on >= ${child.birthDate}::date
      ORDER BY cm.planned_on, cm.id`,
  );
  return {
    childId: child.childId,
    isClosed: false,
    givenName: child.givenName,
    familyName: child.familyName,
    birthDate: child.birthDate,
    birth: birth ?? null,
    contacts,
  };
}

export async function getMyChild(ctx: ChildContext, childId: string): Promise<MyChild> {
  const { child, standing } = await childWithStanding(ctx, childId);
  return actAsParent(ctx, {
    resource: 'family',
    action: 'read',
    familyId: child?.familyId ?? '',
    objectType: 'child',
    objectId: childId,
    child: standing,
    perform: (tx) => findChildView(tx, child!),
    details: (view) => ({ isClosed: view.isClosed }),
  });
}
