// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of the service directory (sociale kaart, issue 13 item 2), shaped like FHIR
// HealthcareService: who offers what, for which risk factors and municipalities, how families get in
// (self, referral, via JGZ), eligibility, languages, cost to parents, contact and opening hours. Every
// service is kept by a platform organisation (its admin confirms it at least every six months); the
// provider is that organisation itself or an external one named by the keeper.
import { z } from 'zod';
import { dateTimeStringSchema, pageOf, pagingQuerySchema, versionSchema } from './common.js';
import { municipalityCodeSchema } from './reference.js';
import { nl } from './i18n/nl.js';

/** What kind of help: the FHIR service-category of the directory (code system .../dienstcategorie). */
export const SERVICE_CATEGORIES = [
  'financial',
  'youth_health',
  'maternity_care',
  'parenting',
  'mental_health',
  'addiction',
  'housing',
  'domestic_violence',
  'social_support',
  'lifestyle',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** How a family gets in: on its own, with a referral, or through youth health care (JGZ). */
export const INTAKE_ROUTES = ['self', 'referral', 'via_jgz'] as const;
export type IntakeRoute = (typeof INTAKE_ROUTES)[number];

/** What it costs parents. */
export const SERVICE_COSTS = ['free', 'own_contribution', 'paid'] as const;
export type ServiceCost = (typeof SERVICE_COSTS)[number];

/**
 * How current the directory entry is: 'current' (confirmed within six months), 'due_soon' (the six
 * months end within 30 days) or 'overdue' (not confirmed in time: shown as "niet recent gecontroleerd").
 */
export const VERIFICATION_STATUSES = ['current', 'due_soon', 'overdue'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** Languages a service can be offered in (ISO 639-1). */
export const SERVICE_LANGUAGES = ['nl', 'en', 'ar', 'tr', 'pl', 'ti', 'uk', 'fr', 'de', 'so', 'es', 'pap'] as const;
export type ServiceLanguage = (typeof SERVICE_LANGUAGES)[number];

const PHONE_DIGITS = /^(?:(?:\+31|0031|0)[1-9]\d{8}|0(?:800|900|90\d)\d{4,7}|\+[1-9]\d{7,14})$/;

/** A Dutch or international phone number; spaces, dashes, dots and brackets are allowed between digits. */
export function isPhoneNumber(value: string): boolean {
  if (!/^[+\d][\d\s().-]*$/.test(value)) return false;
  return PHONE_DIGITS.test(value.replace(/[\s().-]/g, ''));
}

export const servicePhoneSchema = z
  .string()
  .trim()
  .max(30, nl.services.errorPhone)
  .refine(isPhoneNumber, { message: nl.services.errorPhone })
  .meta({ example: '078 770 8000' });
export const serviceEmailSchema = z.string().trim().toLowerCase().max(254, nl.services.errorEmail).pipe(z.email({ message: nl.services.errorEmail }));
export const serviceWebsiteSchema = z
  .string()
  .trim()
  .max(500, nl.services.errorWebsite)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, { message: nl.services.errorWebsite })
  .meta({ example: 'https://www.dordrecht.nl/schuldhulp' });

const optionalText = (max: number) => z.string().trim().max(max, nl.services.errorTooLong).nullable().default(null);

/** The fields of a service an organisation admin writes (create, and full replacement on correction). */
const serviceFields = {
  /** The platform organisation that keeps the entry (its admin confirms it); default: the actor's own. */
  organisationId: z.uuid({ message: nl.services.errorOrganisation }).optional(),
  /** Set when the provider is an external organisation (not on the platform): its name. */
  externalProviderName: optionalText(200),
  name: z.string().trim().min(1, nl.services.errorNameRequired).max(200, nl.services.errorTooLong),
  description: optionalText(2000),
  category: z.enum(SERVICE_CATEGORIES, { message: nl.services.errorCategory }),
  factorKeys: z.array(z.string().trim().min(1).max(60)).max(40).default([]),
  municipalityCodes: z.array(municipalityCodeSchema).min(1, nl.services.errorMunicipalityRequired).max(342),
  intakeRoutes: z.array(z.enum(INTAKE_ROUTES)).min(1, nl.services.errorIntakeRequired).max(3),
  eligibility: optionalText(1000),
  languages: z.array(z.enum(SERVICE_LANGUAGES)).max(SERVICE_LANGUAGES.length).default(['nl']),
  cost: z.enum(SERVICE_COSTS).default('free'),
  costNote: optionalText(500),
  phone: servicePhoneSchema.nullable().default(null),
  email: serviceEmailSchema.nullable().default(null),
  website: serviceWebsiteSchema.nullable().default(null),
  openingHours: optionalText(500),
  isActive: z.boolean().default(true),
};

export const serviceCreateSchema = z.object(serviceFields).meta({ id: 'ServiceCreate' });
export type ServiceCreate = z.infer<typeof serviceCreateSchema>;

/** A correction: every field again, with the version it is based on (optimistic locking). */
export const serviceUpdateSchema = z
  .object({ ...serviceFields, organisationId: z.undefined().optional(), version: versionSchema })
  .meta({ id: 'ServiceUpdate' });
export type ServiceUpdate = z.infer<typeof serviceUpdateSchema>;

export const SERVICE_ACTIONS = ['update', 'confirm'] as const;
export type ServiceAction = (typeof SERVICE_ACTIONS)[number];

export const serviceSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid(),
    organisationName: z.string(),
    externalProviderName: z.string().nullable(),
    /** Who offers it: the external provider's name, else the keeping organisation's. */
    providerName: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    category: z.enum(SERVICE_CATEGORIES),
    factorKeys: z.array(z.string()),
    municipalityCodes: z.array(z.string()),
    intakeRoutes: z.array(z.enum(INTAKE_ROUTES)),
    eligibility: z.string().nullable(),
    languages: z.array(z.enum(SERVICE_LANGUAGES)),
    cost: z.enum(SERVICE_COSTS),
    costNote: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    website: z.string().nullable(),
    openingHours: z.string().nullable(),
    isActive: z.boolean(),
    lastConfirmedAt: dateTimeStringSchema,
    /** Six months after the last confirmation. */
    confirmationDueAt: dateTimeStringSchema,
    verification: z.enum(VERIFICATION_STATUSES),
    version: z.number().int(),
    updatedAt: dateTimeStringSchema,
    /** What the current person may do with it (from the access policy): only these are offered. */
    allowedActions: z.array(z.enum(SERVICE_ACTIONS)),
  })
  .meta({ id: 'Service' });
