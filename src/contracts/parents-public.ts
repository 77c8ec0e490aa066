// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of the parents' public side (issue 15 items 1 and 2), without login:
// - per municipality and phase what the local offer holds for (future) parents, what it costs and who
//   pays, in Dutch, English or Arabic (/api/v1/public/parent-pages…);
// - a parent's own registration for a prenatal home visit or a talk about a wish for a child, with
//   her own consent (/api/v1/public/self-registrations), and the receiving organisation's list of them.
import { z } from 'zod';
import { dateStringSchema, dateTimeStringSchema, INT32_MAX } from './common.js';
import { calendarDateSchema } from './coalition-partners.js';
import { nl } from './i18n/nl.js';
import type { FundingRoute } from './intervention-menu.js';

const text = nl.parentsPublic;

/** The phases a parent chooses from: a wish for a child, pregnant, a baby (the menu's V, T, N). */
export const PARENT_PHASES = ['kinderwens', 'zwanger', 'baby'] as const;
export type ParentPhase = (typeof PARENT_PHASES)[number];
/** The languages of the public pages; Arabic is written right to left. */
export const PARENT_LANGUAGES = ['nl', 'en', 'ar'] as const;
export type ParentLanguage = (typeof PARENT_LANGUAGES)[number];
export const RTL_LANGUAGES: readonly ParentLanguage[] = ['ar'];

/** Who pays, in the words a parent understands; derived from the offer's funding route unless the coalition says otherwise. */
export const PARENT_COSTS = ['basic_insurance', 'free_municipality', 'free_fund', 'own_contribution'] as const;
export type ParentCost = (typeof PARENT_COSTS)[number];

/**
 * Who pays, as a parent needs to know it. Care insurance (Zvw) pays from the basic insurance; youth
 * health care (Wpg), the Youth Act, the Social Support Act and the municipal and specific grants are
 * paid by the municipality; a fund pays its own. A coalition overrides this per offer (its content's `costs`).
 */
export const COST_OF_FUNDING_ROUTE: Record<FundingRoute, ParentCost> = {
  zvw: 'basic_insurance',
  wpg_jgz: 'free_municipality',
  jeugdwet: 'free_municipality',
  wmo: 'free_municipality',
  spuk_gala: 'free_municipality',
  spuk_iza: 'free_municipality',
  municipal_subsidy: 'free_municipality',
  funds: 'free_fund',
};

const municipalityCode = z.string().regex(/^GM\d{4}$/, text.errorMunicipality);

// ── Content of a coalition's parent pages (stored as data, edited by the coalition) ───────────────

const localisedText = z.object({ nl: z.string().min(1).max(2000), en: z.string().max(2000).optional(), ar: z.string().max(2000).optional() });
export type LocalisedText = z.infer<typeof localisedText>;

export const parentContentSchema = z
  .object({
    blocks: z
      .array(
        z.object({
          key: z.string().regex(/^[a-z0-9-]{1,60}$/),
          phases: z.array(z.enum(PARENT_PHASES)).min(1),
          heading: localisedText,
          body: localisedText,
        }),
      )
      .max(40),
    links: z.array(z.object({ url: z.url({ protocol: /^https$/ }), title: localisedText, phases: z.array(z.enum(PARENT_PHASES)).min(1) })).max(40),
    /** What an offer (a menu key or a local activity's name) costs a parent, when not what its funding route says. */
    costs: z.record(z.string().max(200), z.enum(PARENT_COSTS)).default({}),
    /** Phases of local activities (menu interventions carry their own). Without an entry: every phase. */
    activityPhases: z.record(z.string().max(200), z.array(z.enum(PARENT_PHASES)).min(1)).default({}),
    /** A short description of an offer in plain words, per language. */
    descriptions: z.record(z.string().max(200), localisedText).default({}),
  })
  .meta({ id: 'ParentContent' });
export type ParentContent = z.infer<typeof parentContentSchema>;

// ── Reading a public page ──────────────────────────────────────────────────────────────────────

export const parentMunicipalitySchema = z
  .object({ code: z.string(), name: z.string(), coalitionName: z.string() })
  .meta({ id: 'ParentMunicipality' });
export type ParentMunicipality = z.infer<typeof parentMunicipalitySchema>;

export const parentPageParamsSchema = z.object({ code: municipalityCode });
export const parentPageQuerySchema = z.object({
  phase: z.enum(PARENT_PHASES, { message: text.errorPhase }).default('zwanger').meta({ description: 'kinderwens, zwanger of baby.' }),
  lang: z.enum(PARENT_LANGUAGES, { message: text.errorLanguage }).default('nl').meta({ description: 'nl, en of ar.' }),
});
export type ParentPageQuery = z.infer<typeof parentPageQuerySchema>;

/** A text with the language it is in: the page's, or Dutch when no translation exists. */
const textIn = z.object({ text: z.string(), lang: z.enum(PARENT_LANGUAGES) });

export const parentPageSchema = z
  .object({
    municipality: z.object({ code: z.string(), name: z.string() }),
    coalition: z.object({ code: z.string(), name: z.string() }),
    phase: z.enum(PARENT_PHASES),
    lang: z.enum(PARENT_LANGUAGES),
    reviewedOn: dateStringSchema,
    blocks: z.array(z.object({ key: z.string(), heading: textIn, body: textIn })),
    offers: z.array(
      z.object({
        /** The name as the directory has it (Dutch). */
        name: z.string(),
        providerName: z.string(),
        description: textIn.nullable(),
        cost: z.enum(PARENT_COSTS),
        waitingWeeks: z.number().int().nullable(),
      }),
    ),
    links: z.array(z.object({ url: z.string(), title: textIn })),
    /** Whether a parent can register herself here (a youth health care organisation offers in this municipality). */
    canSelfRegister: z.boolean(),
  })
  .meta({ id: 'ParentPage' });
