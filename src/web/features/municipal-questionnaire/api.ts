// SPDX-License-Identifier: EUPL-1.2
// The municipal questionnaire API as the pages use it.
import type { z } from 'zod';
import { apiJson } from '../../api/client.js';
import type { AnswersInput, Edition, editionCreateSchema, QuestionnaireResponse, ResponseList } from '../../../contracts/municipal-questionnaire.js';
import type { InterventionItem } from '../../../contracts/care.js';

export type { Edition, QuestionnaireResponse, ResponseList, AnswersInput };

const editions = '/municipal-questionnaire/editions';
const response = (year: number, code: string) => `${editions}/${year}/responses/${encodeURIComponent(code)}`;

export const questionnaireApi = {
  editions: () => apiJson<{ items: Edition[]; allowedActions: 'create'[] }>('GET', editions),
  createEdition: (body: z.input<typeof editionCreateSchema>) => apiJson<Edition>('POST', editions, { body }),
  responses: (year: number) => apiJson<ResponseList>('GET', `${editions}/${year}/responses`),
  response: (year: number, code: string) => apiJson<QuestionnaireResponse>('GET', response(year, code)),
  save: (year: number, code: string, answers: AnswersInput) => apiJson<QuestionnaireResponse>('PUT', response(year, code), { body: { answers } }),
  submit: (year: number, code: string, answers: AnswersInput) => apiJson<QuestionnaireResponse>('POST', `${response(year, code)}/submission`, { body: { answers } }),
  reopen: (year: number, code: string, reason: string) => apiJson<QuestionnaireResponse>('POST', `${response(year, code)}/reopening`, { body: { reason } }),
  interventions: () => apiJson<{ items: InterventionItem[] }>('GET', '/interventions', { query: { pageSize: 200 } }),
};
