// SPDX-License-Identifier: EUPL-1.2
// The editions of the questionnaire, newest first, for everyone who may see a response.
import { amsterdamDate } from '../../../contracts/calendar.js';
import { desc } from 'drizzle-orm';
import type { Edition } from '../../../contracts/municipal-questionnaire.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { hasAnyGrant } from '../../platform/access/policy.js';
import { municipalQuestionnaireEditions } from './schema.js';
import { editionView } from './store.js';

export async function listEditions(ctx: RequestContext): Promise<{ items: Edition[]; allowedActions: 'create'[] }> {
  const items = await ctx.store.search({
    resource: 'municipal_questionnaire',
    perform: async (tx) => {
      const rows = await tx.select().from(municipalQuestionnaireEditions).orderBy(desc(municipalQuestionnaireEditions.year));
      return rows.map((row) => editionView(row, amsterdamDate(ctx.now())));
    },
    details: (result) => ({ editions: result.length }),
  });
  return { items, allowedActions: hasAnyGrant(ctx.actor, 'municipal_questionnaire', 'create') ? ['create'] : [] };
}
