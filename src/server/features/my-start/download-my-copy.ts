// SPDX-License-Identifier: EUPL-1.2
// A copy of my data (Wabvpz art. 15d), in one download: a ZIP file holding the parent's file as a
// readable PDF in Dutch (mijn-gegevens.pdf) and as one FHIR R4 Bundle of type 'collection'
// (mijn-gegevens.fhir.json) — the client, partner and children (not a child with a closure flag), the consents, the referrals (as
// Tasks: status and parties, never the reason or notes) and the planned home visits (as
// Appointments); the PDF also lists who looked at the file. Each download is audited once, as an export
// by the parent. One copy of a file is made at a time: a second request while the first is being made
// is refused (copy_in_progress) and logs nothing; once the first is done, the next one works.
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
import { decideForParent } from '../../platform/access/policy.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { myCopyBlocks } from './domain/my-copy-document.js';
import { writePdf } from './domain/pdf-writer.js';
import { writeZip } from './domain/zip-writer.js';
import { findMyStart } from './get-my-start.js';
import { findMyAccessLog } from './list-my-access-log.js';
import { actAsParent, type ParentContext } from './parent-access.js';

export const MY_COPY_FILE_NAME = 'mijn-gegevens.zip';
export const MY_COPY_PDF_NAME = 'mijn-gegevens.pdf';
export const MY_COPY_FHIR_NAME = 'mijn-gegevens.fhir.json';

export interface MyCopy {
  zip: Buffer;
  bundle: FhirResource;
  pdf: Buffer;
}

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

/** The file's children with a closure flag: the parent's views — the copy too, PDF and Bundle — never show their data. */
async function closedChildIdsOf(tx: Executor, familyId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`SELECT fm.id::text FROM family_members fm WHERE fm.family_id = ${familyId}::uuid AND fm.role = 'child'
      AND EXISTS (SELECT 1 FROM child_closures cc WHERE cc.child_id = fm.id AND cc.lifted_at IS NULL)`,
  );
  return rows.map((row) => row.id);
}

export async function buildMyCopy(tx: Executor, ctx: ParentContext, familyId: string, fhirBase: string): Promise<FhirResource> {
  const family = await findFamilyFile(tx, familyId, readerFor(ctx), ctx.now);
  if (!family) throw new AppError('not_found');
  const overview = await findMyStart(tx, familyId, ctx.now);
  const closedChildIds = await closedChildIdsOf(tx, familyId);
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

/** The Amsterdam wall-clock time of `at`, for the ZIP entries' dates. */
function amsterdamClock(at: Date) {
  const [hour, minute, second] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .format(at)
    .split(':')
    .map(Number);
  const [year, month, day] = amsterdamDate(at).split('-').map(Number);
  return { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! };
}

async function buildMyCopyFiles(tx: Executor, ctx: ParentContext, familyId: string, fhirBase: string): Promise<MyCopy> {
  // Another instance making this file's copy right now holds the lock: refused, nothing logged.
  const [lock] = await queryRows<{ is_locked: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(hashtext(${`my-copy:${familyId}`})) AS is_locked`);
  if (!lock?.is_locked) throw new AppError('copy_in_progress');
  const bundle = await buildMyCopy(tx, ctx, familyId, fhirBase);
  const family = (await findFamilyFile(tx, familyId, readerFor(ctx), ctx.now))!;
  const overview = await findMyStart(tx, familyId, ctx.now);
  const accessLog = await findMyAccessLog(tx, familyId, ctx.parent.memberId);
  const closedChildIds = await closedChildIdsOf(tx, familyId);
  const pdf = writePdf({
    title: nl.myStart.pdfTitle,
    language: 'nl-NL',
    blocks: myCopyBlocks({ members: family.members.filter((member) => !closedChildIds.includes(member.id)), overview, accessLog, madeAt: ctx.now }),
    pageLabel: (page, pages) => nl.myStart.pdfPage.replace('{page}', String(page)).replace('{pages}', String(pages)),
  });
  const zip = writeZip(
    [
      { name: MY_COPY_PDF_NAME, data: pdf },
      { name: MY_COPY_FHIR_NAME, data: Buffer.from(JSON.stringify(bundle, null, 2), 'utf8') },
    ],
    amsterdamClock(ctx.now),
  );
  return { zip, bundle, pdf };
}

/** The files whose copy is being made in this process right now. */
const copiesInProgress = new Set<string>();

export async function downloadMyCopy(ctx: ParentContext, familyId: string): Promise<MyCopy> {
  const fhirBase = `${ctx.config.publicUrl.replace(/\/$/, '')}/fhir/R4`;
  // Only the own file is guarded (a refusal below is audited as always, and tells nothing about a copy).
  const isOwn = decideForParent(ctx.parent, 'family', 'export', familyId).isAllowed;
  if (isOwn) {
    if (copiesInProgress.has(familyId)) throw new AppError('copy_in_progress');
    copiesInProgress.add(familyId);
  }
  try {
    return await actAsParent(ctx, {
      resource: 'family',
      action: 'export',
      familyId,
      objectType: 'family',
      perform: (tx) => buildMyCopyFiles(tx, ctx, familyId, fhirBase),
      details: (copy) => ({
        format: 'zip_pdf_fhir_bundle',
        files: [MY_COPY_PDF_NAME, MY_COPY_FHIR_NAME],
        entryCount: Array.isArray(copy.bundle.entry) ? copy.bundle.entry.length : 0,
        byteCount: copy.zip.length,
      }),
    });
  } finally {
    if (isOwn) copiesInProgress.delete(familyId);
  }
}
