// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of consent and referrals (/api/v1/families/:familyId/consents, /consents, /referrals,
// /referral-overview): the closed loop between the sender and the receiving organisation.
import { z } from 'zod';
import { pageOf, pagingQuerySchema, dateStringSchema } from './common.js';
import { municipalityCodeSchema } from './reference.js';
import { sortParameter } from './sorting.js';
import { CONSENT_PURPOSES, DATA_CATEGORIES, REFERRAL_OUTCOMES, REFERRAL_STATUSES } from './referral-vocabulary.js';

/** NUL and lone surrogates cannot be stored as text: refused with a message instead. */
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const text = (max: number, tooLong: string) =>
  z
    .string({ error: 'Vul hier tekst in.' })
    .trim()
    .max(max, tooLong)
    .refine((value) => !UNSAFE_TEXT.test(value), 'Deze tekst bevat een ongeldig teken.');

const isoDateSchema = z.iso.date({ error: 'Vul een geldige datum in (JJJJ-MM-DD).' });
const uuidSchema = (message: string) => z.uuid({ error: message });

export const familyIdParamSchema = z.object({ familyId: z.uuid({ error: 'Geen geldige verwijzing naar een cliënt (UUID).' }) });

// ── Consent ─────────────────────────────────────────────────────────────────────────────────────

export const consentCreateSchema = z
  .object({
    givenBy: z.enum(['client', 'legal_representative'], { error: 'Kies wie de toestemming gaf: de cliënt of een wettelijk vertegenwoordiger.' }),
    /** Required when given by a legal representative. */
    representativeName: text(200, 'De naam is te lang.').optional(),
    receiverOrganisationId: uuidSchema('Kies de organisatie die de gegevens ontvangt.'),
    purposes: z
      .array(z.enum(CONSENT_PURPOSES, { error: 'Onbekend doel.' }))
      .min(1, 'Kies het doel van de toestemming.')
      .max(CONSENT_PURPOSES.length, 'Kies elk doel hooguit één keer.'),
    dataCategories: z
      .array(z.enum(DATA_CATEGORIES, { error: 'Onbekende soort gegevens.' }))
      .min(1, 'Kies welke gegevens gedeeld mogen worden.')
      .max(DATA_CATEGORIES.length, 'Kies elke soort gegevens hooguit één keer.'),
    form: z.enum(['verbal', 'written'], { error: 'Kies of de toestemming mondeling of schriftelijk is gegeven.' }),
    givenOn: isoDateSchema,
    validUntil: isoDateSchema,
  })
  .meta({ id: 'ConsentCreate' });
export type ConsentCreate = z.infer<typeof consentCreateSchema>;

export const consentStatusSchema = z.enum(['valid', 'not_yet_valid', 'expired', 'withdrawn']);
export type ConsentStatus = z.infer<typeof consentStatusSchema>;

