// SPDX-License-Identifier: EUPL-1.2
// A municipality's response to an edition: the stored answers, or the prefill from the registers
// (each answer with its source). Read by the municipality's policy officer, the coordinators of its
// coalitions, analysts and the platform admin; every read is audited.
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { QuestionnaireResponse } from '../../../contracts/municipal-questionnaire.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import type { Target } from '../../platform/access/policy.js';
import { currentAnswers, findResponse, municipalityTarget, objectIdOf, requireEdition, responseView } from './store.js';

export async function getResponse(ctx: RequestContext, year: number, municipalityCode: string): Promise<QuestionnaireResponse> {
  let located: (Target & { municipalityName: string }) | null = null;
  return ctx.store.act({
    resource: 'municipal_questionnaire',
    action: 'read',
    objectId: objectIdOf(year, municipalityCode),
    locate: async (tx) => {
      located = await municipalityTarget(tx, municipalityCode);
      return located;
    },
    perform: async (tx) => {
      const edition = await requireEdition(tx, year);
      const stored = await findResponse(tx, edition.id, municipalityCode);
      const answers = await currentAnswers(tx, edition, municipalityCode, stored);
      return responseView(ctx.actor, located!, edition, municipalityCode, stored, answers, amsterdamDate(ctx.now()));
    },
  });
}
