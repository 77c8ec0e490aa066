// SPDX-License-Identifier: EUPL-1.2
// Reading home visits with the names the file shows (organisation, nurse).
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import type { CareLifeDomain, HomeVisit, HomeVisitStatus } from '../../../contracts/care.js';
import { allowedActions, type Actor, type Target } from '../../platform/access/policy.js';

/** Who reads the visits, and the family's policy target: what they may do with each visit. */
export interface Viewer {
  actor: Actor;
  familyTarget: Target;
}

interface HomeVisitRow {
  id: string;
  family_id: string;
  organisation_id: string;
  organisation_name: string;
  nurse_id: string;
  nurse_name: string;
  planned_on: string;
  status: HomeVisitStatus;
  held_on: string | null;
  reason_not_held: string | null;
  gestational_week: number | null;
  findings: Partial<Record<CareLifeDomain, string>> | null;
  follow_up: string | null;
  version: number;
  updated_at: Date | string;
}

const SELECT = sql`
  SELECT hv.id, hv.family_id, hv.organisation_id, o.name AS organisation_name, hv.nurse_id, p.name AS nurse_name,
    hv.planned_on::text AS planned_on, hv.status, hv.held_on::text AS held_on, hv.reason_not_held, hv.gestational_week,
    hv.findings, hv.follow_up, hv.version, hv.updated_at
  FROM home_visits hv JOIN organisations o ON o.id = hv.organisation_id JOIN people p ON p.id = hv.nurse_id`;

function toHomeVisit(row: HomeVisitRow, viewer: Viewer): HomeVisit {
  return {
    id: row.id,
    familyId: row.family_id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    nurseId: row.nurse_id,
    nurseName: row.nurse_name,
    plannedOn: row.planned_on,
    status: row.status,
    heldOn: row.held_on,
    reasonNotHeld: row.reason_not_held,
    gestationalWeek: row.gestational_week,
    findings: row.findings ?? {},
    followUp: row.follow_up,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
    // A change is a change to the family's file, and only the organisation that planned the visit makes it.
    allowedActions: allowedActions(viewer.actor, {
      update: [
        { resource: 'family', action: 'update', target: viewer.familyTarget },
        { resource: 'home_visit', action: 'update', target: { organisationIds: [row.organisation_id] } },
      ],
    }),
  };
}

export async function findHomeVisit(tx: Executor, id: string, viewer: Viewer): Promise<HomeVisit | null> {
  const rows = await queryRows<HomeVisitRow>(tx, sql`${SELECT} WHERE hv.id = ${id}::uuid`);
  return rows[0] ? toHomeVisit(rows[0], viewer) : null;
}

/** The organisation that planned a visit: the policy target of a change to it. */
export async function organisationOfHomeVisit(tx: Executor, id: string): Promise<string> {
  const rows = await queryRows<{ organisation_id: string }>(tx, sql`SELECT organisation_id::text AS organisation_id FROM home_visits WHERE id = ${id}::uuid`);
  return rows[0]!.organisation_id;
}

export async function findHomeVisits(tx: Executor, familyId: string, viewer: Viewer): Promise<HomeVisit[]> {
  const rows = await queryRows<HomeVisitRow>(tx, sql`${SELECT} WHERE hv.family_id = ${familyId}::uuid ORDER BY hv.planned_on DESC, hv.created_at DESC`);
  return rows.map((row) => toHomeVisit(row, viewer));
}

/** The family a home visit belongs to (to locate it for the policy), or null. */
export async function familyOfHomeVisit(tx: Executor, id: string): Promise<string | null> {
  const rows = await queryRows<{ family_id: string }>(tx, sql`SELECT family_id FROM home_visits WHERE id = ${id}::uuid`);
  return rows[0]?.family_id ?? null;
}