export const consentSchema = z
  .object({
    id: z.uuid(),
    familyId: z.uuid(),
    givenBy: z.enum(['client', 'legal_representative']),
    representativeName: z.string().nullable(),
    receiverOrganisationId: z.uuid(),
    receiverOrganisationName: z.string(),
    purposes: z.array(z.string()),
    dataCategories: z.array(z.string()),
    form: z.enum(['verbal', 'written']),
    givenOn: dateStringSchema,
    validUntil: dateStringSchema,
    withdrawnAt: z.iso.datetime().nullable(),
    status: consentStatusSchema,
    recordedByOrganisationName: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Consent' });
export type Consent = z.infer<typeof consentSchema>;

export const consentWithdrawalSchema = z
  .object({ consent: consentSchema, cancelledReferralCount: z.number().int(), endedCareRelationshipCount: z.number().int() })
  .meta({ id: 'ConsentWithdrawal' });
export type ConsentWithdrawal = z.infer<typeof consentWithdrawalSchema>;

// ── Referral ────────────────────────────────────────────────────────────────────────────────────

export const referralStatusSchema = z.enum(REFERRAL_STATUSES);
export const referralOutcomeSchema = z.enum(REFERRAL_OUTCOMES, { error: 'Kies de uitkomst van de verwijzing.' });
export type ReferralStatusCode = z.infer<typeof referralStatusSchema>;
export type ReferralOutcomeCode = z.infer<typeof referralOutcomeSchema>;

const idempotencyKeySchema = z
  .string({ error: 'Een idempotentiesleutel is verplicht.' })
  .regex(/^[A-Za-z0-9_-]{8,100}$/, 'De idempotentiesleutel bestaat uit 8 tot 100 letters, cijfers, - of _.');

const reasonSchema = text(2000, 'De reden is te lang (hooguit 2000 tekens).');
const justificationSchema = text(2000, 'De onderbouwing is te lang (hooguit 2000 tekens).');
const legalGroundSchema = text(60, 'Onbekende wettelijke grond.');

export const referralCreateSchema = z
  .object({
    familyId: uuidSchema('Geen geldige verwijzing naar een cliënt (UUID).'),
    receiverOrganisationId: uuidSchema('Kies de organisatie waarnaar u verwijst.'),
    reason: reasonSchema,
    factorKeys: z.array(text(60, 'Onbekende factor.')).max(40, 'Kies hooguit 40 factoren.').default([]),
    screeningId: uuidSchema('Geen geldige verwijzing naar een screening (UUID).').optional(),
    /** A valid consent of the family for this receiver with purpose 'referral'… */
    consentId: uuidSchema('Geen geldige verwijzing naar een toestemming (UUID).').optional(),
    /** …or, without consent, a legal ground with its justification (flagged for review). */
    legalGround: legalGroundSchema.optional(),
    justification: justificationSchema.optional(),
    /**
     * …or neither: the referral is prepared and waits for the client's own consent in Mijn Kansrijke
     * Start (stored as a draft the receiver cannot see; her consent sends it).
     */
    awaitClientConsent: z.boolean({ error: 'Kies of de verwijzing wacht op toestemming van de cliënt (ja of nee).' }).optional(),
    /** Generated once per form: sending the same form twice creates one referral. */
    idempotencyKey: idempotencyKeySchema,
  })
  .meta({ id: 'ReferralCreate' });
export type ReferralCreate = z.input<typeof referralCreateSchema>;

export const REFERRAL_TRANSITION_EVENTS = ['receive', 'accept', 'reject', 'start', 'complete', 'cancel', 'hold', 'resume', 'assign'] as const;
export type ReferralTransitionEvent = (typeof REFERRAL_TRANSITION_EVENTS)[number];

export const referralTransitionSchema = z
  .object({
    event: z.enum(REFERRAL_TRANSITION_EVENTS, { error: 'Onbekende stap.' }),
    /** Reject, cancel, hold: why (the other organisation reads it). */
    reason: text(2000, 'De reden is te lang (hooguit 2000 tekens).').optional(),
    /** Complete: the closed-loop outcome. */
    outcome: referralOutcomeSchema.optional(),
    note: text(2000, 'De toelichting is te lang (hooguit 2000 tekens).').optional(),
    /** The version the user saw; a newer one means somebody else changed it meanwhile. */
    version: z.number({ error: 'De versie ontbreekt.' }).int().min(1).max(1_000_000),
  })
  .meta({ id: 'ReferralTransition' });
export type ReferralTransition = z.infer<typeof referralTransitionSchema>;

export const referralForwardSchema = z
  .object({
    toOrganisationId: uuidSchema('Kies de organisatie waarnaar u doorstuurt.'),
    reason: text(2000, 'De reden is te lang (hooguit 2000 tekens).'),
    consentId: uuidSchema('Geen geldige verwijzing naar een toestemming (UUID).').optional(),
    legalGround: legalGroundSchema.optional(),
    justification: justificationSchema.optional(),
    version: z.number({ error: 'De versie ontbreekt.' }).int().min(1).max(1_000_000),
  })
  .meta({ id: 'ReferralForward' });
export type ReferralForward = z.infer<typeof referralForwardSchema>;

const organisationRefSchema = z.object({ organisationId: z.uuid(), organisationName: z.string() });

/** What the receiver sees of the family under the consent; the sender sees it from its own file. */
export const sharedClientSchema = z
  .object({
    name: z.string(),
    birthDate: dateStringSchema.nullable(),
    dueDate: dateStringSchema.nullable(),
    postcode: z.string().nullable(),
    contactChannel: z.string().nullable(),
    contactLanguage: z.string().nullable(),
    doNotContact: z.boolean().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  })
  .meta({ id: 'ReferralSharedClient' });
export type SharedClient = z.infer<typeof sharedClientSchema>;

export const referralHistoryItemSchema = z.object({
  status: referralStatusSchema,
  outcome: referralOutcomeSchema.nullable(),
  reason: z.string().nullable(),
  at: z.iso.datetime(),
  actorName: z.string().nullable(),
  organisationName: z.string().nullable(),
});

export const referralChainItemSchema = z.object({
  id: z.uuid(),
  senderOrganisationName: z.string(),
  receiverOrganisationName: z.string(),
  status: referralStatusSchema,
  outcome: referralOutcomeSchema.nullable(),
  requestedAt: z.iso.datetime().nullable(),
  isCurrent: z.boolean(),
  /** The actor's organisation sent it, or receives it under a valid basis: it may be opened. */
  mayOpen: z.boolean(),
});

/** `open_file`: the person may open the client's file (the family) now, e.g. the receiver after accepting. */
export const REFERRAL_ACTIONS = ['receive', 'accept', 'reject', 'start', 'complete', 'cancel', 'hold', 'resume', 'forward', 'assign', 'open_file'] as const;

export const referralSchema = z
  .object({
    id: z.uuid(),
    familyId: z.uuid(),
    /** How the actor relates to it: the sender follows, the receiver works on it. */
    role: z.enum(['sender', 'receiver']),
    status: referralStatusSchema,
    statusReason: z.string().nullable(),
    /** While on hold: the status it returns to on resume (who may resume depends on it). */
    resumeTo: referralStatusSchema.nullable(),
    outcome: referralOutcomeSchema.nullable(),
    isOverdue: z.boolean(),
    requestedAt: z.iso.datetime().nullable(),
    respondBy: z.iso.datetime().nullable(),
    respondedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    sender: organisationRefSchema.extend({ personName: z.string() }),
    receiver: organisationRefSchema,
    municipalityCode: z.string(),
    municipalityName: z.string(),
    consentId: z.uuid().nullable(),
    legalGround: z.string().nullable(),
    justification: z.string().nullable(),
    /** Sent without consent on a legal ground: reviewed afterwards. */
    isFlaggedForReview: z.boolean(),
    /** Null for the receiver when the consent does not cover the reason. */
    reason: z.string().nullable(),
    factorKeys: z.array(z.string()),
    screeningId: z.uuid().nullable(),
    assignedTo: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    forwardedFromId: z.uuid().nullable(),
    forwardedToId: z.uuid().nullable(),
    version: z.number().int(),
    client: sharedClientSchema.nullable(),
    history: z.array(referralHistoryItemSchema),
    /** Every referral linked by forwarding, oldest first (no client data). */
    chain: z.array(referralChainItemSchema),
    /** The steps the current person may take now (access policy and state machine): only these are offered. */
    allowedActions: z.array(z.enum(REFERRAL_ACTIONS)),
  })
  .meta({ id: 'Referral' });
export type Referral = z.infer<typeof referralSchema>;

export const referralListItemSchema = z
  .object({
    id: z.uuid(),
    familyId: z.uuid(),
    role: z.enum(['sender', 'receiver']),
    status: referralStatusSchema,
    outcome: referralOutcomeSchema.nullable(),
    isOverdue: z.boolean(),
    isFlaggedForReview: z.boolean(),
    requestedAt: z.iso.datetime().nullable(),
    respondBy: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
    senderOrganisationName: z.string(),
    receiverOrganisationId: z.uuid(),
    receiverOrganisationName: z.string(),
    /** Sent and not finished (not rejected, completed or cancelled): a second one to the same receiver is probably double. */
    isOpen: z.boolean(),
    municipalityCode: z.string(),
    municipalityName: z.string(),
    assignedToName: z.string().nullable(),
    clientName: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ReferralListItem' });
export type ReferralListItem = z.infer<typeof referralListItemSchema>;
export const referralPageSchema = pageOf(referralListItemSchema, 'ReferralPage');

export const REFERRAL_BOXES = ['incoming', 'outgoing'] as const;
export const REFERRAL_FILTERS = ['new', 'overdue', 'assigned_to_me', 'open'] as const;

/**
 * The fields an inbox or outbox sorts on (`sorteer`); by default overdue first, then the oldest
 * waiting, then the latest change. Never the client's name: the receiver does not always see it.
 */
export const REFERRAL_SORT_FIELDS = [
  'respondBy',
  'requestedAt',
  'updatedAt',
  'status',
  'municipalityName',
  'senderOrganisationName',
  'receiverOrganisationName',
] as const;

export const referralQuerySchema = pagingQuerySchema.extend({
  box: z.enum(REFERRAL_BOXES, { error: 'Kies inkomend of uitgaand.' }).default('incoming'),
  filter: z.enum(REFERRAL_FILTERS, { error: 'Onbekend filter.' }).optional(),
  municipality: municipalityCodeSchema.optional(),
  sorteer: sortParameter(REFERRAL_SORT_FIELDS),
});
export type ReferralQuery = z.infer<typeof referralQuerySchema>;

export const familyReferralsSchema = z
  .object({ consents: z.array(consentSchema), referrals: z.array(referralListItemSchema) })
  .meta({ id: 'FamilyReferrals' });
export type FamilyReferrals = z.infer<typeof familyReferralsSchema>;

/**
 * A referral the actor's organisation received that it can no longer see because the client withdrew
 * the consent: why it disappeared from the inbox. The client's name only while the organisation still
 * sees the family on another basis.
 */
export const consentWithdrawalNoticeSchema = z
  .object({
    withdrawnAt: z.iso.datetime(),
    senderOrganisationName: z.string(),
    clientName: z.string().nullable(),
  })
  .meta({ id: 'ConsentWithdrawalNotice' });
export type ConsentWithdrawalNotice = z.infer<typeof consentWithdrawalNoticeSchema>;
export const consentWithdrawalNoticeListSchema = z.object({ items: z.array(consentWithdrawalNoticeSchema) }).meta({ id: 'ConsentWithdrawalNoticeList' });

// ── Overview for the coalition coordinator ────────────────────────────────────────────────────────

export const overdueReferralSchema = z
  .object({
    senderOrganisationName: z.string(),
    receiverOrganisationName: z.string(),
    municipalityCode: z.string(),
    municipalityName: z.string(),
    /** The last working day to respond on. */
    dueDate: dateStringSchema,
    daysOverdue: z.number().int(),
  })
  .meta({ id: 'OverdueReferral' });
export type OverdueReferral = z.infer<typeof overdueReferralSchema>;
export const overdueReferralPageSchema = pageOf(overdueReferralSchema, 'OverdueReferralPage');

export const overdueQuerySchema = pagingQuerySchema.extend({ municipality: municipalityCodeSchema.optional() });
