// SPDX-License-Identifier: EUPL-1.2
// Wire contracts of a coalition's plan of approach (plan van aanpak) and its improvement actions
// (/api/v1/coalitions/{code}/plan…, /api/v1/coalitions/{code}/improvement-actions).
//
// Seed 001 ("De juiste stappen zetten"): six steps — 1 feiten en cijfers, 2 coalitie, 3 ambitie,
// 4 doelen (voor, tijdens en na de zwangerschap, aansluitend bij de actielijnen), 5 maatschappelijke
// resultaten, 6 interventies — and the recurring "bijstellen en sturen" (cyclisch en organisch).
import { z } from 'zod';
import { dateStringSchema, dateTimeStringSchema } from './common.js';
import { areaProfileSchema } from './monitor.js';

/** The six steps of seed 001 and the recurring review ("bijsturen"), in the plan's order. */
export const PLAN_STEPS = ['facts', 'coalition', 'ambition', 'goals', 'results', 'interventions', 'review'] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];

/** Seed 001 stap 4: goals per period — before, during and after pregnancy (seed 000 §4, the three action lines). */
export const GOAL_PHASES = ['before_pregnancy', 'during_pregnancy', 'after_birth'] as const;
export type GoalPhase = (typeof GOAL_PHASES)[number];

/** Seed 000 §2: the six goals of the programme, numbered as there. */
export const PROGRAMME_GOALS = [1, 2, 3, 4, 5, 6] as const;
export type ProgrammeGoal = (typeof PROGRAMME_GOALS)[number];

/** Seed 000 §4: action line 1 (before) carries goals 1–2, line 2 (during) goals 3–4, line 3 (after birth) goals 5–6. */
export const PROGRAMME_GOALS_OF_PHASE: Record<GoalPhase, readonly ProgrammeGoal[]> = {
  before_pregnancy: [1, 2],
  during_pregnancy: [3, 4],
  after_birth: [5, 6],
};

/** A target year must fall in the programme's horizon. */
export const TARGET_YEAR_MIN = 2018;
export const TARGET_YEAR_MAX = 2040;
export const PLAN_TEXT_MAX = 20_000;
export const PLAN_GOALS_MAX = 60;

const CODE_MESSAGE = 'Verwacht een coalitiecode: KS en vier cijfers (bijvoorbeeld KS0001).';
export const coalitionCodeSchema = z.string().trim().toUpperCase().regex(/^KS\d{4}$/, CODE_MESSAGE);
export const coalitionCodeParamSchema = z.object({ code: coalitionCodeSchema });
export const planVersionParamSchema = z.object({
  code: coalitionCodeSchema,
  version: z.coerce.number({ message: 'Geen geldig versienummer.' }).int('Geen geldig versienummer.').min(1, 'Geen geldig versienummer.').max(100_000, 'Geen geldig versienummer.'),
});

const DATE_MESSAGE = 'Vul een geldige datum in (jjjj-mm-dd).';
/** A calendar date that exists (2024-02-30 does not). */
export const planDateSchema = z
  .string({ message: DATE_MESSAGE })
  .regex(/^\d{4}-\d{2}-\d{2}$/, DATE_MESSAGE)
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '2000-01-01' && value <= '2100-12-31';
  }, DATE_MESSAGE)
  .meta({ format: 'date' });

const text = (max = PLAN_TEXT_MAX) => z.string({ message: 'Vul tekst in.' }).max(max, `Dit is te lang (hoogstens ${max} tekens).`);

