// SPDX-License-Identifier: EUPL-1.2
// Merges a duplicate registration into this family. Everything recorded under the duplicate moves
// here; the duplicate itself stays, marked as merged, with its client record — so history (and the
// access log under its id) is kept. The professional must be allowed to change both families.
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Family, mergeSchema } from '../../../contracts/families.js';
import { decide } from '../../platform/access/policy.js';
import { PolicyDenied } from '../../platform/access/scoped-store.js';
import { AppError } from '../../platform/errors.js';
import { actOnFamily, locateFamily } from './care-access.js';
import { families } from './schema.js';
import { findFamilyFile, type UseCaseContext } from './store.js';
import { claimFamilyVersion } from './update-family.js';
import { invalid } from './validate-input.js';

/** Every table whose rows belong to a family and move with a merge (the client record and care relationships stay; the latter are copied). */
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

export async function mergeFamilies(ctx: UseCaseContext, familyId: string, input: z.infer<typeof mergeSchema>): Promise<Family> {
  const now = ctx.now();
  const actor = ctx.store.actor;
  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'update',
    objectType: 'merge',
    perform: async (tx) => {
      if (input.duplicateId === familyId) invalid('body.duplicateId', 'Een registratie kan niet met zichzelf worden samengevoegd.');
      const duplicateTarget = await locateFamily(tx, input.duplicateId, actor, now);
      if (!duplicateTarget) throw new AppError('not_found');
      const decision = decide(actor, 'family', 'update', duplicateTarget);
      if (!decision.isAllowed) throw new PolicyDenied('update', decision.reason);
      const [duplicate] = await tx.select({ mergedIntoId: families.mergedIntoId, version: families.version }).from(families).where(eq(families.id, input.duplicateId));
      if (duplicate!.mergedIntoId) throw new AppError('already_processed');
      await claimFamilyVersion(tx, familyId, input.version, now);
      for (const table of FAMILY_RECORD_TABLES) {
        await tx.execute(sql`UPDATE ${sql.identifier(table)} SET family_id = ${familyId}::uuid WHERE family_id = ${input.duplicateId}::uuid`);
      }
      // Whoever could see the duplicate can see the merged family; the duplicate stays visible to them (its history).
      await tx.execute(sql`INSERT INTO care_relationships (family_id, organisation_id, basis, referral_id, consent_id, legal_ground, started_at, ended_at)
        SELECT ${familyId}::uuid, organisation_id, basis, referral_id, consent_id, legal_ground, started_at, ended_at
        FROM care_relationships WHERE family_id = ${input.duplicateId}::uuid`);
      await tx.execute(sql`UPDATE family_members SET family_id = ${familyId}::uuid WHERE family_id = ${input.duplicateId}::uuid AND role <> 'client'`);
      await tx
        .update(families)
        .set({ mergedIntoId: familyId, version: duplicate!.version + 1, updatedAt: now })
        .where(and(eq(families.id, input.duplicateId)));
      return (await findFamilyFile(tx, familyId, actor, now))!;
    },
    details: () => ({ mergedFamilyId: input.duplicateId }),
  });
}
