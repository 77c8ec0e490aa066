// SPDX-License-Identifier: EUPL-1.2
// A parent registers herself, without login, for a prenatal home visit or a talk about a wish for a
// child. It goes to the youth health care organisation of her municipality (found through the local
// offer), with her own consent recorded as given by the client. The same idempotency key again returns
// the first registration; the write and its audit row (a client action, no personal data in it) are one transaction.
import { eq } from 'drizzle-orm';
import { SELF_REGISTRATION_CONSENT_VERSION, type SelfRegistrationInput, type SelfRegistrationReceipt } from '../../../contracts/parents-public.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestOrigin } from '../../platform/access/scoped-store.js';
import { appendAuditEvent } from '../../platform/audit/audit-log.js';
import { AppError } from '../../platform/errors.js';
import { organisations } from '../organisations/schema.js';
import { parentMunicipalities, youthHealthCareIn } from '../parent-offer/store.js';
import { selfRegistrations } from './schema.js';

const text = nl.parentsPublic;

export interface SelfRegistrationContext {
  db: Executor;
  now: () => Date;
  origin: RequestOrigin;
}

/** The audit role of a parent acting without an account. */
export const CLIENT_AUDIT_ROLE = 'client';

function invalid(path: string, message: string): never {
  throw new AppError('validation_failed', { message, errors: [{ path: `body.${path}`, message }] });
}

async function receiptOf(tx: Executor, id: string): Promise<SelfRegistrationReceipt> {
  const [row] = await tx
    .select({ id: selfRegistrations.id, receiverOrganisationName: organisations.name, createdAt: selfRegistrations.createdAt })
    .from(selfRegistrations)
    .innerJoin(organisations, eq(organisations.id, selfRegistrations.receiverOrganisationId))
    .where(eq(selfRegistrations.id, id));
  return { id: row!.id, receiverOrganisationName: row!.receiverOrganisationName, createdAt: row!.createdAt.toISOString() };
}

export async function registerSelf(ctx: SelfRegistrationContext, input: SelfRegistrationInput): Promise<{ receipt: SelfRegistrationReceipt; isNew: boolean }> {
  const now = ctx.now();
  return ctx.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Executor;
    const [earlier] = await tx.select({ id: selfRegistrations.id }).from(selfRegistrations).where(eq(selfRegistrations.idempotencyKey, input.idempotencyKey));
    if (earlier) return { receipt: await receiptOf(tx, earlier.id), isNew: false };

    const [place] = await parentMunicipalities(tx, input.municipalityCode);
    if (!place) invalid('municipalityCode', text.errorMunicipality);
    const receiver = await youthHealthCareIn(tx, input.municipalityCode, now);
    if (!receiver) invalid('municipalityCode', text.errorNoReceiver);

    // Two identical submits racing: the unique key lets one insert through; the other returns it.
    const [inserted] = await tx
      .insert(selfRegistrations)
      .values({
        idempotencyKey: input.idempotencyKey,
        kind: input.kind,
        municipalityCode: input.municipalityCode,
        receiverOrganisationId: receiver.id,
        name: input.name,
        phone: input.phone,
        email: input.email,
        contactBy: input.contactBy,
        contactMoments: [...new Set(input.contactMoments)],
        language: input.language,
        noMessages: input.noMessages,
        onlyAtMoments: input.onlyAtMoments,
        consentGivenBy: 'client',
        consentVersion: SELF_REGISTRATION_CONSENT_VERSION,
        consentGivenAt: now,
        createdAt: now,
      })
      .onConflictDoNothing({ target: selfRegistrations.idempotencyKey })
      .returning({ id: selfRegistrations.id });
    if (!inserted) {
      const [first] = await tx.select({ id: selfRegistrations.id }).from(selfRegistrations).where(eq(selfRegistrations.idempotencyKey, input.idempotencyKey));
      if (!first) throw new AppError('conflict');
      return { receipt: await receiptOf(tx, first.id), isNew: false };
    }
    // The registration is the client's record until the organisation links it to a family: it names her in the log.
    await appendAuditEvent(
      tx,
      {
        action: 'create',
        outcome: 'success',
        role: CLIENT_AUDIT_ROLE,
        organisationId: receiver.id,
        objectType: 'self_registration',
        objectId: inserted.id,
        clientId: inserted.id,
        sourceIp: ctx.origin.sourceIp,
        userAgent: ctx.origin.userAgent,
        details: { kind: input.kind, municipalityCode: input.municipalityCode, consentGivenBy: 'client', consentVersion: SELF_REGISTRATION_CONSENT_VERSION },
      },
      now,
    );
    return { receipt: await receiptOf(tx, inserted.id), isNew: true };
  });
}
