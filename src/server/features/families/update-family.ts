// SPDX-License-Identifier: EUPL-1.2
// Changes a family's personal data and contact preferences. Based on the version the professional
// saw: if someone changed the family in between, nothing is saved (stale_version).
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Family, familyUpdateSchema } from '../../../contracts/families.js';
import type { Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { actOnFamily } from './care-access.js';
import { families, familyMembers } from './schema.js';
import { findFamilyFile, insertPartner, nameKeysOf, type UseCaseContext } from './store.js';
import { checkMunicipality, checkParentBirthDate, checkedBsn, checkedPostcode } from './validate-input.js';

/** Claims the next version of a family, or refuses when the change was based on an older one. */
export async function claimFamilyVersion(tx: Executor, familyId: string, version: number, now: Date): Promise<void> {
  const updated = await tx
    .update(families)
    .set({ version: version + 1, updatedAt: now })
    .where(and(eq(families.id, familyId), eq(families.version, version)))
    .returning({ id: families.id });
  if (updated.length === 0) throw new AppError('stale_version');
}

export async function updateFamily(ctx: UseCaseContext, familyId: string, input: z.infer<typeof familyUpdateSchema>): Promise<Family> {
  const now = ctx.now();
  const today = amsterdamDate(now);
  const bsn = input.client?.bsn === undefined ? undefined : checkedBsn(input.client.bsn, 'body.client.bsn');
  const postcode = input.postcode === undefined ? undefined : checkedPostcode(input.postcode, 'body.postcode');
  if (input.client?.birthDate) checkParentBirthDate(input.client.birthDate, today, 'body.client.birthDate');
  const changes: string[] = [];
  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'update',
    objectType: 'family',
    perform: async (tx) => {
      await claimFamilyVersion(tx, familyId, input.version, now);
      if (input.municipalityCode) await checkMunicipality(tx, input.municipalityCode, 'body.municipalityCode');
      const familyChanges = {
        ...(postcode !== undefined ? { postcode } : {}),
        ...(input.municipalityCode ? { municipalityCode: input.municipalityCode } : {}),
        ...(input.contact?.channel ? { contactChannel: input.contact.channel } : {}),
        ...(input.contact?.language ? { contactLanguage: input.contact.language } : {}),
        ...(input.contact?.doNotContact !== undefined ? { doNotContact: input.contact.doNotContact } : {}),
        ...(input.contact?.phone !== undefined ? { phone: input.contact.phone || null } : {}),
        ...(input.contact?.email !== undefined ? { email: input.contact.email || null } : {}),
      };
      if (Object.keys(familyChanges).length > 0) {
        await tx.update(families).set(familyChanges).where(eq(families.id, familyId));
        changes.push(...Object.keys(familyChanges));
      }
      const [client] = await tx
        .select()
        .from(familyMembers)
        .where(and(eq(familyMembers.familyId, familyId), eq(familyMembers.role, 'client')));
      if (input.client && client) {
        const givenName = input.client.givenName ?? client.givenName;
        const familyName = input.client.familyName ?? client.familyName;
        await tx
          .update(familyMembers)
          .set({
            givenName,
            familyName,
            ...nameKeysOf(givenName, familyName),
            ...(input.client.birthDate ? { birthDate: input.client.birthDate } : {}),
            ...(bsn !== undefined ? { bsn } : {}),
          })
          .where(eq(familyMembers.id, client.id));
        changes.push('client');
      }
      if (input.partner !== undefined) {
        await tx.delete(familyMembers).where(and(eq(familyMembers.familyId, familyId), eq(familyMembers.role, 'partner')));
        if (input.partner) await insertPartner(tx, familyId, input.partner);
        changes.push('partner');
      }
      return (await findFamilyFile(tx, familyId, ctx.store.actor, now))!;
    },
    // Which parts changed, never their values.
    details: () => ({ changes }),
  });
}
