// SPDX-License-Identifier: EUPL-1.2
// The receiving organisation's list of parents' self-registrations, newest first: its care
// professionals read it like their referral inbox (the policy's referral list, own organisation), and
// the one audit row names every registration it returned.
import { desc, eq } from 'drizzle-orm';
import type { SelfRegistration, SelfRegistrationList } from '../../../contracts/parents-public.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';
import { municipalities } from '../reference/schema.js';
import { selfRegistrations } from './schema.js';

/** The newest registrations an inbox shows at once. */
export const SELF_REGISTRATION_LIST_LIMIT = 200;

export async function listSelfRegistrations(ctx: Pick<RequestContext, 'store'>): Promise<SelfRegistrationList> {
  const organisationId = ctx.store.actor.organisationId;
  if (!organisationId) throw new AppError('forbidden');
  const rows = await ctx.store.search({
    resource: 'referral',
    objectType: 'self_registration',
    perform: (tx) =>
      tx
        .select({ registration: selfRegistrations, municipalityName: municipalities.name })
        .from(selfRegistrations)
        .innerJoin(municipalities, eq(municipalities.code, selfRegistrations.municipalityCode))
        .where(eq(selfRegistrations.receiverOrganisationId, organisationId))
        .orderBy(desc(selfRegistrations.createdAt), desc(selfRegistrations.id))
        .limit(SELF_REGISTRATION_LIST_LIMIT),
    clientIds: (found) => found.map((row) => row.registration.id),
    details: (found) => ({ box: 'self_registrations', resultCount: found.length }),
  });
  return { items: rows.map(({ registration, municipalityName }) => toSelfRegistration(registration, municipalityName)) };
}

function toSelfRegistration(row: typeof selfRegistrations.$inferSelect, municipalityName: string): SelfRegistration {
  return {
    id: row.id,
    kind: row.kind,
    municipalityCode: row.municipalityCode,
    municipalityName,
    name: row.name,
    phone: row.phone,
    email: row.email,
    contactBy: row.contactBy,
    contactMoments: row.contactMoments,
    language: row.language,
    noMessages: row.noMessages,
    onlyAtMoments: row.onlyAtMoments,
    consent: { givenBy: row.consentGivenBy, version: row.consentVersion, givenAt: row.consentGivenAt.toISOString() },
    createdAt: row.createdAt.toISOString(),
  };
}
