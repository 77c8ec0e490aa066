// SPDX-License-Identifier: EUPL-1.2
// A copy of my data (Wabvpz art. 15d): the parent's file as one FHIR R4 Bundle (type 'collection') —
// the client, partner and children (not a child with a closure flag), the consents, the referrals (as
// Tasks: status and parties, never the reason or notes) and the planned home visits (as Appointments) —
// in one download. Each download is audited as an export by the parent; it changes nothing, so two at
// once are two complete copies.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/policy.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { findFamilyFile } from '../families/store.js';
import { toFhirConsent } from '../fhir/consent.js';
import { reference, type FhirResource } from '../fhir/fhir-types.js';
import { childPatients, toFhirPatient, toFhirRelatedPerson } from '../fhir/patient.js';
import { toFhirTask } from '../fhir/referral.js';
import { findReferral } from '../referrals/store.js';
import { findMyStart } from './get-my-start.js';
import { actAsParent, type ParentContext } from './parent-access.js';

/** How the file is read for the copy: as nobody of any organisation (no roles, no emergency access). */
function readerFor(ctx: ParentContext): Actor {
  return { personId: ctx.parent.sessionId, sessionId: ctx.parent.sessionId, organisationId: null, roles: [] };
}

async function taskResources(tx: Executor, familyId: string, now: Date): Promise<FhirResource[]> {
  const ids = await queryRows<{ id: string }>(tx, sql`SELECT id::text FROM referrals WHERE family_id = ${familyId}::uuid AND status <> 'draft' ORDER BY created_at, id`);
  const tasks: FhirResource[] = [];
  for (const { id } of ids) {
    const row = (await findReferral(tx, id, now))!;
    tasks.push(
      toFhirTask({
        id: row.id,
        version: row.version,
        updatedAt: new Date(row.updated_at).toISOString(),
        isOverdue: row.is_overdue,
        status: row.status,
        // A status reason can be a professional's note: the copy gives the status itself.
        statusReason: null,
        outcome: row.outcome,
        familyId: row.family_id,
        requestedAt: row.requested_at === null ? null : new Date(row.requested_at).toISOString(),
        createdAt: new Date(row.created_at).toISOString(),
        respondBy: row.respond_by === null ? null : new Date(row.respond_by).toISOString(),
        respondedAt: row.responded_at === null ? null : new Date(row.responded_at).toISOString(),
        sender: { organisationId: row.sender_organisation_id, organisationName: row.sender_organisation_name },
        receiver: { organisationId: row.receiver_organisation_id, organisationName: row.receiver_organisation_name },
      }),
    );
  }
  return tasks;
}

export async function buildMyCopy(tx: Executor, ctx: ParentContext, familyId: string, fhirBase: string): Promise<FhirResource> {
  const family = await findFamilyFile(tx, familyId, readerFor(ctx), ctx.now);
  if (!family) throw new AppError('not_found');
  const overview = await findMyStart(tx, familyId, ctx.now);
  const closedChildIds = (
    await queryRows<{ id: string }>(
      tx,
      sql`SELECT fm.id::text FROM family_members fm WHERE fm.family_id = ${familyId}::uuid AND fm.role = 'child'
        AND EXISTS (SELECT 1 FROM child_closures cc WHERE cc.child_id = fm.id AND cc.lifted_at IS NULL)`,
    )
  ).map((row) => row.id);
  const appointments: FhirResource[] = overview.appointments.map((appointment) => ({
    resourceType: 'Appointment',
    id: appointment.id,
    status: 'proposed',
    description: `Huisbezoek door ${appointment.organisationName}`,
    requestedPeriod: [{ start: appointment.plannedOn, end: appointment.plannedOn }],
    participant: [
      { actor: reference('Patient', familyId), status: 'accepted' },
      { actor: { display: appointment.organisationName }, status: 'accepted' },
    ],
  }));
  const resources: FhirResource[] = [
    toFhirPatient(family),
    ...family.members.filter((member) => member.role === 'partner').map((member) => toFhirRelatedPerson(family, member)),
    // A child with a closure flag is left out: the parent's views never show a closed child's data.
    ...childPatients(family).filter((patient) => !closedChildIds.includes(String(patient.id))),
    ...overview.consents.map(toFhirConsent),
    ...(await taskResources(tx, familyId, ctx.now)),
    ...appointments,
  ];
  return {
    resourceType: 'Bundle',
    id: randomUUID(),
    meta: { lastUpdated: ctx.now.toISOString() },
    type: 'collection',
    timestamp: ctx.now.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `${fhirBase}/${String(resource.resourceType)}/${String(resource.id)}`, resource })),
  };
}

export function downloadMyCopy(ctx: ParentContext, familyId: string): Promise<FhirResource> {
  const fhirBase = `${ctx.config.publicUrl.replace(/\/$/, '')}/fhir/R4`;
  return actAsParent(ctx, {
    resource: 'family',
    action: 'export',
    familyId,
    objectType: 'family',
    perform: (tx) => buildMyCopy(tx, ctx, familyId, fhirBase),
    details: (bundle) => ({ format: 'fhir_bundle', entryCount: Array.isArray(bundle.entry) ? bundle.entry.length : 0 }),
  });
}