export type ParentPage = z.infer<typeof parentPageSchema>;

export const parentContentRecordSchema = z
  .object({ coalitionCode: z.string(), content: parentContentSchema, reviewedOn: dateStringSchema, version: z.number().int(), updatedAt: dateTimeStringSchema })
  .meta({ id: 'ParentContentRecord' });
export type ParentContentRecord = z.infer<typeof parentContentRecordSchema>;

/** A coalition writes its parent pages: all content at once, the day a person checked it, the version seen (0: none yet). */
export const parentContentUpdateSchema = z
  .object({ content: parentContentSchema, reviewedOn: calendarDateSchema, version: z.number().int().min(0).max(INT32_MAX) })
  .meta({ id: 'ParentContentUpdate' });
export type ParentContentUpdate = z.infer<typeof parentContentUpdateSchema>;

// ── Self-registration ─────────────────────────────────────────────────────────────────────────────

export const SELF_REGISTRATION_KINDS = ['prenatal_home_visit', 'wish_for_child_talk'] as const;
export type SelfRegistrationKind = (typeof SELF_REGISTRATION_KINDS)[number];
export const CONTACT_CHANNELS = ['phone', 'email'] as const;
export const CONTACT_MOMENTS = ['morning', 'afternoon', 'evening'] as const;
/** The version of the consent sentence the parent agreed to (the catalogue's `consentText`). */
export const SELF_REGISTRATION_CONSENT_VERSION = '2026-12';

/** Dutch mobile or landline, or an international number: digits with an optional + and spaces or dashes. */
const PHONE = /^\+?[0-9][0-9 -]{8,18}[0-9]$/;
const emptyToNull = (value: string) => (value.trim() === '' ? null : value.trim());

export const selfRegistrationCreateSchema = z
  .object({
    municipalityCode,
    kind: z.enum(SELF_REGISTRATION_KINDS, { message: text.errorKind }),
    name: z.string({ message: text.errorName }).trim().min(1, text.errorName).max(100, text.errorTooLong),
    phone: z.string().max(30, text.errorPhone).default('').transform(emptyToNull).refine((value) => value === null || PHONE.test(value), text.errorPhone),
    email: z.string().max(200, text.errorEmail).default('').transform(emptyToNull).refine((value) => value === null || z.email().safeParse(value).success, text.errorEmail),
    contactBy: z.enum(CONTACT_CHANNELS, { message: text.errorContactBy }),
    contactMoments: z.array(z.enum(CONTACT_MOMENTS, { message: text.errorContactMoments })).max(3).default([]),
    language: z.enum(PARENT_LANGUAGES, { message: text.errorLanguage }),
    /** Safe contact: leave no voicemail, text or e-mail message that someone else could read. */
    noMessages: z.boolean().default(false),
    /** Safe contact: call only at the chosen moments. */
    onlyAtMoments: z.boolean().default(false),
    /** The parent's own consent; without it nothing is saved. */
    consent: z.literal(true, { message: text.errorConsent }),
    idempotencyKey: z.uuid({ message: text.errorIdempotencyKey }),
  })
  .superRefine((value, context) => {
    if (value.contactBy === 'phone' && value.phone === null) context.addIssue({ code: 'custom', path: ['phone'], message: text.errorPhoneRequired });
    if (value.contactBy === 'email' && value.email === null) context.addIssue({ code: 'custom', path: ['email'], message: text.errorEmailRequired });
    if (value.onlyAtMoments && value.contactMoments.length === 0) context.addIssue({ code: 'custom', path: ['contactMoments'], message: text.errorContactMoments });
  })
  .meta({ id: 'SelfRegistrationCreate' });
export type SelfRegistrationCreate = z.input<typeof selfRegistrationCreateSchema>;
export type SelfRegistrationInput = z.output<typeof selfRegistrationCreateSchema>;

/** What the parent sees back: no personal data, only where it went. */
export const selfRegistrationReceiptSchema = z
  .object({ id: z.uuid(), receiverOrganisationName: z.string(), createdAt: dateTimeStringSchema })
  .meta({ id: 'SelfRegistrationReceipt' });
export type SelfRegistrationReceipt = z.infer<typeof selfRegistrationReceiptSchema>;

export const selfRegistrationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(SELF_REGISTRATION_KINDS),
    municipalityCode: z.string(),
    municipalityName: z.string(),
    name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    contactBy: z.enum(CONTACT_CHANNELS),
    contactMoments: z.array(z.enum(CONTACT_MOMENTS)),
    language: z.enum(PARENT_LANGUAGES),
    noMessages: z.boolean(),
    onlyAtMoments: z.boolean(),
    consent: z.object({ givenBy: z.literal('client'), version: z.string(), givenAt: dateTimeStringSchema }),
    createdAt: dateTimeStringSchema,
  })
  .meta({ id: 'SelfRegistration' });
export type SelfRegistration = z.infer<typeof selfRegistrationSchema>;

export const selfRegistrationListSchema = z.object({ items: z.array(selfRegistrationSchema) }).meta({ id: 'SelfRegistrationList' });
export type SelfRegistrationList = z.infer<typeof selfRegistrationListSchema>;