export const planGoalSchema = z
  .object({
    /** Stable within the plan (kept when a new version is copied), so a comparison can pair goals. */
    id: z.uuid({ message: 'Geen geldige verwijzing (UUID).' }),
    phase: z.enum(GOAL_PHASES, { message: 'Kies voor, tijdens of na de zwangerschap.' }),
    programmeGoal: z.literal(PROGRAMME_GOALS, { message: 'Kies een doel van het actieprogramma (1 tot en met 6).' }),
    description: z.string({ message: 'Beschrijf het doel.' }).trim().min(1, 'Beschrijf het doel.').max(2_000, 'Dit is te lang (hoogstens 2000 tekens).'),
    /** An indicator of the monitor whose figure for the coalition shows progress; null when none. */
    indicatorKey: z.string().trim().max(80, 'Geen bekende indicator van de monitor.').nullable(),
    targetValue: z.number({ message: 'Vul een getal in.' }).min(0, 'De streefwaarde kan niet negatief zijn.').max(1000, 'De streefwaarde is te groot.').nullable(),
    targetYear: z.number({ message: 'Vul een jaartal in.' }).int('Vul een jaartal in.').nullable(),
  })
  .meta({ id: 'PlanGoal' });
export type PlanGoal = z.infer<typeof planGoalSchema>;

export const planContentSchema = z
  .object({
    /** Text per step; 'goals' is the introduction to the goal rows. */
    texts: z.object(Object.fromEntries(PLAN_STEPS.map((step) => [step, text()])) as Record<PlanStep, ReturnType<typeof text>>),
    goals: z.array(planGoalSchema).max(PLAN_GOALS_MAX, `Hoogstens ${PLAN_GOALS_MAX} doelen.`),
  })
  .meta({ id: 'PlanContent' });
export type PlanContent = z.infer<typeof planContentSchema>;

export const PLAN_STATUSES = ['draft', 'approved'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_VERSION_ACTIONS = ['update', 'approve', 'new_version'] as const;

export const planVersionSummarySchema = z
  .object({
    version: z.number().int(),
    status: z.enum(PLAN_STATUSES),
    basedOnVersion: z.number().int().nullable(),
    approvedOn: dateStringSchema.nullable(),
    /** The body that approved it (e.g. the steering group or the municipal council). */
    approvedBy: z.string().nullable(),
    updatedAt: dateTimeStringSchema,
  })
  .meta({ id: 'PlanVersionSummary' });
export type PlanVersionSummary = z.infer<typeof planVersionSummarySchema>;

export const planVersionSchema = planVersionSummarySchema
  .extend({
    /** Optimistic concurrency: a save names the revision it started from. */
    revision: z.number().int(),
    content: planContentSchema,
    allowedActions: z.array(z.enum(PLAN_VERSION_ACTIONS)),
  })
  .meta({ id: 'PlanVersion' });
export type PlanVersion = z.infer<typeof planVersionSchema>;

/** Progress of a goal that names an indicator: the coalition's latest published figure against the target. */
export const GOAL_PROGRESS_STATES = ['reached', 'not_reached', 'suppressed', 'no_figure'] as const;
export const goalProgressSchema = z
  .object({
    goalId: z.string(),
    indicatorKey: z.string(),
    indicatorName: z.string(),
    unit: z.enum(['percentage', 'per_1000']),
    desiredDirection: z.enum(['lower', 'higher']),
    state: z.enum(GOAL_PROGRESS_STATES),
    /** Latest published value, its interval and period; null when suppressed or absent. */
    value: z.number().nullable(),
    lower: z.number().nullable(),
    upper: z.number().nullable(),
    period: z.string().nullable(),
    targetValue: z.number().nullable(),
    targetYear: z.number().int().nullable(),
  })
  .meta({ id: 'PlanGoalProgress' });
export type GoalProgress = z.infer<typeof goalProgressSchema>;

export const IMPROVEMENT_ACTION_STATUSES = ['open', 'in_progress', 'done'] as const;
export type ImprovementActionStatus = (typeof IMPROVEMENT_ACTION_STATUSES)[number];

export const improvementActionSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(IMPROVEMENT_ACTION_STATUSES),
    origin: z.object({ roundId: z.string(), statementKey: z.string() }).nullable(),
    version: z.number().int(),
    createdAt: dateTimeStringSchema,
    updatedAt: dateTimeStringSchema,
  })
  .meta({ id: 'ImprovementAction' });
export type ImprovementAction = z.infer<typeof improvementActionSchema>;

