// SPDX-License-Identifier: EUPL-1.2
// The screening instruments and their versions (not personal data: every role may look).
import { asc } from 'drizzle-orm';
import type { QuestionnaireSummary } from '../../../contracts/screening.js';
import { questionnaires } from './schema.js';
import { toQuestionnaireSummary, type UseCaseContext } from './store.js';

export async function listQuestionnaires(ctx: UseCaseContext): Promise<{ items: QuestionnaireSummary[] }> {
  const rows = await ctx.store.readAggregates({
    resource: 'screening_instrument',
    action: 'list',
    perform: (db) => db.select().from(questionnaires).orderBy(asc(questionnaires.url), asc(questionnaires.createdAt)),
  });
  return { items: rows.map(toQuestionnaireSummary) };
}
