// SPDX-License-Identifier: EUPL-1.2
// Queries of the municipal questionnaire shared by its use-cases: an edition, the policy target of a
// municipality's response, a response with its answers, and the view the respondent gets.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { ANSWERABLE_STATUSES, answerValueSchemas, QUESTION_KEYS, type Answer, type AnswersInput, type Edition, type QuestionKey, type QuestionnaireResponse } from '../../../contracts/municipal-questionnaire.js';
import type { Executor } from '../../platform/db/connection.js';
import { decide, type Actor, type Target } from '../../platform/access/policy.js';
import { AppError } from '../../platform/errors.js';
import { coalitionMunicipalities } from '../coalitions/schema.js';
import { INTERVENTION_CATALOGUE } from '../interventions/domain/catalogue.js';
import { municipalities } from '../reference/schema.js';
import { prefill } from './prefill/index.js';
import { phaseOn, viewState } from './response-state.js';
import { municipalQuestionnaireEditions, municipalQuestionnaireResponseAnswers, municipalQuestionnaireResponses } from './schema.js';

export type EditionRow = typeof municipalQuestionnaireEditions.$inferSelect;
export type ResponseRow = typeof municipalQuestionnaireResponses.$inferSelect;

export const objectIdOf = (year: number, municipalityCode: string) => `${year}/${municipalityCode}`;

export function editionView(edition: EditionRow, today: string): Edition {
  return { year: edition.year, referenceDate: edition.referenceDate, opensOn: edition.opensOn, deadline: edition.deadline, phase: phaseOn(edition, today) };
}

export async function requireEdition(db: Executor, year: number): Promise<EditionRow> {
  const [edition] = await db.select().from(municipalQuestionnaireEditions).where(eq(municipalQuestionnaireEditions.year, year));
  if (!edition) throw new AppError('not_found');
  return edition;
}

/** A municipality's response as the policy sees it: the municipality, and the coalitions it is a current member of. */
export async function municipalityTarget(db: Executor, municipalityCode: string): Promise<(Target & { municipalityName: string }) | null> {
  const [place] = await db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.code, municipalityCode));
  if (!place) return null;
  const memberships = await db
    .select({ coalitionId: coalitionMunicipalities.coalitionId })
    .from(coalitionMunicipalities)
    .where(and(eq(coalitionMunicipalities.municipalityCode, municipalityCode), isNull(coalitionMunicipalities.until)));
  return { organisationIds: [], municipalityCodes: [municipalityCode], coalitionIds: memberships.map((row) => row.coalitionId), municipalityName: place.name };
}

export async function findResponse(db: Executor, editionId: string, municipalityCode: string) {
  const [response] = await db
    .select()
    .from(municipalQuestionnaireResponses)
    .where(and(eq(municipalQuestionnaireResponses.editionId, editionId), eq(municipalQuestionnaireResponses.municipalityCode, municipalityCode)));
  if (!response) return null;
  const answers = await db.select().from(municipalQuestionnaireResponseAnswers).where(eq(municipalQuestionnaireResponseAnswers.responseId, response.id));
  return { response, answers };
}

/** The answers as shown: the stored ones, or — before anything is saved — the prefill from the registers. */
export async function currentAnswers(db: Executor, edition: EditionRow, municipalityCode: string, stored: Awaited<ReturnType<typeof findResponse>>): Promise<Record<string, Answer>> {
  if (stored) {
    return Object.fromEntries(
      stored.answers.map((answer) => [answer.questionKey, { value: answer.value, origin: answer.origin, sourceLabel: answer.sourceLabel, sourceDate: answer.sourceDate }]),
    );
  }
  const prefilled = await prefill(db, { municipalityCode, year: edition.year, referenceDate: edition.referenceDate });
  return Object.fromEntries(
    [...prefilled.values()].map((answer) => [answer.questionKey, { value: answer.value, origin: 'prefill' as const, sourceLabel: answer.sourceLabel, sourceDate: answer.sourceDate }]),
  );
}

