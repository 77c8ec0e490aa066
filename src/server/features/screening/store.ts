// SPDX-License-Identifier: EUPL-1.2
// Queries on instruments and screenings, and their wire shapes. Screenings are part of a family's
// file: every read or write of one goes through actOnFamily (families/care-access.ts).
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { AppError } from '../../platform/errors.js';
import type { QuestionnaireSummary, Screening, ScreeningSummary } from '../../../contracts/screening.js';
import { organisations, people } from '../organisations/schema.js';
import { questionnaires, screenings } from './schema.js';
import { canonicalOf, validateQuestionnaire, type Questionnaire } from '../../../contracts/screening/questionnaire-schema.js';
import { toQuestionnaireResponse, type Answers } from '../../../contracts/screening/questionnaire-response.js';
import type { FactorProfile, SupportTier } from './factor-profile.js';

/** What a use-case of this feature receives: the scoped store, the clock, and the database for finding which family a screening belongs to. */
export type UseCaseContext = Pick<RequestContext, 'store' | 'now'> & { db: Executor };

export type QuestionnaireRow = typeof questionnaires.$inferSelect;

export function toQuestionnaireSummary(row: QuestionnaireRow): QuestionnaireSummary {
  return {
    id: row.id,
    url: row.url,
    version: row.version,
    title: row.title,
    status: row.status,
    canonical: canonicalOf(row),
    createdAt: row.createdAt.toISOString(),
  };
}

const parsedInstruments = new Map<string, Questionnaire>();

/** The stored instrument as a Questionnaire (validated at upload; rows never change, so parsed once). */
export function instrumentOf(row: Pick<QuestionnaireRow, 'id' | 'resource'>): Questionnaire {
  const cached = parsedInstruments.get(row.id);
  if (cached) return cached;
  const result = validateQuestionnaire(row.resource);
  if (!result.isValid) throw new Error(`stored questionnaire ${row.id} is invalid`);
  parsedInstruments.set(row.id, result.value);
  return result.value;
}

export async function findQuestionnaire(db: Executor, id: string): Promise<QuestionnaireRow | undefined> {
  const [row] = await db.select().from(questionnaires).where(eq(questionnaires.id, id));
  return row;
}

/** Major, minor, patch as numbers, so 1.10.0 comes after 1.9.0. */
function semver(version: string): number[] {
  return version.split('.').map((part) => Number.parseInt(part, 10) || 0);
}
function compareVersions(a: string, b: string): number {
  const [x, y] = [semver(a), semver(b)];
  for (let index = 0; index < 3; index += 1) {
    const difference = (x[index] ?? 0) - (y[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The instrument a new screening uses: the newest active version of the given url (default: the shipped instrument's url, else any). */
export async function activeInstrument(db: Executor, preferredUrl: string): Promise<QuestionnaireRow | undefined> {
  const active = await db.select().from(questionnaires).where(eq(questionnaires.status, 'active')).orderBy(desc(questionnaires.createdAt));
  const preferred = active.filter((row) => row.url === preferredUrl);
  const pool = preferred.length > 0 ? preferred : active.filter((row) => row.url === active[0]?.url);
  return pool.sort((a, b) => compareVersions(b.version, a.version))[0];
}

/** The family a screening belongs to (null when there is no such screening): the file the policy decides on. */
export async function familyOfScreening(db: Executor, screeningId: string): Promise<string | null> {
  const [row] = await db.select({ familyId: screenings.familyId }).from(screenings).where(eq(screenings.id, screeningId));
  return row?.familyId ?? null;
}

const screeningColumns = {
  id: screenings.id,
  familyId: screenings.familyId,
  questionnaireId: screenings.questionnaireId,
  questionnaireTitle: questionnaires.title,
  questionnaireVersion: questionnaires.version,
  questionnaireResource: questionnaires.resource,
  status: screenings.status,
  organisationName: organisations.name,
  authorId: screenings.authorId,
  authorName: people.name,
  answers: screenings.answers,
  profile: screenings.profile,
  supportTier: screenings.supportTier,
  version: screenings.version,
  createdAt: screenings.createdAt,
  updatedAt: screenings.updatedAt,
  completedAt: screenings.completedAt,
};

export interface ScreeningRow {
  id: string;
  familyId: string;
  questionnaireId: string;
  questionnaireTitle: string;
  questionnaireVersion: string;
  questionnaireResource: unknown;
  status: string;
  organisationName: string;
  authorId: string;
  authorName: string;
  answers: unknown;
  profile: unknown;
  supportTier: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

function screeningQuery(tx: Executor) {
  return tx
    .select(screeningColumns)
    .from(screenings)
    .innerJoin(questionnaires, eq(questionnaires.id, screenings.questionnaireId))
    .innerJoin(organisations, eq(organisations.id, screenings.organisationId))
    .innerJoin(people, eq(people.id, screenings.authorId));
}

export async function loadScreening(tx: Executor, screeningId: string, options: { forUpdate?: boolean } = {}): Promise<ScreeningRow> {
  if (options.forUpdate) await tx.execute(sql`SELECT 1 FROM screenings WHERE id = ${screeningId}::uuid FOR UPDATE`);
  const [row] = await screeningQuery(tx).where(eq(screenings.id, screeningId));
  if (!row) throw new AppError('not_found');
  return row as ScreeningRow;
}

export async function loadScreeningsOfFamily(tx: Executor, familyId: string): Promise<ScreeningRow[]> {
  const rows = await screeningQuery(tx).where(and(eq(screenings.familyId, familyId))).orderBy(desc(screenings.createdAt));
  return rows as ScreeningRow[];
}

export function instrumentOfScreening(row: ScreeningRow): Questionnaire {
  return instrumentOf({ id: row.questionnaireId, resource: row.questionnaireResource });
}

export function toScreeningSummary(row: ScreeningRow): ScreeningSummary {
  const profile = row.profile as FactorProfile | null;
  return {
    id: row.id,
    familyId: row.familyId,
    questionnaireId: row.questionnaireId,
    questionnaireTitle: row.questionnaireTitle,
    questionnaireVersion: row.questionnaireVersion,
    status: row.status === 'completed' ? 'completed' : 'in-progress',
    organisationName: row.organisationName,
    authorName: row.authorName,
    supportTier: (row.supportTier as SupportTier | null) ?? null,
    domainsWithRisk: profile?.accumulation.domainsWithRisk ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  };
}

export function toScreening(row: ScreeningRow): Screening {
  const summary = toScreeningSummary(row);
  const answers = row.answers as Answers;
  const questionnaireResponse = toQuestionnaireResponse({
    questionnaire: instrumentOfScreening(row),
    answers,
    status: summary.status,
    authored: (row.completedAt ?? row.updatedAt).toISOString(),
    id: row.id,
    subjectReference: `Patient/${row.familyId}`,
    authorReference: `Practitioner/${row.authorId}`,
  });
  return {
    ...summary,
    answers: answers as Screening['answers'],
    profile: (row.profile as Screening['profile']) ?? null,
    questionnaireResponse: questionnaireResponse as unknown as Screening['questionnaireResponse'],
  };
}
