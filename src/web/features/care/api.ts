// SPDX-License-Identifier: EUPL-1.2
// The care API as the pages use it: home visits, interventions and enrolments, outcomes, caseload.
import type { z } from 'zod';
import { CSV_MEDIA_TYPE, apiBlob, apiJson, type Query } from '../../api/client.js';
import type {
  birthCreateSchema,
  BirthOutcome,
  CareTeam,
  CaseloadEntry,
  CaseloadRow,
  caseloadUpdateSchema,
  Enrolment,
  enrolmentCreateSchema,
  enrolmentUpdateSchema,
  FamilyCaseload,
  FamilyOutcomes,
  HomeVisit,
  homeVisitCreateSchema,
  homeVisitUpdateSchema,
  InterventionItem,
  TwoYearOutcome,
  twoYearOutcomeCreateSchema,
} from '../../../contracts/care.js';

export type { CareTeam, BirthOutcome, CaseloadEntry, CaseloadRow, Enrolment, FamilyCaseload, FamilyOutcomes, HomeVisit, InterventionItem, TwoYearOutcome };

export interface CaseloadPage {
  items: CaseloadRow[];
  total: number;
  page: number;
  pageSize: number;
}

const family = (familyId: string) => `/families/${encodeURIComponent(familyId)}`;

export const careApi = {
  homeVisits: (familyId: string) => apiJson<{ items: HomeVisit[] }>('GET', `${family(familyId)}/home-visits`),
  planHomeVisit: (familyId: string, body: z.input<typeof homeVisitCreateSchema>) => apiJson<HomeVisit>('POST', `${family(familyId)}/home-visits`, { body }),
  updateHomeVisit: (id: string, body: z.input<typeof homeVisitUpdateSchema>) => apiJson<HomeVisit>('PATCH', `/home-visits/${encodeURIComponent(id)}`, { body }),
  interventions: () => apiJson<{ items: InterventionItem[] }>('GET', '/interventions', { query: { pageSize: 200 } }),
  enrolments: (familyId: string) => apiJson<{ items: Enrolment[] }>('GET', `${family(familyId)}/enrolments`),
  enrol: (familyId: string, body: z.input<typeof enrolmentCreateSchema>) => apiJson<Enrolment>('POST', `${family(familyId)}/enrolments`, { body }),
  updateEnrolment: (id: string, body: z.input<typeof enrolmentUpdateSchema>) => apiJson<Enrolment>('PATCH', `/enrolments/${encodeURIComponent(id)}`, { body }),
  outcomes: (familyId: string) => apiJson<FamilyOutcomes>('GET', `${family(familyId)}/outcomes`),
  recordBirth: (familyId: string, body: z.input<typeof birthCreateSchema>) => apiJson<BirthOutcome>('POST', `${family(familyId)}/birth`, { body }),
  recordTwoYears: (familyId: string, body: z.input<typeof twoYearOutcomeCreateSchema>) => apiJson<TwoYearOutcome>('POST', `${family(familyId)}/two-year-outcome`, { body }),
  familyCaseload: (familyId: string) => apiJson<FamilyCaseload>('GET', `${family(familyId)}/caseload`),
  setCaseload: (familyId: string, body: z.input<typeof caseloadUpdateSchema>) => apiJson<CaseloadEntry>('PUT', `${family(familyId)}/caseload`, { body }),
  careTeam: () => apiJson<CareTeam>('GET', '/care-team'),
  caseload: (query: Query) => apiJson<CaseloadPage>('GET', '/caseload', { query }),
  caseloadCsv: (query: Query) => apiBlob('/caseload', { query, accept: CSV_MEDIA_TYPE }),
};


/** A number from a text field; null when empty, NaN when not a number. */
export function numberOf(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
