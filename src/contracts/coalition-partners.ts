// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of a coalition's partners (/api/v1/coalitions/{code}/partners).
import { z } from 'zod';
import { emailSchema, dateStringSchema } from './common.js';

/** Issue 10 item 2: the domains a partner comes from (seed 003 "Samenwerking" names the organisations behind them). */
export const PARTNER_DOMAINS = ['medical', 'social', 'informal', 'experts_by_experience', 'insurer', 'education', 'other'] as const;
export type PartnerDomain = (typeof PARTNER_DOMAINS)[number];
/** Seed 001 stap 2: "Coalities kunnen bestaan op bestuurlijk, beleidsmatig en uitvoerend niveau". */
export const PARTNER_LEVELS = ['bestuurlijk', 'beleidsmatig', 'uitvoerend'] as const;
export type PartnerLevel = (typeof PARTNER_LEVELS)[number];

/** A coalition's public code in a URL: "KS" and four digits. */
export const coalitionCodeSchema = z.string().regex(/^KS\d{4}$/, 'Geen geldige coalitiecode (KS en vier cijfers).');
export const coalitionCodeParamSchema = z.object({ code: coalitionCodeSchema });
export const coalitionItemParamSchema = z.object({ code: coalitionCodeSchema, id: z.uuid({ message: 'Geen geldige verwijzing (UUID).' }) });

/** A calendar date as the API exchanges it (ISO 8601), within years a database stores sensibly. */
export const calendarDateSchema = z.iso
  .date({ message: 'Vul een geldige datum in (JJJJ-MM-DD).' })
  .refine((value) => value >= '1900-01-01' && value <= '2200-12-31', 'Vul een datum tussen 1900 en 2200 in.');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Dit is te lang (hoogstens ${max} tekens).`)
    .nullable()
    .default(null)
    .transform((value) => (value === '' ? null : value));

export const partnerInputSchema = z
  .object({
    /** An organisation of the platform (from the organisation directory) … */
    organisationId: z.uuid({ message: 'Kies een organisatie uit de lijst.' }).nullable().default(null),
    /** … or one outside it, by name. Exactly one of the two. */
    externalName: optionalText(200),
    domain: z.enum(PARTNER_DOMAINS, { message: 'Kies een domein.' }),
    level: z.enum(PARTNER_LEVELS, { message: 'Kies een niveau.' }),
    role: optionalText(500),
    since: calendarDateSchema.nullable().default(null),
    until: calendarDateSchema.nullable().default(null),
    /** A partner the coalition wants on board but does not have yet (seed 003: GPs, parents, insurers …). */
    isWanted: z.boolean().default(false),
    /** A contact at the partner: staff data, shown to logged-in users only. */
    contactName: optionalText(200),
    contactEmail: z.union([z.literal('').transform(() => null), emailSchema]).nullable().default(null),
  })
  .superRefine((value, context) => {
    if ((value.organisationId === null) === (value.externalName === null)) {
      context.addIssue({ code: 'custom', path: ['organisationId'], message: 'Kies een organisatie uit de lijst of vul de naam van een externe organisatie in (één van beide).' });
    }
    if (value.since && value.until && value.until < value.since) {
      context.addIssue({ code: 'custom', path: ['until'], message: 'De einddatum ligt vóór de begindatum.' });
    }
    if (value.isWanted && value.until) {
      context.addIssue({ code: 'custom', path: ['until'], message: 'Een gewenste partner is nog niet aangesloten en heeft dus geen einddatum.' });
    }
  });
export type PartnerInput = z.input<typeof partnerInputSchema>;

export const partnerSchema = z
  .object({
    id: z.uuid(),
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
    externalName: z.string().nullable(),
    /** The organisation's name or the external name. */
    name: z.string(),
    domain: z.enum(PARTNER_DOMAINS),
    level: z.enum(PARTNER_LEVELS),
    role: z.string().nullable(),
    since: dateStringSchema.nullable(),
    until: dateStringSchema.nullable(),
    /** On board today: not wanted, and not ended. */
    isCurrent: z.boolean(),
    isWanted: z.boolean(),
    contactName: z.string().nullable(),
    contactEmail: z.string().nullable(),
    allowedActions: z.array(z.enum(['update'])),
  })
  .meta({ id: 'CoalitionPartner' });
export type Partner = z.infer<typeof partnerSchema>;

export const coalitionHeaderSchema = z.object({ code: z.string(), name: z.string() }).meta({ id: 'CoalitionHeader' });

export const partnerListSchema = z
  .object({
    coalition: coalitionHeaderSchema,
    items: z.array(partnerSchema),
    allowedActions: z.array(z.enum(['create'])),
  })
  .meta({ id: 'CoalitionPartnerList' });
export type PartnerList = z.infer<typeof partnerListSchema>;
