// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of families (/api/v1/families), emergency access and a family's access log.
import { z } from 'zod';
import { nameSchema, pageOf, pagingQuerySchema, versionSchema, dateStringSchema } from './common.js';
import { sortParameter } from './sorting.js';
import { municipalityCodeSchema } from './reference.js';

const isoDateSchema = z.iso.date({ message: 'Vul een geldige datum in (jjjj-mm-dd).' });
/** Digits, spaces and dots as people write it; the elfproef is checked by the server with its own message. */
const bsnInputSchema = z
  .string()
  .trim()
  .max(20, 'Een BSN heeft negen cijfers.')
  .regex(/^[0-9 .]*$/, 'Een BSN bestaat uit cijfers.');

export const CONTACT_CHANNELS = ['phone', 'email', 'letter', 'in_person'] as const;
export const FAMILY_MEMBER_ROLES = ['client', 'partner', 'child'] as const;

const personInputSchema = z.object({
  givenName: nameSchema,
  familyName: nameSchema,
  birthDate: isoDateSchema,
  bsn: bsnInputSchema.optional(),
});

const partnerInputSchema = z.object({
  givenName: nameSchema,
  familyName: nameSchema,
  birthDate: isoDateSchema.optional(),
});

export const contactSchema = z.object({
  channel: z.enum(CONTACT_CHANNELS),
  /** ISO 639-1 language the client prefers to be contacted in. */
  language: z.string().trim().regex(/^[a-z]{2}$/, 'Kies een taal.').default('nl'),
  doNotContact: z.boolean().default(false),
  phone: z.string().trim().max(30).regex(/^[0-9 +()-]*$/, 'Vul een geldig telefoonnummer in.').optional(),
  email: z.string().trim().max(254).optional(),
});

export const familyCreateSchema = z
  .object({
    client: personInputSchema,
    partner: partnerInputSchema.optional(),
    postcode: z.string().trim().max(7),
    municipalityCode: municipalityCodeSchema,
    contact: contactSchema,
    pregnancy: z.object({ dueDate: isoDateSchema, parity: z.number().int().min(0).max(20).default(0) }).optional(),
    /** Register even though possible duplicates were shown (the professional checked them). */
    confirmNotDuplicate: z.boolean().default(false),
  })
  .meta({ id: 'FamilyCreate' });
export type FamilyCreate = z.input<typeof familyCreateSchema>;

export const familyUpdateSchema = z
  .object({
    /** The version the change is based on (optimistic locking). */
    version: versionSchema,
    client: personInputSchema.partial().optional(),
    partner: partnerInputSchema.nullable().optional(),
    postcode: z.string().trim().max(7).optional(),
    municipalityCode: municipalityCodeSchema.optional(),
    contact: contactSchema.partial().optional(),
  })
  .meta({ id: 'FamilyUpdate' });

/** Why a child's data are closed to its parents (afscherming): never shown to a parent. */
export const CHILD_CLOSURE_REASONS = ['child_protection', 'safety'] as const;
export type ChildClosureReason = (typeof CHILD_CLOSURE_REASONS)[number];

/** A closure flag on a child, as the professionals caring for the family see it. */
export const childClosureSchema = z
  .object({
    id: z.uuid(),
    childId: z.uuid(),
    reason: z.enum(CHILD_CLOSURE_REASONS),
    setAt: z.iso.datetime(),
    /** The organisation that set it; null when it came from the demo seed or a migration of records. */
    setByOrganisationName: z.string().nullable(),
    liftedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ChildClosure' });
export type ChildClosure = z.infer<typeof childClosureSchema>;

export const childClosureCreateSchema = z
  .object({ reason: z.enum(CHILD_CLOSURE_REASONS, { error: 'Kies een reden voor de afscherming.' }) })
  .strict()
  .meta({ id: 'ChildClosureCreate' });

const uuidMessage = { message: 'Geen geldige verwijzing (UUID).' };
export const childParamSchema = z.object({ familyId: z.uuid(uuidMessage), childId: z.uuid(uuidMessage) });
export const childClosureParamSchema = childParamSchema.extend({ closureId: z.uuid(uuidMessage) });

export const familyMemberSchema = z.object({
  id: z.uuid(),
  role: z.enum(FAMILY_MEMBER_ROLES),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: dateStringSchema.nullable(),
  bsn: z.string().nullable(),
  sex: z.string().nullable(),
  /** A child's closure flag while it is set (not lifted); null for anyone else. */
  closure: childClosureSchema.nullable(),
});

export const pregnancySchema = z.object({
  id: z.uuid(),
  dueDate: dateStringSchema,
  parity: z.number().int(),
  status: z.string(),
  /** Today's gestational age, e.g. "23+4"; null when no longer pregnant. */
  gestationalAge: z.string().nullable(),
});

export const careRelationshipSchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  basis: z.enum(['registered', 'referral', 'emergency']),
  since: z.iso.datetime(),
});

