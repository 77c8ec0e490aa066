// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of Mijn Kansrijke Start (/api/v1/my/…): what a logged-in parent sees of their own
// file — who helps, appointments, referrals and their status (never professionals' notes), consents,
// who looked at the file — and the reasons a parent's login is refused.
import { z } from 'zod';
import { consentSchema, referralStatusSchema } from './referrals.js';
import { dateStringSchema } from './common.js';
import { HOME_VISIT_STATUSES } from './care.js';
import { DATA_CATEGORIES } from './referral-vocabulary.js';

/**
 * Why a parent's login was refused; the login page explains each in plain Dutch
 * (/mijn/inloggen?fout=<reason>).
 */
export const PARENT_LOGIN_REFUSALS = ['no_bsn', 'invalid_bsn', 'level_too_low', 'no_file', 'provider'] as const;
export type ParentLoginRefusal = (typeof PARENT_LOGIN_REFUSALS)[number];

/** The role an audit row names when the parent acted themselves. */
export const PARENT_ROLE = 'parent';

export const myFamilyParamSchema = z.object({ familyId: z.uuid({ error: 'Geen geldige verwijzing naar een dossier (UUID).' }) });
export const myConsentParamSchema = z.object({
  familyId: z.uuid({ error: 'Geen geldige verwijzing naar een dossier (UUID).' }),
  consentId: z.uuid({ error: 'Geen geldige verwijzing naar een toestemming (UUID).' }),
});

export const myReferralParamSchema = z.object({
  familyId: z.uuid({ error: 'Geen geldige verwijzing naar een dossier (UUID).' }),
  referralId: z.uuid({ error: 'Geen geldige verwijzing naar een verwijzing (UUID).' }),
});

/** The parent gave consent for a referral that waited for it: the consent, and the referral's status now. */
export const myConsentGivenSchema = z
  .object({ consent: consentSchema, referralId: z.uuid(), referralStatus: referralStatusSchema })
  .meta({ id: 'MyConsentGiven' });
export type MyConsentGiven = z.infer<typeof myConsentGivenSchema>;

export const mySessionSchema = z
  .object({
    givenName: z.string(),
    /** The parent's own files (by family id); the first is shown. */
    familyIds: z.array(z.uuid()),
    levelOfAssurance: z.string(),
    idleTimeoutSeconds: z.number().int(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'MySession' });
export type MySession = z.infer<typeof mySessionSchema>;

export const myStartSchema = z
  .object({
    familyId: z.uuid(),
    /** Organisations with an active care relationship. */
    helpers: z.array(z.object({ organisationId: z.uuid(), organisationName: z.string(), since: z.iso.datetime() })),
    /** Planned home visits and contact moments. */
    appointments: z.array(z.object({ id: z.uuid(), organisationName: z.string(), plannedOn: dateStringSchema, status: z.enum(HOME_VISIT_STATUSES) })),
    /** Referrals and their status: from whom to whom, when; never the reason or notes. */
    referrals: z.array(
      z.object({
        id: z.uuid(),
        senderOrganisationName: z.string(),
        receiverOrganisationName: z.string(),
        status: referralStatusSchema,
        requestedAt: z.iso.datetime().nullable(),
        updatedAt: z.iso.datetime(),
      }),
    ),
    consents: z.array(consentSchema),
    /**
     * Referrals a professional prepared that wait for the parent's own consent before they are sent:
     * who asks, to whom, and which kinds of data the receiver would get.
     */
    awaitingConsent: z.array(
      z.object({
        id: z.uuid(),
        senderOrganisationName: z.string(),
        receiverOrganisationName: z.string(),
        dataCategories: z.array(z.enum(DATA_CATEGORIES)),
        preparedAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: 'MyStart' });
export type MyStart = z.infer<typeof myStartSchema>;

export const myAccessLogEntrySchema = z
  .object({
    at: z.iso.datetime(),
    /** Null when the parent acted themselves, or for a login attempt. */
    organisationName: z.string().nullable(),
    role: z.string().nullable(),
    action: z.string(),
    objectType: z.string().nullable(),
    outcome: z.string(),
    isOwnAction: z.boolean(),
    /** Set for access by breaking the glass: whether the organisation has reviewed it yet. */
    emergency: z.enum(['pending_review', 'reviewed']).nullable(),
  })
  .meta({ id: 'MyAccessLogEntry' });
export type MyAccessLogEntry = z.infer<typeof myAccessLogEntrySchema>;
export const myAccessLogSchema = z.object({ items: z.array(myAccessLogEntrySchema) }).meta({ id: 'MyAccessLog' });
export type MyAccessLog = z.infer<typeof myAccessLogSchema>;

/** A parent's children in Kansrijk (issue 15 item 5): born, under 12, and under the parent's authority. */
export const myChildParamSchema = z.object({ childId: z.uuid({ error: 'Geen geldige verwijzing naar een kind (UUID).' }) });

export const myChildSummarySchema = z
  .object({
    childId: z.uuid(),
    givenName: z.string(),
    /** Closed (afgeschermd): the child's page shows a neutral message and none of the child's data. */
    isClosed: z.boolean(),
  })
  .meta({ id: 'MyChildSummary' });
export const myChildrenSchema = z.object({ items: z.array(myChildSummarySchema) }).meta({ id: 'MyChildren' });
export type MyChildren = z.infer<typeof myChildrenSchema>;

export const myChildSchema = z
  .discriminatedUnion('isClosed', [
    z.object({ childId: z.uuid(), isClosed: z.literal(true) }),
    z.object({
      childId: z.uuid(),
      isClosed: z.literal(false),
      givenName: z.string(),
      familyName: z.string(),
      birthDate: dateStringSchema,
      /** From the birth as recorded by the midwife or maternity care; null when not recorded here. */
      birth: z.object({ gestationalAgeDays: z.number().int(), birthWeightGrams: z.number().int() }).nullable(),
      /** Planned JGZ contact moments since the birth (the child's, never the other parent's own appointments). */
      contacts: z.array(z.object({ kind: z.string(), plannedOn: dateStringSchema, organisationName: z.string() })),
    }),
  ])
  .meta({ id: 'MyChild' });
export type MyChild = z.infer<typeof myChildSchema>;
