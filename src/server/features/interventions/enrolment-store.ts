// SPDX-License-Identifier: EUPL-1.2
// Reading enrolments with their intervention and provider names, and mapping the stored row to the
// domain's enrolment state. A drop-out explanation is kept in the reason column as "<reason>: <text>".
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { ENROLMENT_END_REASONS, type Enrolment, type EnrolmentDropOutReason, type EnrolmentEndReason, type EnrolmentStatus } from '../../../contracts/care.js';
import { findIntervention, type EnrolmentState } from './domain/catalogue.js';

interface EnrolmentRow {
  id: string;
  family_id: string;
  intervention_key: string;
  organisation_id: string;
  organisation_name: string;
  started_on: string;
  ended_on: string | null;
  status: EnrolmentStatus;
  drop_out_reason: string | null;
  version: number;
  updated_at: Date | string;
}

export function storedReason(reason: EnrolmentDropOutReason, explanation: string | undefined): string {
  return explanation ? `${reason}: ${explanation}` : reason;
}

function parseReason(stored: string | null): { reason: EnrolmentEndReason | null; explanation: string | null } {
  if (!stored) return { reason: null, explanation: null };
  const [code, ...rest] = stored.split(': ');
  const reason = (ENROLMENT_END_REASONS as readonly string[]).includes(code!) ? (code as EnrolmentEndReason) : 'other';
  return { reason, explanation: rest.length > 0 ? rest.join(': ') : reason === 'other' && code !== 'other' ? stored : null };
}

function toEnrolment(row: EnrolmentRow): Enrolment {
  const { reason, explanation } = parseReason(row.drop_out_reason);
  return {
    id: row.id,
    familyId: row.family_id,
    interventionKey: row.intervention_key,
    interventionName: findIntervention(row.intervention_key)?.name ?? row.intervention_key,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    status: row.status,
    dropOutReason: reason,
    dropOutExplanation: explanation,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The domain's view of a stored enrolment (enrolled and started on the start date). */
export function stateOf(enrolment: Enrolment): EnrolmentState {
  if (enrolment.status === 'completed') {
    return { status: 'ended', enrolledOn: enrolment.startedOn, startedOn: enrolment.startedOn, endedOn: enrolment.endedOn ?? enrolment.startedOn };
  }
  if (enrolment.status === 'dropped_out') {
    return {
      status: 'dropped_out',
      enrolledOn: enrolment.startedOn,
      startedOn: enrolment.startedOn,
      endedOn: enrolment.endedOn ?? enrolment.startedOn,
      // Ended by a consent withdrawal: for the lifecycle just one more reason from outside.
      reason: !enrolment.dropOutReason || enrolment.dropOutReason === 'consent_withdrawn' ? 'other' : enrolment.dropOutReason,
    };
  }
  return { status: 'started', enrolledOn: enrolment.startedOn, startedOn: enrolment.startedOn };
}

const SELECT = sql`
  SELECT e.id, e.family_id, e.intervention_key, e.organisation_id, o.name AS organisation_name, e.started_on::text AS started_on,
    e.ended_on::text AS ended_on, e.status, e.drop_out_reason, e.version, e.updated_at
  FROM enrolments e JOIN organisations o ON o.id = e.organisation_id`;

export async function findEnrolment(tx: Executor, id: string): Promise<Enrolment | null> {
  const rows = await queryRows<EnrolmentRow>(tx, sql`${SELECT} WHERE e.id = ${id}::uuid`);
  return rows[0] ? toEnrolment(rows[0]) : null;
}

export async function findEnrolments(tx: Executor, familyId: string): Promise<Enrolment[]> {
  const rows = await queryRows<EnrolmentRow>(tx, sql`${SELECT} WHERE e.family_id = ${familyId}::uuid ORDER BY e.started_on DESC, e.created_at DESC`);
  return rows.map(toEnrolment);
}

export async function familyOfEnrolment(tx: Executor, id: string): Promise<string | null> {
  const rows = await queryRows<{ family_id: string }>(tx, sql`SELECT family_id FROM enrolments WHERE id = ${id}::uuid`);
  return rows[0]?.family_id ?? null;
}
