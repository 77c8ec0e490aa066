// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of the local offer (issue 13 item 3): per coalition (local or regional) or one of its
// member municipalities, which interventions of the national menu — or local activities outside it —
// are offered, by which service of the directory, with capacity per year, waiting time, funding
// route and since/until (/api/v1/coalitions/{code}/local-offer, /api/v1/local-offer).
import { z } from 'zod';
import { dateStringSchema, dateTimeStringSchema, INT32_MAX, pageOf, pagingQuerySchema, versionSchema } from './common.js';
import { calendarDateSchema } from './coalition-partners.js';
import { FUNDING_ROUTES, RECOGNITION_LEVELS } from './intervention-menu.js';
import { VERIFICATION_STATUSES } from './services.js';
import { nl } from './i18n/nl.js';

const text = nl.localOffer;

/** Capacity (families per year) and waiting time (weeks) stay within what anyone would record. */
export const MAX_CAPACITY_PER_YEAR = 100_000;
export const MAX_WAITING_WEEKS = 104;

const wholeNumber = (max: number) =>
  z
    .number({ message: text.errorWholeNumber })
    .int(text.errorWholeNumber)
    .min(0, text.errorNegative)
    .max(Math.min(max, INT32_MAX), text.errorTooLarge)
    .nullable()
    .default(null);

const localOfferFields = {
    /** An intervention of the national menu (its key) … */
    interventionKey: z
      .string()
      .max(100, text.errorUnknownIntervention)
      .regex(/^[a-z0-9-]+$/, text.errorUnknownIntervention)
      .nullable()
      .default(null),
    /** … or a local activity outside the menu, by name. Exactly one of the two. */
    activityName: z
      .string()
      .trim()
      .max(200, text.errorTooLong)
      .nullable()
      .default(null)
      .transform((value) => (value === '' ? null : value)),
    /** The service of the directory that offers it. */
    serviceId: z.uuid({ message: text.errorChooseService }),
    /** A member municipality; null: the whole coalition. */
    municipalityCode: z
      .string()
      .regex(/^GM\d{4}$/, text.errorMunicipality)
      .nullable()
      .default(null),
    capacityPerYear: wholeNumber(MAX_CAPACITY_PER_YEAR),
    waitingWeeks: wholeNumber(MAX_WAITING_WEEKS),
    fundingRoute: z.enum(FUNDING_ROUTES, { message: text.errorFundingRoute }),
    since: calendarDateSchema,
    until: calendarDateSchema.nullable().default(null),
    note: z
      .string()
      .trim()
      .max(1000, text.errorTooLong)
      .nullable()
      .default(null)
      .transform((value) => (value === '' ? null : value)),
};

function checkOffer(value: { interventionKey: string | null; activityName: string | null; since: string; until: string | null }, context: z.RefinementCtx) {
    if ((value.interventionKey === null) === (value.activityName === null)) {
      context.addIssue({ code: 'custom', path: ['interventionKey'], message: text.errorInterventionOrActivity });
    }
    if (value.until !== null && value.until < value.since) context.addIssue({ code: 'custom', path: ['until'], message: text.errorUntilBeforeSince });
}

export const localOfferCreateSchema = z
  .object({ ...localOfferFields, idempotencyKey: z.uuid({ message: text.errorIdempotencyKey }).optional() })
  .superRefine(checkOffer)
  .meta({ id: 'LocalOfferCreate' });
export type LocalOfferCreate = z.input<typeof localOfferCreateSchema>;
export const localOfferUpdateSchema = z
  .object({ ...localOfferFields, version: versionSchema })
  .superRefine(checkOffer)
  .meta({ id: 'LocalOfferUpdate' });
export type LocalOfferUpdate = z.input<typeof localOfferUpdateSchema>;

export const LOCAL_OFFER_ACTIONS = ['update', 'delete'] as const;

export const localOfferSchema = z
  .object({
    id: z.uuid(),
    coalition: z.object({ code: z.string(), name: z.string(), kind: z.enum(['local', 'regional']) }),
    municipalityCode: z.string().nullable(),
    municipalityName: z.string().nullable(),
    intervention: z
      .object({ key: z.string(), name: z.string(), recognition: z.enum(RECOGNITION_LEVELS) })
      .nullable(),
    activityName: z.string().nullable(),
    /** The intervention's name or the activity's. */
    name: z.string(),
    service: z.object({
      id: z.uuid(),
      name: z.string(),
      providerName: z.string(),
      isActive: z.boolean(),
      verification: z.enum(VERIFICATION_STATUSES),
    }),
    capacityPerYear: z.number().int().nullable(),
    waitingWeeks: z.number().int().nullable(),
    fundingRoute: z.enum(FUNDING_ROUTES),
    since: dateStringSchema,
    until: dateStringSchema.nullable(),
    /** Offered today: started and not ended. */
    isCurrent: z.boolean(),
    note: z.string().nullable(),
    version: z.number().int(),
    updatedAt: dateTimeStringSchema,
    allowedActions: z.array(z.enum(LOCAL_OFFER_ACTIONS)),
  })
  .meta({ id: 'LocalOffer' });
export type LocalOffer = z.infer<typeof localOfferSchema>;

export const coalitionLocalOfferSchema = z
  .object({
    coalition: z.object({ code: z.string(), name: z.string(), kind: z.enum(['local', 'regional']), municipalityCodes: z.array(z.string()) }),
    items: z.array(localOfferSchema),
    allowedActions: z.array(z.enum(['create'])),
  })
  .meta({ id: 'CoalitionLocalOffer' });
export type CoalitionLocalOffer = z.infer<typeof coalitionLocalOfferSchema>;

export const localOfferQuerySchema = pagingQuerySchema.extend({
  municipality: z.string().regex(/^GM\d{4}$/, text.errorMunicipality).optional().meta({ description: 'Het aanbod in deze gemeente: van de gemeente zelf en van haar coalities.' }),
  intervention: z.string().max(100).regex(/^[a-z0-9-]+$/, text.errorUnknownIntervention).optional().meta({ description: 'Alleen het aanbod van deze interventie van het menu.' }),
  current: z.enum(['true', 'false']).optional().meta({ description: '`true`: alleen wat vandaag wordt aangeboden.' }),
});
export type LocalOfferQuery = z.infer<typeof localOfferQuerySchema>;

export const localOfferPageSchema = pageOf(localOfferSchema, 'LocalOfferPage');
export type LocalOfferPage = z.infer<typeof localOfferPageSchema>;
