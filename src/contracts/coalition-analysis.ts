// SPDX-License-Identifier: EUPL-1.2
// Wire contract of the coalition self-analysis (issue 10 item 5; the frame of seed 002's analysetool):
// rounds, invitations, answering (with an account or through a personal link) and the report.
import { z } from 'zod';
import { dateStringSchema, emailSchema, nameSchema } from './common.js';
import { calendarDateSchema } from './coalition-partners.js';

export const ANONYMITY_MODES = ['named', 'per_partner', 'anonymous'] as const;
export type AnonymityMode = (typeof ANONYMITY_MODES)[number];
export const ROUND_STATUSES = ['open', 'closed'] as const;

/** A coalition's public code: "KS" and four digits. */
export const coalitionCodeSchema = z.string().regex(/^KS\d{4}$/, 'Een coalitiecode is KS gevolgd door vier cijfers.');
export const coalitionParamsSchema = z.object({ code: coalitionCodeSchema });
export const roundParamsSchema = z.object({ code: coalitionCodeSchema, roundId: z.uuid({ message: 'Geen geldige verwijzing (UUID).' }) });
export const respondentParamsSchema = z.object({ respondentId: z.uuid({ message: 'Geen geldige verwijzing (UUID).' }) });
/** Any string is looked up (an unknown one is answered "link does not work"), within a sane length. */
export const linkTokenParamsSchema = z.object({ token: z.string().min(1).max(200) });

export const openRoundSchema = z.strictObject({
  title: nameSchema,
  anonymity: z.enum(ANONYMITY_MODES, { message: 'Kies hoe de antwoorden worden getoond: met naam, per partnerorganisatie of anoniem.' }),
  /** The day the round is planned to close (not in the past): who has not answered is reminded by mail a few days before. */
  closesOn: calendarDateSchema.nullable().optional(),
});

export const inviteRespondentSchema = z.union([
  z.strictObject({ personId: z.uuid({ message: 'Kies een persoon.' }) }),
  z.strictObject({ name: nameSchema, email: emailSchema }),
]);

const scoreSchema = z
  .number({ message: 'Een score is een geheel getal van 1 tot en met 5.' })
  .int('Een score is een geheel getal van 1 tot en met 5.')
  .min(1, 'Een score is een geheel getal van 1 tot en met 5.')
  .max(5, 'Een score is een geheel getal van 1 tot en met 5.');

export const saveAnswersSchema = z.strictObject({
  answers: z
    .array(z.strictObject({ statementKey: z.string().min(1).max(64), score: scoreSchema }))
    .min(1, 'Geef bij minstens één stelling een score.')
    .max(56),
});

const coalitionRefSchema = z.object({ code: z.string(), name: z.string() });

export const roundSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    anonymity: z.enum(ANONYMITY_MODES),
    status: z.enum(ROUND_STATUSES),
    openedAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    /** The planned closing day (JJJJ-MM-DD); null: none set. */
    closesOn: dateStringSchema.nullable(),
    respondentCount: z.number().int(),
    /** Respondents who answered at least one statement. */
    answeredCount: z.number().int(),
    instrumentVersion: z.string(),
  })
  .meta({ id: 'AnalysisRoundSummary' });

export const roundListSchema = z
  .object({ coalition: coalitionRefSchema, items: z.array(roundSummarySchema), allowedActions: z.array(z.enum(['create'])) })
  .meta({ id: 'AnalysisRoundList' });

export const respondentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(['account', 'link']),
    organisationName: z.string().nullable(),
    /** Statements answered; null in an anonymous round (who answered is not shown). */
    answeredCount: z.number().int().nullable(),
  })
  .meta({ id: 'AnalysisRespondent' });

export const roundDetailSchema = z
  .object({
    coalition: coalitionRefSchema,
    round: roundSummarySchema,
    statementCount: z.number().int(),
    respondents: z.array(respondentSchema),
    allowedActions: z.array(z.enum(['update'])),
  })
  .meta({ id: 'AnalysisRound' });

export const inviteResultSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    /** The personal link, for someone without an account: shown this once, never stored readable. */
    link: z.string().nullable(),
  })
  .meta({ id: 'AnalysisInvitation' });

