// SPDX-License-Identifier: EUPL-1.2
// Records a client's consent to share data with one receiving organisation: part of the family's
// file, so an act on the family (care relationship or emergency access), audited with the client.
import { sql } from 'drizzle-orm';
import type { Consent, ConsentCreate } from '../../../contracts/referrals.js';
import { AppError } from '../../platform/errors.js';
import { actOnFamily } from '../families/care-access.js';
import { consentSchema as domainConsentSchema, type ConsentPurpose, type DataCategory } from './domain/consent.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import { amsterdamMidnight } from './domain/deadline.js';
import { activeOrganisation, findConsents, toConsent, type UseCaseContext } from './store.js';
import { consents } from './schema.js';

function invalid(path: string, message: string): never {
  throw new AppError('validation_failed', { message, errors: [{ path, message }] });
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function recordConsent(ctx: UseCaseContext, familyId: string, input: ConsentCreate): Promise<Consent> {
  const now = ctx.now();
  const today = amsterdamDate(now);
  const purposes = [...new Set(input.purposes)] as ConsentPurpose[];
  const dataCategories = [...new Set(input.dataCategories)] as DataCategory[];
  const representativeName = input.givenBy === 'legal_representative' ? (input.representativeName ?? '').trim() : null;

  // The domain's rules on the consent itself (given by whom, dates), checked for the first purpose.
  const checked = domainConsentSchema.safeParse({
    id: 'new',
    givenBy: input.givenBy === 'client' ? { kind: 'client' } : { kind: 'legal_representative', name: representativeName, relationship: 'other' },
    receivingOrganisationId: input.receiverOrganisationId,
    purpose: purposes[0],
    dataCategories,
    form: input.form,
    givenAt: amsterdamMidnight(input.givenOn),
    validUntil: amsterdamMidnight(input.validUntil),
    withdrawnAt: null,
  });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const field = issue.path[0] === 'givenBy' ? 'representativeName' : String(issue.path[0] ?? '');
    invalid(field, issue.message);
  }
  if (input.givenOn > today) invalid('givenOn', 'De datum van toestemming kan niet in de toekomst liggen.');
  if (input.givenOn < addDays(today, -366)) invalid('givenOn', 'De datum van toestemming ligt meer dan een jaar terug; vraag opnieuw toestemming.');
  if (input.validUntil < today) invalid('validUntil', 'De einddatum van de toestemming ligt in het verleden.');
  if (input.validUntil > addDays(input.givenOn, 3 * 366)) invalid('validUntil', 'Toestemming geldt hooguit drie jaar; kies een eerdere einddatum.');
  if (input.receiverOrganisationId === ctx.store.actor.organisationId) {
    invalid('receiverOrganisationId', 'Kies een andere organisatie dan uw eigen organisatie.');
  }

  return actOnFamily(ctx.store, ctx.now, {
    familyId,
    action: 'update',
    objectType: 'consent',
    perform: async (tx) => {
      await activeOrganisation(tx, input.receiverOrganisationId, 'receiverOrganisationId');
      const [row] = await tx
        .insert(consents)
        .values({
          familyId,
          givenBy: input.givenBy,
          representativeName,
          receiverOrganisationId: input.receiverOrganisationId,
          purposes,
          dataCategories,
          form: input.form,
          givenOn: input.givenOn,
          validUntil: input.validUntil,
          recordedById: ctx.store.actor.personId,
          recordedByOrganisationId: ctx.store.actor.organisationId!,
          createdAt: now,
        })
        .returning({ id: consents.id });
      const [consent] = await findConsents(tx, sql`c.id = ${row!.id}::uuid`);
      return toConsent(consent!, now);
    },
    details: (consent) => ({ consentId: consent.id, receiverOrganisationId: consent.receiverOrganisationId, purposes: consent.purposes }),
  });
}
