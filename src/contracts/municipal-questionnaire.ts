// SPDX-License-Identifier: EUPL-1.2
// The yearly municipal questionnaire (issue 10 item 6): editions, a municipality's response with its
// prefilled answers and their sources, submit and reopen. Questions follow seed 003 ("Coalities",
// "Samenwerking", "Figuur 2"): coalition status, regional collaboration, plan of approach,
// collaboration agreements per topic (with the reason when there is none), partners consulted and
// wanted, interventions offered, experts by experience involved.
import { z } from 'zod';
import { dateStringSchema, dateTimeStringSchema } from './common.js';
import { AGREEMENT_TOPICS } from './coalition-agreements.js';
import { PARTNER_DOMAINS } from './coalition-partners.js';

const isoDate = z.iso.date({ message: 'Vul een datum in als JJJJ-MM-DD.' });
export const questionnaireYearSchema = z.coerce.number({ message: 'Vul een jaartal in.' }).int('Vul een jaartal in.').min(2018, 'Kies een jaar vanaf 2018.').max(2100, 'Kies een jaar tot en met 2100.');
export const municipalityCodeSchema = z.string().regex(/^GM\d{4}$/, 'Gemeentecode heeft de vorm GM0505.');

/** Seed 003: 212 formed / 66 in development / 31 none; 'not_answered' is the absence of an answer, not a choice. */
export const ANSWERABLE_STATUSES = ['formed', 'in_development', 'none'] as const;
export const STATUS_CATEGORIES = ['formed', 'in_development', 'none', 'not_answered'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];
export const PLAN_STATUSES = ['approved', 'in_development', 'none'] as const;
// The agreement topics and partner domains are the register's own lists (one list each).
export { AGREEMENT_TOPICS } from './coalition-agreements.js';
export { PARTNER_DOMAINS } from './coalition-partners.js';

const freeText = z.string().trim().min(1, 'Dit veld is verplicht.').max(500, 'Dit is te lang (ten hoogste 500 tekens).');
const distinct = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max, 'Te veel keuzes.')
    .refine((values) => new Set(values.map((value) => JSON.stringify(value))).size === values.length, 'Elke keuze mag maar één keer voorkomen.');

/** Every question and the shape of its answer. */
export const answerValueSchemas = {
  coalition_status: z.enum(ANSWERABLE_STATUSES, { message: 'Kies: gevormd, in ontwikkeling of geen coalitie.' }),
  local_coalition: freeText.max(200, 'Dit is te lang.').nullable(),
  regional_collaboration: freeText.max(200, 'Dit is te lang.').nullable(),
  plan_status: z.enum(PLAN_STATUSES, { message: 'Kies: vastgesteld, in ontwikkeling of geen plan.' }),
  agreements: distinct(
    z.strictObject({
      topic: z.enum(AGREEMENT_TOPICS, { message: 'Onbekend onderwerp.' }),
      hasAgreement: z.boolean(),
      reason: freeText.nullable(),
    }),
    AGREEMENT_TOPICS.length,
  ).refine((items) => new Set(items.map((item) => item.topic)).size === items.length, 'Elk onderwerp mag maar één keer voorkomen.'),
  partners_consulted: distinct(z.enum(PARTNER_DOMAINS, { message: 'Onbekend domein.' }), PARTNER_DOMAINS.length),
  partners_wanted: distinct(z.enum(PARTNER_DOMAINS, { message: 'Onbekend domein.' }), PARTNER_DOMAINS.length),
  interventions_offered: distinct(z.string().regex(/^[a-z0-9-]{1,60}$/, 'Onbekende interventie.'), 60),
  experts_by_experience_involved: z.boolean(),
} as const;
export type QuestionKey = keyof typeof answerValueSchemas;
export const QUESTION_KEYS = Object.keys(answerValueSchemas) as QuestionKey[];
export type AnswerValues = { [K in QuestionKey]: z.infer<(typeof answerValueSchemas)[K]> };

/** What a respondent sends: any subset of the questions (a draft); submit needs coalition_status. */
export const answersInputSchema = z.strictObject(
  Object.fromEntries(QUESTION_KEYS.map((key) => [key, answerValueSchemas[key].optional()])) as { [K in QuestionKey]: z.ZodOptional<(typeof answerValueSchemas)[K]> },
);
export type AnswersInput = z.infer<typeof answersInputSchema>;

export const saveResponseSchema = z.strictObject({ answers: answersInputSchema });
export const reopenResponseSchema = z.strictObject({
  reason: z.string().trim().min(5, 'Geef een reden van ten minste 5 tekens.').max(500, 'Dit is te lang (ten hoogste 500 tekens).'),
});

export const editionCreateSchema = z
  .strictObject({ year: questionnaireYearSchema, referenceDate: isoDate, opensOn: isoDate, deadline: isoDate })
  .refine((edition) => edition.opensOn <= edition.deadline, { path: ['deadline'], message: 'De uiterste datum ligt vóór de openingsdatum.' });
export type EditionCreate = z.infer<typeof editionCreateSchema>;

export const editionSchema = z
  .object({
    year: z.number().int(),
    referenceDate: dateStringSchema,
    opensOn: dateStringSchema,
    deadline: dateStringSchema,
    /** 'not_open' before opensOn, 'open' through the deadline, 'closed' after. */
    phase: z.enum(['not_open', 'open', 'closed']),
  })
  .meta({ id: 'QuestionnaireEdition' });
export type Edition = z.infer<typeof editionSchema>;
export const editionListSchema = z.object({ items: z.array(editionSchema), allowedActions: z.array(z.enum(['create'])) }).meta({ id: 'QuestionnaireEditionList' });

/** The response's state as the respondent sees it: 'new' (nothing saved yet) and 'locked' (after the deadline) are derived. */
export const RESPONSE_VIEW_STATES = ['new', 'draft', 'submitted', 'locked', 'reopened'] as const;
export type ResponseViewState = (typeof RESPONSE_VIEW_STATES)[number];

export const answerSchema = z.object({
  value: z.unknown(),
  origin: z.enum(['prefill', 'respondent']),
  /** Where a prefilled value came from (e.g. "Coalitieregister: status 2024"), and of when. */
  sourceLabel: z.string().nullable(),
  sourceDate: dateStringSchema.nullable(),
});
export type Answer = z.infer<typeof answerSchema>;

export const responseSchema = z
  .object({
    edition: editionSchema,
    municipalityCode: z.string(),
    municipalityName: z.string(),
    state: z.enum(RESPONSE_VIEW_STATES),
    version: z.number().int(),
    answers: z.record(z.string(), answerSchema),
    submittedAt: dateTimeStringSchema.nullable(),
    reopenReason: z.string().nullable(),
    allowedActions: z.array(z.enum(['update', 'reopen'])),
  })
  .meta({ id: 'QuestionnaireResponse' });
export type QuestionnaireResponse = z.infer<typeof responseSchema>;

export const responseSummarySchema = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  state: z.enum(RESPONSE_VIEW_STATES),
  coalitionStatus: z.enum(STATUS_CATEGORIES),
  submittedAt: dateTimeStringSchema.nullable(),
});
export const responseListSchema = z
  .object({ edition: editionSchema, items: z.array(responseSummarySchema) })
  .meta({ id: 'QuestionnaireResponseList' });
export type ResponseList = z.infer<typeof responseListSchema>;

export const editionParamSchema = z.object({ year: questionnaireYearSchema });
export const responseParamSchema = z.object({ year: questionnaireYearSchema, municipalityCode: municipalityCodeSchema });