export const planOverviewSchema = z
  .object({
    coalition: z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(['local', 'regional']),
      /** Its current member municipalities: their monitor pages compare each with similar municipalities. */
      municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
    /** The versions the actor may read, newest first (everyone: approved ones; the coalition's readers: all). */
    versions: z.array(planVersionSummarySchema),
    /** The newest version the actor may read; null when there is none. */
    current: planVersionSchema.nullable(),
    /** Step 1: the coalition's own figures from the monitor (after its suppression); null when the monitor has no such area. */
    facts: areaProfileSchema.nullable(),
    progress: z.array(goalProgressSchema),
    /** Null when the actor may not read them (only the coalition's readers do). */
    improvementActions: z.array(improvementActionSchema).nullable(),
    allowedActions: z.array(z.enum(['start_plan', 'create_improvement_action', 'update_improvement_action'])),
  })
  .meta({ id: 'PlanOverview' });
export type PlanOverview = z.infer<typeof planOverviewSchema>;

export const planVersionCreateSchema = z.object({
  /** Copy from this version ("nieuwe versie"); null or absent: from the newest version, or empty when there is none. */
  fromVersion: z.number().int().min(1).max(100_000).nullable().optional(),
});

export const planVersionSaveSchema = z.object({
  revision: z.number({ message: 'Versie ontbreekt.' }).int().min(1).max(1_000_000),
  content: planContentSchema,
});

export const planApprovalSchema = z.object({
  revision: z.number({ message: 'Versie ontbreekt.' }).int().min(1).max(1_000_000),
  approvedOn: planDateSchema,
  approvedBy: z.string({ message: 'Vul in wie het plan vaststelde.' }).trim().min(2, 'Vul in wie het plan vaststelde.').max(200, 'Dit is te lang (hoogstens 200 tekens).'),
});

export const planComparisonQuerySchema = z.object({
  from: z.coerce.number({ message: 'Geen geldig versienummer.' }).int('Geen geldig versienummer.').min(1, 'Geen geldig versienummer.').max(100_000, 'Geen geldig versienummer.'),
  to: z.coerce.number({ message: 'Geen geldig versienummer.' }).int('Geen geldig versienummer.').min(1, 'Geen geldig versienummer.').max(100_000, 'Geen geldig versienummer.'),
});

export const planComparisonSchema = z
  .object({
    from: planVersionSummarySchema,
    to: planVersionSummarySchema,
    steps: z.array(
      z.object({
        step: z.enum(PLAN_STEPS),
        fromText: z.string(),
        toText: z.string(),
        isChanged: z.boolean(),
      }),
    ),
    goals: z.array(
      z.object({
        goalId: z.string(),
        from: planGoalSchema.nullable(),
        to: planGoalSchema.nullable(),
        change: z.enum(['added', 'removed', 'changed', 'same']),
      }),
    ),
  })
  .meta({ id: 'PlanComparison' });
export type PlanComparison = z.infer<typeof planComparisonSchema>;

/** The briefing's contract: the self-analysis report's "Maak verbeteractie" posts exactly this. */
export const improvementActionCreateSchema = z.object({
  title: z.string({ message: 'Vul een titel in.' }).trim().min(1, 'Vul een titel in.').max(300, 'Dit is te lang (hoogstens 300 tekens).'),
  origin: z
    .object({
      roundId: z.uuid({ message: 'Geen geldige verwijzing (UUID).' }),
      statementKey: z.string().trim().min(1, 'Geen geldige stelling.').max(100, 'Geen geldige stelling.'),
    })
    .nullable(),
});
export const improvementActionCreatedSchema = z.object({ id: z.string() });

export const improvementActionParamSchema = z.object({ code: coalitionCodeSchema, id: z.uuid({ message: 'Geen geldige verwijzing (UUID).' }) });
export const improvementActionUpdateSchema = z.object({
  version: z.number({ message: 'Versie ontbreekt.' }).int().min(1).max(1_000_000),
  status: z.enum(IMPROVEMENT_ACTION_STATUSES, { message: 'Kies open, in uitvoering of afgerond.' }),
});
