// SPDX-License-Identifier: EUPL-1.2
// Mijn Kansrijke Start: the parent's own file as they see it — who helps (organisations with an
// active care relationship), planned home visits, referrals with their status (never the reason,
// the professionals' notes or names), the consents, and the referrals that wait for her consent. Audited as a read of the file by the parent.
import { sql } from 'drizzle-orm';
import type { MyStart } from '../../../contracts/my-start.js';
import type { HomeVisitStatus } from '../../../contracts/care.js';
import type { ReferralStatus } from '../../../contracts/referral-vocabulary.js';
import { queryRows, type Executor } from '../../platform/db/connection.js';
import { activeCareRelationships } from '../families/care-access.js';
import { findConsents, toConsent } from '../referrals/store.js';
import { dataCategoriesOf } from './domain/awaiting-consent.js';
import { actAsParent, type ParentContext } from './parent-access.js';

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/** The overview of one file (also the base of the parent's copy). */
export async function findMyStart(tx: Executor, familyId: string, now: Date): Promise<MyStart> {
  const helpers = await activeCareRelationships(tx, familyId, now);
  const appointments = await queryRows<{ id: string; organisation_name: string; planned_on: string; status: HomeVisitStatus }>(
    tx,
    sql`SELECT hv.id::text, o.name AS organisation_name, hv.planned_on::text AS planned_on, hv.status
      FROM home_visits hv JOIN organisations o ON o.id = hv.organisation_id
      WHERE hv.family_id = ${familyId}::uuid AND hv.status = 'planned' ORDER BY hv.planned_on, hv.id`,
  );
  const referrals = await queryRows<{
    id: string;
    sender_name: string;
    receiver_name: string;
    status: ReferralStatus;
    requested_at: Date | string | null;
    updated_at: Date | string;
  }>(
    tx,
    sql`SELECT r.id::text, so.name AS sender_name, ro.name AS receiver_name, r.status, r.requested_at, r.updated_at
      FROM referrals r JOIN organisations so ON so.id = r.sender_organisation_id JOIN organisations ro ON ro.id = r.receiver_organisation_id
      WHERE r.family_id = ${familyId}::uuid AND r.status <> 'draft' ORDER BY r.created_at DESC, r.id`,
  );
  const consents = await findConsents(tx, sql`c.family_id = ${familyId}::uuid`);
  const awaiting = await queryRows<{ id: string; sender_name: string; receiver_name: string; factor_keys: string[]; has_screening: boolean; created_at: Date | string }>(
    tx,
    sql`SELECT r.id::text, so.name AS sender_name, ro.name AS receiver_name, r.factor_keys, r.screening_id IS NOT NULL AS has_screening, r.created_at
      FROM referrals r JOIN organisations so ON so.id = r.sender_organisation_id JOIN organisations ro ON ro.id = r.receiver_organisation_id
      WHERE r.family_id = ${familyId}::uuid AND r.status = 'draft' AND r.consent_id IS NULL AND r.legal_ground IS NULL ORDER BY r.created_at, r.id`,
  );
  return {
    familyId,
    // One line per organisation, however many relationships it has.
    helpers: [...new Map(helpers.map((helper) => [helper.organisationId, helper])).values()].map((helper) => ({
      organisationId: helper.organisationId,
      organisationName: helper.organisationName,
      since: helper.since.toISOString(),
    })),
    appointments: appointments.map((row) => ({ id: row.id, organisationName: row.organisation_name, plannedOn: row.planned_on, status: row.status })),
    referrals: referrals.map((row) => ({
      id: row.id,
      senderOrganisationName: row.sender_name,
      receiverOrganisationName: row.receiver_name,
      status: row.status,
      requestedAt: iso(row.requested_at),
      updatedAt: iso(row.updated_at)!,
    })),
    consents: consents.map((row) => toConsent(row, now)),
    awaitingConsent: awaiting.map((row) => ({
      id: row.id,
      senderOrganisationName: row.sender_name,
      receiverOrganisationName: row.receiver_name,
      dataCategories: dataCategoriesOf({ factorKeys: row.factor_keys, hasScreening: row.has_screening }),
      preparedAt: iso(row.created_at)!,
    })),
  };
}

export function getMyStart(ctx: ParentContext, familyId: string): Promise<MyStart> {
  return actAsParent(ctx, {
    resource: 'family',
    action: 'read',
    familyId,
    objectType: 'family',
    perform: (tx) => findMyStart(tx, familyId, ctx.now),
  });
}