export type Service = z.infer<typeof serviceSchema>;

export const servicePageSchema = z
  .object({
    items: z.array(serviceSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** 'create' when the person may add services (an organisation admin). */
    allowedActions: z.array(z.enum(['create'])),
  })
  .meta({ id: 'ServicePage' });
export type ServicePage = z.infer<typeof servicePageSchema>;

export const serviceQuerySchema = pagingQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  municipalityCode: municipalityCodeSchema.optional(),
  factorKey: z.string().trim().max(60).optional(),
  category: z.enum(SERVICE_CATEGORIES).optional(),
  organisationId: z.uuid().optional(),
  includeInactive: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
});

/** The organisation admin's task list: services whose confirmation is due within 30 days or overdue. */
export const serviceTaskPageSchema = pageOf(serviceSchema, 'ServiceVerificationTaskPage');
export const serviceTaskQuerySchema = pagingQuerySchema;

type ServiceTextKey = keyof (typeof nl)['services'];
/** The catalogue key (section `services`) of each value's label, for the web and the FHIR display. */
export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, ServiceTextKey> = {
  financial: 'categoryFinancial',
  youth_health: 'categoryYouthHealth',
  maternity_care: 'categoryMaternityCare',
  parenting: 'categoryParenting',
  mental_health: 'categoryMentalHealth',
  addiction: 'categoryAddiction',
  housing: 'categoryHousing',
  domestic_violence: 'categoryDomesticViolence',
  social_support: 'categorySocialSupport',
  lifestyle: 'categoryLifestyle',
};
export const INTAKE_ROUTE_LABELS: Record<IntakeRoute, ServiceTextKey> = { self: 'intakeSelf', referral: 'intakeReferral', via_jgz: 'intakeViaJgz' };
export const SERVICE_COST_LABELS: Record<ServiceCost, ServiceTextKey> = { free: 'costFree', own_contribution: 'costOwnContribution', paid: 'costPaid' };
export const SERVICE_LANGUAGE_LABELS: Record<ServiceLanguage, ServiceTextKey> = {
  nl: 'languageNl',
  en: 'languageEn',
  ar: 'languageAr',
  tr: 'languageTr',
  pl: 'languagePl',
  ti: 'languageTi',
  uk: 'languageUk',
  fr: 'languageFr',
  de: 'languageDe',
  so: 'languageSo',
  es: 'languageEs',
  pap: 'languagePap',
};