export function responseView(
  actor: Actor,
  target: Target & { municipalityName: string },
  edition: EditionRow,
  municipalityCode: string,
  stored: Awaited<ReturnType<typeof findResponse>>,
  answers: Record<string, Answer>,
  today: string,
): QuestionnaireResponse {
  const phase = phaseOn(edition, today);
  const state = viewState(stored?.response.state ?? null, phase);
  const allowedActions: QuestionnaireResponse['allowedActions'] = [];
  if (state !== 'locked' && phase !== 'not_open' && decide(actor, 'municipal_questionnaire', 'update', target).isAllowed) allowedActions.push('update');
  if (state === 'locked' && decide(actor, 'municipal_questionnaire', 'reopen', target).isAllowed) allowedActions.push('reopen');
  return {
    edition: editionView(edition, today),
    municipalityCode,
    municipalityName: target.municipalityName,
    state,
    version: stored?.response.version ?? 0,
    answers,
    submittedAt: stored?.response.submittedAt?.toISOString() ?? null,
    reopenReason: stored?.response.reopenReason ?? null,
    allowedActions,
  };
}

/** Interventions must be of the menukaart (the contract checks the shape only). */
export function checkAnswers(answers: AnswersInput): void {
  const known = new Set(INTERVENTION_CATALOGUE.map((intervention) => intervention.key));
  const unknown = (answers.interventions_offered ?? []).filter((key) => !known.has(key));
  if (unknown.length > 0) throw new AppError('validation_failed', { errors: [{ path: 'answers.interventions_offered', message: 'Onbekende interventie; kies een interventie van de menukaart.' }] });
}

/** Merges what the respondent sent over the answers shown: unchanged prefilled answers keep their source. */
export function mergeAnswers(shown: Record<string, Answer>, given: AnswersInput): Record<QuestionKey, Answer> {
  const merged = {} as Record<QuestionKey, Answer>;
  for (const key of QUESTION_KEYS) {
    const before = shown[key];
    const value = given[key];
    if (value === undefined) {
      if (before && answerValueSchemas[key].safeParse(before.value).success) merged[key] = before;
      continue;
    }
    const unchanged = before !== undefined && JSON.stringify(before.value) === JSON.stringify(value);
    merged[key] = unchanged ? before : { value, origin: 'respondent', sourceLabel: null, sourceDate: null };
  }
  return merged;
}

export function requireStatus(answers: Record<string, Answer>): (typeof ANSWERABLE_STATUSES)[number] {
  const parsed = answerValueSchemas.coalition_status.safeParse(answers.coalition_status?.value);
  if (!parsed.success) throw new AppError('validation_failed', { errors: [{ path: 'answers.coalition_status', message: 'Geef aan of uw gemeente een coalitie heeft.' }] });
  return parsed.data;
}

/** Writes the response row and replaces its answers; returns the response id. */
export async function writeResponse(
  tx: Executor,
  input: { editionId: string; municipalityCode: string; state: ResponseRow['state']; actorId: string; now: Date; answers: Record<string, Answer>; existing: ResponseRow | null; submitted: boolean },
): Promise<string> {
  const { existing } = input;
  let id: string;
  if (existing) {
    id = existing.id;
    await tx
      .update(municipalQuestionnaireResponses)
      .set({
        state: input.state,
        version: existing.version + 1,
        updatedAt: input.now,
        updatedBy: input.actorId,
        ...(input.submitted ? { submittedAt: input.now, submittedBy: input.actorId } : {}),
      })
      .where(eq(municipalQuestionnaireResponses.id, id));
    await tx.delete(municipalQuestionnaireResponseAnswers).where(eq(municipalQuestionnaireResponseAnswers.responseId, id));
  } else {
    const [row] = await tx
      .insert(municipalQuestionnaireResponses)
      .values({
        editionId: input.editionId,
        municipalityCode: input.municipalityCode,
        state: input.state,
        updatedAt: input.now,
        updatedBy: input.actorId,
        ...(input.submitted ? { submittedAt: input.now, submittedBy: input.actorId } : {}),
      })
      .returning({ id: municipalQuestionnaireResponses.id });
    id = row!.id;
  }
  const rows = Object.entries(input.answers).map(([questionKey, answer]) => ({
    responseId: id,
    questionKey,
    // An answer may be null ("no local coalition"): stored as JSON null, not as a missing value.
    value: answer.value === null ? sql`'null'::jsonb` : (answer.value as object),
    origin: answer.origin,
    sourceLabel: answer.sourceLabel,
    sourceDate: answer.sourceDate,
  }));
  if (rows.length > 0) await tx.insert(municipalQuestionnaireResponseAnswers).values(rows);
  return id;
}
