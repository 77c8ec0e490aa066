// SPDX-License-Identifier: EUPL-1.2
// Registers an (expecting) parent: client, optional partner and pregnancy, contact preferences. The
// registering organisation gets the care relationship. Possible duplicates among the families the
// professional may see stop the registration until they confirm it is someone else. The same person
// in a file of another organisation only gives a warning (possibleDuplicateElsewhere), which reveals
// nothing about that file: not whose it is, not where.
import type { z } from 'zod';
import type { Family, familyCreateSchema } from '../../../contracts/families.js';
import { AppError } from '../../platform/errors.js';
import { AttemptFailed } from '../../platform/access/scoped-store.js';
import { unwrap } from '../../platform/domain/result.js';
import { careRelationships, families, familyMembers, pregnancies } from './schema.js';
import { validateDueDate } from './domain/pregnancy.js';
import { DUPLICATE_REASON_LABELS } from './domain/bsn.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { findDuplicates, findFamilyFile, hasDuplicateElsewhere, insertPartner, nameKeysOf, type UseCaseContext } from './store.js';
import { checkMunicipality, checkParentBirthDate, checkedBsn, checkedPostcode } from './validate-input.js';

export async function registerFamily(ctx: UseCaseContext, input: z.infer<typeof familyCreateSchema>): Promise<Family> {
  const now = ctx.now();
  const today = amsterdamDate(now);
  const actor = ctx.store.actor;
  const bsn = checkedBsn(input.client.bsn, 'body.client.bsn');
  const postcode = checkedPostcode(input.postcode, 'body.postcode');
  checkParentBirthDate(input.client.birthDate, today, 'body.client.birthDate');
  const pregnancy = input.pregnancy ? { ...unwrap(validateDueDate(input.pregnancy.dueDate, today)), parity: input.pregnancy.parity } : null;
  const organisationId = actor.organisationId;
  if (!organisationId) throw new AppError('forbidden');
  const created = await ctx.store.create({
    resource: 'family',
    target: { organisationIds: [organisationId] },
    perform: async (tx) => {
      await checkMunicipality(tx, input.municipalityCode, 'body.municipalityCode');
      if (!input.confirmNotDuplicate) {
        const duplicates = await findDuplicates(tx, actor, now, { ...input.client, bsn, postcode });
        if (duplicates.length > 0) {
          // The warning shows the other files' names: audited (after the rollback) as a failed registration naming those clients.
          throw new AttemptFailed(new AppError('duplicate_family', {
            errors: duplicates.map((candidate) => ({
              path: `duplicates.${candidate.familyId}`,
              message: `${candidate.clientName} (${candidate.birthDate ?? '?'}, ${candidate.postcode ?? '?'}): ${candidate.reasons.map((reason) => DUPLICATE_REASON_LABELS[reason]).join(', ')}`,
            })),
          }), 'possible_duplicate', duplicates.map((candidate) => candidate.familyId));
        }
      }
      const possibleDuplicateElsewhere = await hasDuplicateElsewhere(tx, actor, now, { ...input.client, bsn, postcode });
      const [family] = await tx
        .insert(families)
        .values({
          municipalityCode: input.municipalityCode,
          postcode,
          registeredByOrganisationId: organisationId,
          contactChannel: input.contact.channel,
          contactLanguage: input.contact.language,
          doNotContact: input.contact.doNotContact,
          phone: input.contact.phone || null,
          email: input.contact.email || null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: families.id });
      const familyId = family!.id;
      await tx.insert(familyMembers).values({
        familyId,
        role: 'client',
        givenName: input.client.givenName,
        familyName: input.client.familyName,
        ...nameKeysOf(input.client.givenName, input.client.familyName),
        birthDate: input.client.birthDate,
        bsn,
        sex: 'female',
      });
      if (input.partner) await insertPartner(tx, familyId, input.partner);
      if (pregnancy) await tx.insert(pregnancies).values({ familyId, dueDate: pregnancy.dueDate, parity: pregnancy.parity });
      await tx.insert(careRelationships).values({ familyId, organisationId, basis: 'registered', startedAt: now });
      return { id: familyId, file: (await findFamilyFile(tx, familyId, actor, now))!, possibleDuplicateElsewhere };
    },
    clientId: (result) => result.id,
  });
  return created.possibleDuplicateElsewhere ? { ...created.file, possibleDuplicateElsewhere: true } : created.file;
}
