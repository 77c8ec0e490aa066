// SPDX-License-Identifier: EUPL-1.2
// The screening feature's calls to the API.
import { apiJson } from '../../api/client.js';
import type { Screening, ScreeningAnswers, ScreeningSummary } from '../../../contracts/screening.js';
import type { FamilyPathways } from '../../../contracts/pathways.js';
import type { Questionnaire } from '../../../contracts/screening/questionnaire-schema.js';

export const screeningApi = {
  listForFamily: (familyId: string) => apiJson<{ items: ScreeningSummary[] }>('GET', `/families/${familyId}/screenings`),
  start: (familyId: string) => apiJson<Screening>('POST', `/families/${familyId}/screenings`),
  get: (screeningId: string) => apiJson<Screening>('GET', `/screenings/${screeningId}`),
  saveAnswers: (screeningId: string, answers: ScreeningAnswers, version: number) =>
    apiJson<Screening>('PUT', `/screenings/${screeningId}/answers`, { body: { answers, version } }),
  complete: (screeningId: string, answers: ScreeningAnswers, version: number) =>
    apiJson<Screening>('POST', `/screenings/${screeningId}/completion`, { body: { answers, version } }),
  questionnaire: (questionnaireId: string) => apiJson<Questionnaire>('GET', `/questionnaires/${questionnaireId}`),
  pathways: (familyId: string, screeningId: string) => apiJson<FamilyPathways>('GET', `/families/${familyId}/pathways`, { query: { screeningId } }),
};