/**
 * update: change the file; refer: send a referral; plan_home_visit, set_support_tier: youth health
 * care's own records; set_child_closure, lift_child_closure: close a child's data to its parents, or
 * lift that (the policy's 'child_closure').
 */
export const FAMILY_ACTIONS = ['update', 'refer', 'plan_home_visit', 'set_support_tier', 'set_child_closure', 'lift_child_closure'] as const;

export const familySchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    municipalityCode: z.string(),
    municipalityName: z.string(),
    postcode: z.string().nullable(),
    contact: z.object({
      channel: z.enum(CONTACT_CHANNELS),
      language: z.string(),
      doNotContact: z.boolean(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
    registeredBy: z.object({ id: z.uuid(), name: z.string() }),
    mergedIntoId: z.uuid().nullable(),
    members: z.array(familyMemberSchema),
    pregnancies: z.array(pregnancySchema),
    careRelationships: z.array(careRelationshipSchema),
    /** Set when the actor sees this file through emergency access: until when. */
    emergencyAccessUntil: z.iso.datetime().nullable(),
    /**
     * Only in the answer to a registration: the same person (same BSN, or same name, date of birth and
     * postcode) seems to have a file at another organisation. Which one is not revealed.
     */
    possibleDuplicateElsewhere: z.boolean().optional(),
    createdAt: z.iso.datetime(),
    /** The last change to the file itself (contact details, members, merge): FHIR meta.lastUpdated. */
    updatedAt: z.iso.datetime(),
    /** What the current person may do with this file (from the access policy): only these are offered. */
    allowedActions: z.array(z.enum(FAMILY_ACTIONS)),
  })
  .meta({ id: 'Family' });
export type Family = z.infer<typeof familySchema>;

export const familySummarySchema = z
  .object({
    id: z.uuid(),
    clientName: z.string(),
    birthDate: dateStringSchema.nullable(),
    municipalityName: z.string(),
    postcode: z.string().nullable(),
    dueDate: dateStringSchema.nullable(),
    registeredByName: z.string(),
  })
  .meta({ id: 'FamilySummary' });
export type FamilySummary = z.infer<typeof familySummarySchema>;
export const familyPageSchema = pageOf(familySummarySchema, 'FamilyPage');

/** The fields a list of families sorts on (`sorteer`); by default the client's family name, then given name. */
export const FAMILY_SORT_FIELDS = ['clientName', 'birthDate', 'municipalityName', 'postcode', 'dueDate', 'registeredByName'] as const;

export const familyQuerySchema = pagingQuerySchema.extend({
  /** Name (start of given or family name, or both). */
  q: z.string().trim().max(100).optional(),
  birthDate: isoDateSchema.optional(),
  /** Born on or after / on or before this date (inclusive): a range of birth dates. */
  birthDateFrom: isoDateSchema.optional(),
  birthDateTo: isoDateSchema.optional(),
  bsn: bsnInputSchema.optional(),
  municipalityCode: municipalityCodeSchema.optional(),
  sorteer: sortParameter(FAMILY_SORT_FIELDS),
});

/** GET /families: every filter except the BSN, which never goes into a URL (NL API Design Rules). */
export const familyListQuerySchema = familyQuerySchema.omit({ bsn: true });
/** POST /families/search: the same filters in the body, the BSN among them. */
export const familySearchSchema = familyQuerySchema.meta({ id: 'FamilySearch' });

export const duplicateCandidateSchema = z.object({
  familyId: z.uuid(),
  clientName: z.string(),
  birthDate: dateStringSchema.nullable(),
  postcode: z.string().nullable(),
  reasons: z.array(z.enum(['same_bsn', 'same_name_date_of_birth_postcode'])),
});
export const duplicateListSchema = z.object({ candidates: z.array(duplicateCandidateSchema) }).meta({ id: 'DuplicateCandidates' });

export const pregnancyCreateSchema = z.object({ dueDate: isoDateSchema, parity: z.number().int().min(0).max(20).default(0) });

export const mergeSchema = z.object({
  /** The duplicate registration that is merged into this family (its history stays, under a link). */
  duplicateId: z.uuid(),
  version: versionSchema,
});

export const EMERGENCY_ACCESS_HOURS = 4;
export const MIN_EMERGENCY_REASON_LENGTH = 20;

export const emergencyAccessRequestSchema = z
  .object({
    bsn: bsnInputSchema.optional(),
    familyName: z.string().trim().max(200).optional(),
    birthDate: isoDateSchema.optional(),
    /** To tell apart clients with the same family name and date of birth. */
    postcode: z.string().trim().max(7).optional(),
    reason: z
      .string()
      .trim()
      .min(MIN_EMERGENCY_REASON_LENGTH, `Beschrijf de reden in minstens ${MIN_EMERGENCY_REASON_LENGTH} tekens.`)
      .max(2000),
  })
  .meta({ id: 'EmergencyAccessRequest' });

export const emergencyAccessGrantSchema = z
  .object({
    familyId: z.uuid(),
    /** Every file opened: more than one when the same person has files at several organisations. */
    familyIds: z.array(z.uuid()),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'EmergencyAccessGrant' });

export const emergencyAccessSchema = z
  .object({
    id: z.uuid(),
    familyId: z.uuid(),
    personName: z.string(),
    organisationName: z.string(),
    reason: z.string(),
    startedAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    reviewedAt: z.iso.datetime().nullable(),
    reviewedByName: z.string().nullable(),
    reviewNote: z.string().nullable(),
  })
  .meta({ id: 'EmergencyAccess' });
export type EmergencyAccess = z.infer<typeof emergencyAccessSchema>;
export const emergencyAccessPageSchema = pageOf(emergencyAccessSchema, 'EmergencyAccessPage');
/** The fields the list of emergency accesses sorts on (`sorteer`); by default the latest started first. */
export const EMERGENCY_ACCESS_SORT_FIELDS = ['startedAt', 'expiresAt', 'reviewedAt', 'personName', 'organisationName'] as const;

export const emergencyAccessQuerySchema = pagingQuerySchema.extend({
  status: z.enum(['to_review', 'all']).default('to_review'),
  sorteer: sortParameter(EMERGENCY_ACCESS_SORT_FIELDS),
});
export const emergencyReviewSchema = z.object({ note: z.string().trim().min(5, 'Schrijf kort op wat u heeft gecontroleerd.').max(2000) });

export const accessLogEntrySchema = z
  .object({
    at: z.iso.datetime(),
    personName: z.string().nullable(),
    organisationName: z.string().nullable(),
    role: z.string().nullable(),
    action: z.string(),
    objectType: z.string().nullable(),
    outcome: z.string(),
    emergency: z.boolean(),
    sourceIp: z.string().nullable(),
  })
  .meta({ id: 'AccessLogEntry' });
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;
export const accessLogPageSchema = pageOf(accessLogEntrySchema, 'AccessLogPage');
export const accessLogQuerySchema = pagingQuerySchema;
export const familyIdParamSchema = z.object({ familyId: z.uuid({ message: 'Geen geldige verwijzing (UUID).' }) });
