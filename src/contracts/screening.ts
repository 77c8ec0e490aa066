// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of screening instruments (/api/v1/questionnaires) and screenings of a family
// (/api/v1/families/{familyId}/screenings, /api/v1/screenings/{id}).
import { z } from 'zod';
import { versionSchema } from './common.js';

/**
 * Text that PostgreSQL can keep in jsonb: no NUL character and no lone UTF-16 surrogate (both are
 * refused by the database, and neither has a place in an answer).
 */
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export function isSafeText(text: string): boolean {
  return !UNSAFE_TEXT.test(text);
}
const safeText = (max: number) =>
  z
    .string()
    .max(max, `Gebruik maximaal ${max} tekens.`)
    .refine(isSafeText, 'De tekst bevat tekens die niet kunnen worden opgeslagen.');

export const questionnaireIdParamSchema = z.object({ id: z.uuid({ message: 'Geen geldige verwijzing (UUID).' }) });
export const familyIdParamSchema = z.object({ familyId: z.uuid({ message: 'Geen geldige verwijzing (UUID).' }) });

export const questionnaireSummarySchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    version: z.string(),
    title: z.string(),
    /** FHIR publication status: draft, active, retired or unknown. */
    status: z.string(),
    /** `url|version`: what a response to this instrument refers to. */
    canonical: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'QuestionnaireSummary' });
export type QuestionnaireSummary = z.infer<typeof questionnaireSummarySchema>;

export const questionnaireListSchema = z.object({ items: z.array(questionnaireSummarySchema) }).meta({ id: 'QuestionnaireList' });

/** A FHIR R4 Questionnaire resource as stored (validated at upload). */
export const questionnaireResourceSchema = z
  .looseObject({ resourceType: z.literal('Questionnaire'), url: z.string(), version: z.string(), title: z.string(), item: z.array(z.unknown()) })
  .meta({ id: 'FhirQuestionnaire' });

/** The upload: any JSON object; the instrument rules are checked by the server with Dutch messages. */
export const questionnaireUploadSchema = z.record(z.string(), z.unknown()).meta({ id: 'QuestionnaireUpload' });

export const codingSchema = z
  .object({
    system: safeText(500).optional(),
    code: safeText(200).min(1),
    display: safeText(500).optional(),
  })
  .meta({ id: 'Coding' });

/** One answer: yes/no, a number, a text or date (YYYY-MM-DD), or a chosen option (Coding). */
export const answerValueSchema = z.union([z.boolean(), z.number(), safeText(5000), codingSchema]);

/** Answers per question (linkId); a question that repeats may have several. */
export const answersSchema = z
  .record(safeText(255).min(1), z.array(answerValueSchema).max(100))
  .refine((answers) => Object.keys(answers).length <= 1000, 'Te veel antwoorden.')
  .meta({ id: 'ScreeningAnswers' });
export type ScreeningAnswers = z.infer<typeof answersSchema>;

export const screeningStartSchema = z
  .object({
    /** A specific instrument version; default: the newest active version of the Kansrijk instrument. */
    questionnaireId: z.uuid({ message: 'Geen geldige verwijzing (UUID).' }).optional(),
  })
  .meta({ id: 'ScreeningStart' });

export const screeningAnswersUpdateSchema = z
  .object({
    answers: answersSchema,
    /** The version the answers are based on (optimistic locking). */
    version: versionSchema,
  })
  .meta({ id: 'ScreeningAnswersUpdate' });

export const screeningCompletionSchema = z
  .object({
    /** The final answers; without them the saved draft is completed. */
    answers: answersSchema.optional(),
    version: versionSchema.optional(),
  })
  .refine((input) => input.answers === undefined || input.version !== undefined, {
    message: 'Geef bij de antwoorden ook de versie waarop ze gebaseerd zijn.',
    path: ['version'],
  })
  .meta({ id: 'ScreeningCompletion' });

export const SCREENING_STATUSES = ['in-progress', 'completed'] as const;
export const SUPPORT_TIERS = ['universal', 'extra', 'intensive'] as const;
export type SupportTierCode = (typeof SUPPORT_TIERS)[number];

const findingSchema = z.object({ key: z.string(), label: z.string() });
export const factorProfileSchema = z
  .object({
    questionnaire: z.string(),
    domains: z.array(
      z.object({
        domain: z.enum(['lifestyle', 'parent', 'environment', 'child']),
        label: z.string(),
        risks: z.array(findingSchema),
        protectives: z.array(findingSchema),
      }),
    ),
    professional: z.object({
      concern: z.enum(['none', 'some', 'serious']).nullable(),
      judgement: z.string().nullable(),
      isHelpWanted: z.boolean().nullable(),
    }),
    accumulation: z.object({
      domainsWithRisk: z.number().int(),
      riskFactorCount: z.number().int(),
      protectiveFactorCount: z.number().int(),
    }),
  })
  .meta({ id: 'FactorProfile' });
export type FactorProfileView = z.infer<typeof factorProfileSchema>;

export const screeningSummarySchema = z
  .object({
    id: z.uuid(),
    familyId: z.uuid(),
    questionnaireId: z.uuid(),
    questionnaireTitle: z.string(),
    questionnaireVersion: z.string(),
    status: z.enum(SCREENING_STATUSES),
    organisationName: z.string(),
    authorName: z.string(),
    supportTier: z.enum(SUPPORT_TIERS).nullable(),
    domainsWithRisk: z.number().int().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ScreeningSummary' });
export type ScreeningSummary = z.infer<typeof screeningSummarySchema>;

export const screeningListSchema = z.object({ items: z.array(screeningSummarySchema) }).meta({ id: 'ScreeningList' });

export const screeningSchema = screeningSummarySchema
  .extend({
    answers: z.record(z.string(), z.array(z.unknown())),
    profile: factorProfileSchema.nullable(),
    /** The answers as a FHIR R4 QuestionnaireResponse, tied to the instrument version answered. */
    questionnaireResponse: z.looseObject({ resourceType: z.literal('QuestionnaireResponse'), questionnaire: z.string(), status: z.string() }),
  })
  .meta({ id: 'Screening' });
export type Screening = z.infer<typeof screeningSchema>;
