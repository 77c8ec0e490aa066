// SPDX-License-Identifier: EUPL-1.2
// Break the glass: a professional without a care relationship opens one family's file for a few
// hours, with a reason. Only an exact match (BSN, or family name + date of birth) opens anything; the
// access is audited, carried on every audit row made under it, and flagged until an admin reviews it.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { EMERGENCY_ACCESS_HOURS, type emergencyAccessRequestSchema } from '../../../contracts/families.js';
import { AppError } from '../../platform/errors.js';
import { AttemptFailed } from '../../platform/access/scoped-store.js';
import { emergencyAccesses, families, familyMembers } from './schema.js';
import { normaliseName } from './domain/bsn.js';
import type { UseCaseContext } from './store.js';
import { checkedBsn, invalid } from './validate-input.js';

const NO_MATCH = 'Er is niet precies één cliënt met deze gegevens. Noodtoegang kan alleen met een exact BSN, of met achternaam en geboortedatum.';

export async function openEmergencyAccess(ctx: UseCaseContext, input: z.infer<typeof emergencyAccessRequestSchema>) {
  const bsn = checkedBsn(input.bsn, 'body.bsn');
  if (!bsn && !(input.familyName && input.birthDate)) invalid('body.bsn', 'Vul een BSN in, of achternaam en geboortedatum.');
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
        .selectDistinct({ familyId: families.id })
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
          ),
        )
        .limit(2);
      // A failed attempt stays on the record (naming the clients it matched, if several), not only a success.
      if (matches.length !== 1) {
        throw new AttemptFailed(
          new AppError('not_found', { message: NO_MATCH }),
          matches.length === 0 ? 'no_match' : 'several_matches',
          matches.map((match) => match.familyId),
        );
      }
      const familyId = matches[0]!.familyId;
      const [row] = await tx
        .insert(emergencyAccesses)
        .values({ familyId, personId: actor.personId, organisationId: actor.organisationId!, reason: input.reason, startedAt: now, expiresAt })
        .returning({ id: emergencyAccesses.id });
      return { id: row!.id, familyId };
    },
    clientId: (result) => result.familyId,
  });
  return { familyId: grant.familyId, expiresAt: expiresAt.toISOString() };
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
