// SPDX-License-Identifier: EUPL-1.2
// Merges a duplicate registration into this family. Everything recorded under the duplicate moves
// here; the duplicate itself stays, marked as merged, with its client record — so history (and the
// access log under its id) is kept.
//
// A merge moves health data from one file into another, so it may never become a way to read more:
// - only real duplicates: the same BSN, or the same name, date of birth and postcode;
// - only by an organisation with a care relationship with *both* files (an emergency access does not
//   count: it opens a file to read in a crisis, not to take it over);
// - only when the same people can see both files in the same way (the same organisations, each with a
//   lasting or a consent-bound relationship, and the same emergency accesses), so after the merge no
//   record is visible to anyone who could not see it before. Care relationships are not copied.
// The merge is audited on both files.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Family, mergeSchema } from '../../../contracts/families.js';
import type { Executor } from '../../platform/db/connection.js';
import { decide } from '../../platform/access/policy.js';
import { PolicyDenied } from '../../platform/access/scoped-store.js';
import { AppError } from '../../platform/errors.js';
import { actOnFamily, hasCareRelationship, locateFamily, whoMaySee } from './care-access.js';
import { findDuplicateCandidates, type DuplicateReason } from './domain/bsn.js';
import { families, familyMembers } from './schema.js';
import { findFamilyFile, type UseCaseContext } from './store.js';
import { claimFamilyVersion } from './update-family.js';
import { invalid } from './validate-input.js';

/** Every table whose rows belong to a family and move with a merge (the client record and care relationships stay). */
const FAMILY_RECORD_TABLES = [
  'pregnancies',
  'consents',
  'referrals',
  'screenings',
  'home_visits',
  'caseload_entries',
  'contact_moments',
  'enrolments',
  'birth_outcomes',
  'two_year_outcomes',
] as const;

/** The client of a family as duplicate detection compares them. */
async function clientOf(tx: Executor, familyId: string) {
  const [row] = await tx
    .select({
      givenName: familyMembers.givenName,
      familyName: familyMembers.familyName,
      dateOfBirth: familyMembers.birthDate,
      bsn: familyMembers.bsn,
      postcode: families.postcode,
      mergedIntoId: families.mergedIntoId,
      version: families.version,
    })
    .from(families)
    .innerJoin(familyMembers, and(eq(familyMembers.familyId, families.id), eq(familyMembers.role, 'client')))
    .where(eq(families.id, familyId))
    .orderBy(familyMembers.createdAt)
    .limit(1);
  return row ?? null;
}

/** Why the two are the same client; empty when nothing shows it. */
async function duplicateEvidence(tx: Executor, familyId: string, duplicateId: string): Promise<{ reasons: DuplicateReason[]; duplicateVersion: number }> {
  const kept = await clientOf(tx, familyId);
  const duplicate = await clientOf(tx, duplicateId);
  if (!kept || !duplicate) throw new AppError('merge_not_duplicate');
  if (duplicate.mergedIntoId || kept.mergedIntoId) throw new AppError('already_processed');
  if (!kept.dateOfBirth || !duplicate.dateOfBirth) return { reasons: [], duplicateVersion: duplicate.version };
  const [candidate] = findDuplicateCandidates({ ...kept, dateOfBirth: kept.dateOfBirth }, [{ ...duplicate, dateOfBirth: duplicate.dateOfBirth }]);
  return { reasons: candidate ? [...candidate.reasons] : [], duplicateVersion: duplicate.version };
}

function sameMembers(left: readonly string[], right: readonly string[]): boolean {
  return left.length === right.length && left.every((item, index) => item === right[index]);
}

export async function mergeFamilies(ctx: UseCaseContext, familyId: string, input: z.infer<typeof mergeSchema>): Promise<Family> {
  const now = ctx.now();
  const actor = ctx.store.actor;
  let reasons: DuplicateReason[] = [];
  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'update',
    objectType: 'merge',
    perform: async (tx) => {
      if (input.duplicateId === familyId) invalid('body.duplicateId', 'Een registratie kan niet met zichzelf worden samengevoegd.');
      // Both rows locked, always in the same order: two merges of the same pair wait for each other.
      await tx.execute(sql`SELECT id FROM families WHERE id IN (${familyId}::uuid, ${input.duplicateId}::uuid) ORDER BY id FOR UPDATE`);
      const duplicateTarget = await locateFamily(tx, input.duplicateId, actor, now);
      if (!duplicateTarget) throw new AppError('not_found');
      const decision = decide(actor, 'family', 'update', duplicateTarget);
      if (!decision.isAllowed) throw new PolicyDenied('update', decision.reason);
      // A care relationship of the actor's own organisation with both files; an emergency access is not one.
      const organisationId = actor.organisationId;
      if (
        !organisationId ||
        !(await hasCareRelationship(tx, familyId, organisationId, now)) ||
        !(await hasCareRelationship(tx, input.duplicateId, organisationId, now))
      ) {
        throw new PolicyDenied('update', 'merge_without_care_relationship', 'merge_requires_care_relationship');
      }
      const evidence = await duplicateEvidence(tx, familyId, input.duplicateId);
      if (evidence.reasons.length === 0) throw new AppError('merge_not_duplicate');
      reasons = evidence.reasons;
      const [keptSeenBy, duplicateSeenBy] = [await whoMaySee(tx, familyId, now), await whoMaySee(tx, input.duplicateId, now)];
      if (
        !sameMembers(keptSeenBy.organisations, duplicateSeenBy.organisations) ||
        !sameMembers(keptSeenBy.emergencyAccessors, duplicateSeenBy.emergencyAccessors)
      ) {
        throw new AppError('merge_would_widen_access');
      }
      await claimFamilyVersion(tx, familyId, input.version, now);
      for (const table of FAMILY_RECORD_TABLES) {
        await tx.execute(sql`UPDATE ${sql.identifier(table)} SET family_id = ${familyId}::uuid WHERE family_id = ${input.duplicateId}::uuid`);
      }
      await tx.execute(sql`UPDATE family_members SET family_id = ${familyId}::uuid WHERE family_id = ${input.duplicateId}::uuid AND role <> 'client'`);
      await tx
        .update(families)
        .set({ mergedIntoId: familyId, version: evidence.duplicateVersion + 1, updatedAt: now })
        .where(eq(families.id, input.duplicateId));
      return (await findFamilyFile(tx, familyId, actor, now))!;
    },
    details: () => ({ mergedFamilyId: input.duplicateId, evidence: reasons }),
    alsoConcerns: () => [{ objectId: input.duplicateId, clientId: input.duplicateId, details: { mergedIntoFamilyId: familyId, evidence: reasons } }],
  });
}