export const candidateListSchema = z
  .object({ items: z.array(z.object({ personId: z.uuid(), name: z.string(), organisationName: z.string() })) })
  .meta({ id: 'AnalysisCandidates' });

const statementSchema = z.object({ key: z.string(), number: z.string(), text: z.string() });
export const analysisFormSchema = z
  .object({
    roundTitle: z.string(),
    coalitionName: z.string(),
    respondentName: z.string(),
    status: z.enum(ROUND_STATUSES),
    anonymity: z.enum(ANONYMITY_MODES),
    scaleLabels: z.array(z.string()),
    parts: z.array(z.object({ key: z.string(), title: z.string(), statements: z.array(statementSchema) })),
    /** This respondent's own scores so far, by statement key. */
    answers: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'AnalysisForm' });

export const saveAnswersResultSchema = z
  .object({ savedCount: z.number().int(), answeredCount: z.number().int(), statementCount: z.number().int() })
  .meta({ id: 'AnalysisAnswersSaved' });

export const myInvitationListSchema = z
  .object({
    items: z.array(
      z.object({
        respondentId: z.uuid(),
        roundTitle: z.string(),
        coalition: coalitionRefSchema,
        status: z.enum(ROUND_STATUSES),
        answeredCount: z.number().int(),
        statementCount: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'AnalysisInvitationList' });

const figuresSchema = {
  count: z.number().int(),
  mean: z.number().nullable(),
  standardDeviation: z.number().nullable(),
  /** The mean's change since the previous round (null: no previous round, or no figure there). */
  change: z.number().nullable(),
};

export const reportSchema = z
  .object({
    coalition: coalitionRefSchema,
    round: roundSummarySchema,
    previousRound: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    scaleLabels: z.array(z.string()),
    parts: z.array(z.object({ key: z.string(), title: z.string(), ...figuresSchema, disagreementCount: z.number().int() })),
    statements: z.array(
      z.object({
        key: z.string(),
        number: z.string(),
        text: z.string(),
        partKey: z.string(),
        ...figuresSchema,
        /** How many answered 1..5; null when hidden (an anonymous round with fewer than 3 answers). */
        distribution: z.array(z.number().int()).nullable(),
        isDisagreement: z.boolean(),
        /** Figures withheld to keep an anonymous round anonymous. */
        isSuppressed: z.boolean(),
      }),
    ),
    /** The weakest statements (lowest mean first), by key. */
    weakest: z.array(z.string()),
    /** Means per part by respondent ('named') or by partner organisation ('per_partner'); null when anonymous. */
    groups: z
      .object({
        kind: z.enum(['named', 'per_partner']),
        rows: z.array(z.object({ label: z.string(), count: z.number().int(), partMeans: z.record(z.string(), z.number().nullable()) })),
      })
      .nullable(),
    /** 'improve': may turn a statement into an improvement action of the plan (the plan's create grant). */
    allowedActions: z.array(z.enum(['improve'])),
  })
  .meta({ id: 'AnalysisReport' });

/** The plan part's endpoint (briefing contract): POST /api/v1/coalitions/{code}/improvement-actions. */
export const improvementActionRequestSchema = z.object({
  title: z.string().min(1).max(300),
  origin: z.object({ roundId: z.uuid(), statementKey: z.string() }).nullable(),
});
export const improvementActionResultSchema = z.object({ id: z.uuid() });

export type RoundList = z.infer<typeof roundListSchema>;
export type RoundDetail = z.infer<typeof roundDetailSchema>;
export type RoundSummary = z.infer<typeof roundSummarySchema>;
export type InviteResult = z.infer<typeof inviteResultSchema>;
export type CandidateList = z.infer<typeof candidateListSchema>;
export type AnalysisForm = z.infer<typeof analysisFormSchema>;
export type SaveAnswersResult = z.infer<typeof saveAnswersResultSchema>;
export type MyInvitationList = z.infer<typeof myInvitationListSchema>;
export type AnalysisReport = z.infer<typeof reportSchema>;
export type OpenRoundRequest = z.infer<typeof openRoundSchema>;
export type InviteRespondentRequest = z.infer<typeof inviteRespondentSchema>;
export type SaveAnswersRequest = z.infer<typeof saveAnswersSchema>;
export type ImprovementActionRequest = z.infer<typeof improvementActionRequestSchema>;
