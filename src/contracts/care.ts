// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of the care part of the chain: the prenatal home visit by the JGZ, enrolments in
// interventions of the menukaart, outcomes (birth, around age two) and the JGZ caseload (klantroutes).
import { z } from 'zod';
import { pageOf, pagingQuerySchema, dateStringSchema } from './common.js';
import { sortParameter } from './sorting.js';

const DATE_MESSAGE = 'Vul een geldige datum in (JJJJ-MM-DD).';
export const isoDateSchema = z.string({ message: DATE_MESSAGE }).regex(/^\d{4}-\d{2}-\d{2}$/, DATE_MESSAGE).meta({ format: 'date' });
const text = (max: number) =>
  z
    .string({ message: 'Vul hier tekst in.' })
    .trim()
    .max(max, `Dit is te lang (maximaal ${max} tekens).`)
    .regex(/^[^\u0000]*$/, 'Deze tekst bevat een ongeldig teken.');
const versionSchema = z.number({ message: 'De versie ontbreekt.' }).int('De versie ontbreekt.').min(1, 'De versie ontbreekt.').max(2_147_483_647);

export const familyIdParamSchema = z.object({ familyId: z.uuid({ message: 'Geen geldige verwijzing (UUID).' }) });

/** The life domains of the factor model (the same keys as the screening's factor catalogue). */
export const CARE_LIFE_DOMAINS = ['lifestyle', 'parent', 'environment', 'child'] as const;
export type CareLifeDomain = (typeof CARE_LIFE_DOMAINS)[number];

// ── Prenatal home visit ─────────────────────────────────────────────────────────────────────────

export const HOME_VISIT_STATUSES = ['planned', 'held', 'not_held'] as const;
export type HomeVisitStatus = (typeof HOME_VISIT_STATUSES)[number];
/** update: record how it went, or reschedule. */
export const HOME_VISIT_ACTIONS = ['update'] as const;

const findingsSchema = z.partialRecord(z.enum(CARE_LIFE_DOMAINS), text(2000), { message: 'Geef bevindingen per levensdomein: lifestyle, parent, environment of child.' });

