// SPDX-License-Identifier: EUPL-1.2
// Break the glass: a professional without a care relationship opens one client's file for a few
// hours, with a reason. Only an exact match (BSN, or family name + date of birth, narrowed by postcode
// when needed) opens anything; the access is audited, carried on every audit row made under it, and
// flagged until an admin reviews it.
//
// More than one match: when the professional gave a BSN or a postcode and every match is the same
// person (same BSN, or same name, date of birth and postcode — files at different organisations),
// each of those files is opened. Otherwise the answer says so (emergency_access_ambiguous: give the
// postcode or the BSN); no match at all is emergency_access_no_match.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { EMERGENCY_ACCESS_HOURS, type emergencyAccessRequestSchema } from '../../../contracts/families.js';
import { AppError } from '../../platform/errors.js';
import { AttemptFailed } from '../../platform/access/scoped-store.js';
import { emergencyAccesses, families, familyMembers } from './schema.js';
import { findDuplicateCandidates, normaliseName } from './domain/bsn.js';
import { CLIENT_MATCH_COLUMNS, type UseCaseContext } from './store.js';
import { checkedBsn, checkedPostcode, invalid } from './validate-input.js';

/** At most this many files of one person are opened at once; more matches are treated as ambiguous. */
const MAX_FILES_OF_ONE_PERSON = 5;

export async function openEmergencyAccess(ctx: UseCaseContext, input: z.infer<typeof emergencyAccessRequestSchema>) {
  const bsn = checkedBsn(input.bsn, 'body.bsn');
  if (!bsn && !(input.familyName && input.birthDate)) invalid('body.bsn', 'Vul een BSN in, of achternaam en geboortedatum.');
  const postcode = input.postcode ? checkedPostcode(input.postcode, 'body.postcode') : null;
  const actor = ctx.store.actor;
  if (!actor.organisationId) throw new AppError('forbidden');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + EMERGENCY_ACCESS_HOURS * 3600_000);
  const grant = await ctx.store.create({
    resource: 'emergency_access',
    objectType: 'emergency_access',
    reason: input.reason,
    target: { organisationIds: [actor.organisationId] },
    perform: async (tx) => {
      const matches = await tx
        .select(CLIENT_MATCH_COLUMNS)
        .from(familyMembers)
        .innerJoin(families, eq(families.id, familyMembers.familyId))
        .where(
          and(
            eq(familyMembers.role, 'client'),
            sql`${families.mergedIntoId} IS NULL`,
            bsn
              ? eq(familyMembers.bsn, bsn)
              : and(
                  eq(familyMembers.birthDate, input.birthDate!),
                  sql`${familyMembers.searchName} LIKE ${`% ${normaliseName(input.familyName!)}`}`,
                ),
            postcode ? eq(families.postcode, postcode) : undefined,
          ),
        )
        .orderBy(families.createdAt, families.id)
        .limit(MAX_FILES_OF_ONE_PERSON + 1);
      // A failed attempt stays on the record (naming the clients it matched, if several), not only a success.
      if (matches.length === 0) throw new AttemptFailed(new AppError('emergency_access_no_match'), 'no_match', []);
      if (matches.length > 1) {
        const narrowed = bsn !== null || postcode !== null;
        const [first, ...others] = matches.map((match) => ({ ...match, dateOfBirth: match.birthDate ?? '' }));
        const sameFiles = findDuplicateCandidates(first!, others);
        const isOnePerson = others.length < MAX_FILES_OF_ONE_PERSON && sameFiles.length === others.length;
        if (!narrowed || !isOnePerson) {
          throw new AttemptFailed(new AppError('emergency_access_ambiguous'), 'several_matches', matches.map((match) => match.familyId));
        }
      }
      const rows = await tx
        .insert(emergencyAccesses)
        .values(matches.map((match) => ({ familyId: match.familyId, personId: actor.personId, organisationId: actor.organisationId!, reason: input.reason, startedAt: now, expiresAt })))
        .returning({ id: emergencyAccesses.id, familyId: emergencyAccesses.familyId });
      return { id: rows[0]!.id, familyId: rows[0]!.familyId, others: rows.slice(1) };
    },
    clientId: (result) => result.familyId,
    alsoConcerns: (result) => result.others.map((row) => ({ objectId: row.id, clientId: row.familyId })),
  });
  return { familyId: grant.familyId, familyIds: [grant.familyId, ...grant.others.map((row) => row.familyId)], expiresAt: expiresAt.toISOString() };
}

/**
 * A request the edge refused (too short a reason, no BSN or name and date of birth): audited as a
 * failed emergency access, with the names of the wrong fields only, never their values.
 */
export async function recordInvalidEmergencyAccess(ctx: UseCaseContext, invalidFields: readonly string[]): Promise<void> {
  await ctx.store.recordFailedAttempt({
    resource: 'emergency_access',
    action: 'create',
    objectType: 'emergency_access',
    details: { failure: 'invalid_request', fields: [...new Set(invalidFields)].sort() },
  });
}