export const homeVisitSchema = z
  .object({
    id: z.uuid(),
    familyId: z.uuid(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    nurseId: z.uuid(),
    nurseName: z.string(),
    plannedOn: dateStringSchema,
    status: z.enum(HOME_VISIT_STATUSES),
    heldOn: dateStringSchema.nullable(),
    reasonNotHeld: z.string().nullable(),
    /** Completed weeks of pregnancy on the day of the visit, from the pregnancy's due date. */
    gestationalWeek: z.number().int().nullable(),
    findings: findingsSchema,
    followUp: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
    /** What the current person may do with this visit (from the access policy): only these are offered. */
    allowedActions: z.array(z.enum(HOME_VISIT_ACTIONS)),
  })
  .meta({ id: 'HomeVisit' });
export type HomeVisit = z.infer<typeof homeVisitSchema>;
export const homeVisitListSchema = z.object({ items: z.array(homeVisitSchema) }).meta({ id: 'HomeVisitList' });

export const homeVisitCreateSchema = z
  .object({
    plannedOn: isoDateSchema,
    /** A professional of the actor's own organisation. */
    nurseId: z.uuid({ message: 'Kies een verpleegkundige.' }),
  })
  .meta({ id: 'HomeVisitCreate' });

export const homeVisitUpdateSchema = z
  .object({
    version: versionSchema,
    status: z.enum(HOME_VISIT_STATUSES, { message: 'Kies of het huisbezoek gepland is, is doorgegaan of niet is doorgegaan.' }).optional(),
    plannedOn: isoDateSchema.optional(),
    nurseId: z.uuid({ message: 'Kies een verpleegkundige.' }).optional(),
    heldOn: isoDateSchema.nullable().optional(),
    reasonNotHeld: text(500).nullable().optional(),
    findings: findingsSchema.optional(),
    followUp: text(2000).nullable().optional(),
  })
  .meta({ id: 'HomeVisitUpdate' });

// ── Interventions and enrolments ────────────────────────────────────────────────────────────────

// The menu entries themselves are in intervention-menu.ts (one contract for the menu, enrolment and the questionnaire).
export { INTERVENTION_PHASES, interventionSchema, type InterventionItem } from './intervention-menu.js';

export const ENROLMENT_STATUSES = ['active', 'completed', 'dropped_out'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];
export const ENROLMENT_DROP_OUT_REASONS = ['client_stopped', 'moved_away', 'no_contact', 'not_suitable', 'other'] as const;
export type EnrolmentDropOutReason = (typeof ENROLMENT_DROP_OUT_REASONS)[number];
/** Not chosen by anyone: the client withdrew the consent under which the organisation saw the family. */
export const CONSENT_WITHDRAWN_ENROLMENT_REASON = 'consent_withdrawn';
/** Why an enrolment ended early, as read back: a reason chosen, or the consent withdrawn. */
export const ENROLMENT_END_REASONS = [...ENROLMENT_DROP_OUT_REASONS, CONSENT_WITHDRAWN_ENROLMENT_REASON] as const;
export type EnrolmentEndReason = (typeof ENROLMENT_END_REASONS)[number];

export const enrolmentSchema = z
  .object({
    id: z.uuid(),
    familyId: z.uuid(),
    interventionKey: z.string(),
    interventionName: z.string(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    startedOn: dateStringSchema,
    endedOn: dateStringSchema.nullable(),
    status: z.enum(ENROLMENT_STATUSES),
    dropOutReason: z.enum(ENROLMENT_END_REASONS).nullable(),
    dropOutExplanation: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Enrolment' });
export type Enrolment = z.infer<typeof enrolmentSchema>;
export const enrolmentListSchema = z.object({ items: z.array(enrolmentSchema) }).meta({ id: 'EnrolmentList' });

export const enrolmentCreateSchema = z
  .object({
    interventionKey: z.string({ message: 'Kies een interventie uit de menukaart.' }).trim().min(1, 'Kies een interventie uit de menukaart.').max(100),
    /** The organisation that offers the intervention. */
    organisationId: z.uuid({ message: 'Kies de organisatie die de interventie aanbiedt.' }),
    startedOn: isoDateSchema,
  })
  .meta({ id: 'EnrolmentCreate' });

export const enrolmentUpdateSchema = z
  .object({
    version: versionSchema,
    /** end: completed as planned; drop_out: stopped early, with a reason. */
    action: z.enum(['end', 'drop_out'], { message: 'Kies of de deelname is afgerond of voortijdig is gestopt.' }),
    on: isoDateSchema,
    reason: z.string({ message: 'Kies een reden voor de uitval.' }).max(40, 'Kies een reden voor de uitval.').nullable().optional(),
    explanation: text(500).nullable().optional(),
  })
  .meta({ id: 'EnrolmentUpdate' });

// ── Outcomes ─────────────────────────────────────────────────────────────────────────────────────

const wholeNumber = (message: string) => z.number({ message }).int(message);

export const birthCreateSchema = z
  .object({
    birthDate: isoDateSchema,
    gestationalWeeks: wholeNumber('Vul de zwangerschapsduur in hele weken in.'),
    gestationalDays: wholeNumber('Vul de dagen van de zwangerschapsduur in (0 tot 6).'),
    birthWeightGrams: wholeNumber('Vul het geboortegewicht in hele grammen in.'),
    sex: z.enum(['female', 'male'], { message: 'Kies het geslacht van het kind.' }),
    multipleBirth: z.boolean({ message: 'Kies of het een meerling is (ja of nee).' }).default(false),
    liveBorn: z.boolean({ message: 'Kies of het kind levend is geboren (ja of nee).' }).default(true),
    maternityCareReceived: z.boolean({ message: 'Kies of er kraamzorg is ontvangen (ja, nee of onbekend).' }).nullable().default(null),
    maternityCareHours: wholeNumber('Vul het aantal uren kraamzorg in hele uren in.').nullable().default(null),
    /** Given name of the child (optional; the file then says "Baby"). */
    childGivenName: text(100).nullable().optional(),
  })
  .meta({ id: 'BirthCreate' });

export const birthOutcomeSchema = z
  .object({
    id: z.uuid(),
    familyId: z.uuid(),
    childId: z.uuid().nullable(),
    birthDate: dateStringSchema,
    gestationalAgeDays: z.number().int(),
    /** "39+4" */
    gestationalAge: z.string(),
    birthWeightGrams: z.number().int(),
    sex: z.enum(['female', 'male']),
    multipleBirth: z.boolean(),
    liveBorn: z.boolean(),
    preterm: z.boolean(),
    smallForGestationalAge: z.boolean(),
    /** Preterm and/or SGA; null before 24+0 weeks, where Big2 is not defined. */
    big2: z.boolean().nullable(),
    referenceKey: z.string(),
    referenceName: z.string(),
    /** The 10th percentile the birth was compared with (grams), from that reference. */
    p10Grams: z.number().int().nullable(),
    maternityCareReceived: z.boolean().nullable(),
    maternityCareHours: z.number().int().nullable(),
    organisationName: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'BirthOutcome' });
export type BirthOutcome = z.infer<typeof birthOutcomeSchema>;

export const SPEECH_LANGUAGE_RESULTS = ['normal', 'concern', 'delayed', 'not_done'] as const;

export const twoYearOutcomeCreateSchema = z
  .object({
    measuredOn: isoDateSchema,
    speechLanguageResult: z.enum(SPEECH_LANGUAGE_RESULTS, { message: 'Kies de uitkomst van de taal- en spraakscreening.' }).nullable().default(null),
    weightKg: z.number({ message: 'Vul het gewicht in kilogram in.' }).nullable().default(null),
    lengthCm: z.number({ message: 'Vul de lengte in centimeter in.' }).nullable().default(null),
    childProtectionMeasure: text(200).nullable().default(null),
    childProtectionFrom: isoDateSchema.nullable().default(null),
    childProtectionUntil: isoDateSchema.nullable().default(null),
    outOfHomePlacementFrom: isoDateSchema.nullable().default(null),
    outOfHomePlacementUntil: isoDateSchema.nullable().default(null),
  })
  .meta({ id: 'TwoYearOutcomeCreate' });

export const twoYearOutcomeSchema = z
  .object({
    id: z.uuid(),
    familyId: z.uuid(),
    childId: z.uuid().nullable(),
    measuredOn: dateStringSchema,
    ageMonths: z.number().int().nullable(),
    speechLanguageResult: z.enum(SPEECH_LANGUAGE_RESULTS).nullable(),
    weightKg: z.number().nullable(),
    lengthCm: z.number().nullable(),
    bmi: z.number().nullable(),
    overweight: z.boolean().nullable(),
    obesity: z.boolean().nullable(),
    /** The BMI-for-age reference used (IOTF, Cole 2000). */
    bmiReference: z.string().nullable(),
    childProtectionMeasure: z.string().nullable(),
    childProtectionFrom: dateStringSchema.nullable(),
    childProtectionUntil: dateStringSchema.nullable(),
    outOfHomePlacementFrom: dateStringSchema.nullable(),
    outOfHomePlacementUntil: dateStringSchema.nullable(),
    organisationName: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'TwoYearOutcome' });
export type TwoYearOutcome = z.infer<typeof twoYearOutcomeSchema>;

export const outcomesSchema = z
  .object({ births: z.array(birthOutcomeSchema), twoYears: z.array(twoYearOutcomeSchema) })
  .meta({ id: 'FamilyOutcomes' });
export type FamilyOutcomes = z.infer<typeof outcomesSchema>;

// ── Caseload (klantroutes) ───────────────────────────────────────────────────────────────────────

export const SUPPORT_TIERS = ['universal', 'extra', 'intensive'] as const;
export type SupportTierCode = (typeof SUPPORT_TIERS)[number];

export const contactMomentSchema = z
  .object({ id: z.uuid(), kind: z.string(), plannedOn: dateStringSchema, status: z.enum(['planned', 'done', 'cancelled']) })
  .meta({ id: 'ContactMoment' });
export type ContactMoment = z.infer<typeof contactMomentSchema>;

export const caseloadEntrySchema = z
  .object({
    id: z.uuid(),
    familyId: z.uuid(),
    organisationId: z.uuid(),
    tier: z.enum(SUPPORT_TIERS),
    suggestedTier: z.enum(SUPPORT_TIERS).nullable(),
    nurseId: z.uuid().nullable(),
    nurseName: z.string().nullable(),
    judgement: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
    upcoming: z.array(contactMomentSchema),
  })
  .meta({ id: 'CaseloadEntry' });
export type CaseloadEntry = z.infer<typeof caseloadEntrySchema>;

export const familyCaseloadSchema = z
  .object({
    /** This organisation's entry for the family, if it has one. */
    entry: caseloadEntrySchema.nullable(),
    /** What the latest completed screening suggests, if there is one. */
    suggestedTier: z.enum(SUPPORT_TIERS).nullable(),
  })
  .meta({ id: 'FamilyCaseload' });
export type FamilyCaseload = z.infer<typeof familyCaseloadSchema>;

export const caseloadUpdateSchema = z
  .object({
    tier: z.enum(SUPPORT_TIERS, { message: 'Kies een ondersteuningsniveau: universeel, extra of intensief.' }),
    /** Default: the actor. */
    nurseId: z.uuid({ message: 'Kies een verpleegkundige.' }).nullable().optional(),
    judgement: text(2000).nullable().optional(),
    /** Required when the family is already on the caseload (optimistic locking). */
    version: versionSchema.optional(),
  })
  .meta({ id: 'CaseloadUpdate' });

/**
 * The fields the caseload sorts on (`sorteer`); by default the next contact moment, then the client's
 * name. The support tier sorts by its level (universal, extra, intensive), not alphabetically.
 */
export const CASELOAD_SORT_FIELDS = ['nextContactOn', 'clientName', 'municipalityName', 'tier', 'nurseName'] as const;

export const caseloadQuerySchema = pagingQuerySchema.extend({
  nurse: z.enum(['me', 'all'], { message: 'Kies "me" of "all".' }).default('me'),
  tier: z.enum(SUPPORT_TIERS, { message: 'Kies universal, extra of intensive.' }).optional(),
  sorteer: sortParameter(CASELOAD_SORT_FIELDS),
});

export const caseloadRowSchema = z
  .object({
    familyId: z.uuid(),
    clientName: z.string(),
    municipalityName: z.string(),
    tier: z.enum(SUPPORT_TIERS),
    suggestedTier: z.enum(SUPPORT_TIERS).nullable(),
    nurseName: z.string().nullable(),
    nextContactOn: dateStringSchema.nullable(),
    nextContactKind: z.string().nullable(),
  })
  .meta({ id: 'CaseloadRow' });
export type CaseloadRow = z.infer<typeof caseloadRowSchema>;
export const caseloadPageSchema = pageOf(caseloadRowSchema, 'CaseloadPage');

/** The professionals of the actor's own organisation, to choose a nurse from. */
export const careTeamSchema = z
  .object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) })
  .meta({ id: 'CareTeam' });
export type CareTeam = z.infer<typeof careTeamSchema>;
