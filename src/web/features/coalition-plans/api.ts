// SPDX-License-Identifier: EUPL-1.2
// The plan of approach API as the pages use it.
import type { z } from 'zod';
import { apiJson } from '../../api/client.js';
import type {
  ImprovementAction,
  improvementActionCreateSchema,
  PlanComparison,
  PlanContent,
  PlanGoal,
  PlanOverview,
  PlanVersion,
  planApprovalSchema,
} from '../../../contracts/coalition-plans.js';

export type { ImprovementAction, PlanComparison, PlanContent, PlanGoal, PlanOverview, PlanVersion };

const base = (code: string) => `/coalitions/${encodeURIComponent(code)}`;

export const planApi = {
  overview: (code: string) => apiJson<PlanOverview>('GET', `${base(code)}/plan`),
  version: (code: string, version: number) => apiJson<PlanVersion>('GET', `${base(code)}/plan/versions/${version}`),
  start: (code: string, fromVersion?: number) => apiJson<PlanVersion>('POST', `${base(code)}/plan/versions`, { body: fromVersion ? { fromVersion } : {} }),
  save: (code: string, version: number, body: { revision: number; content: PlanContent }) =>
    apiJson<PlanVersion>('PUT', `${base(code)}/plan/versions/${version}`, { body }),
  approve: (code: string, version: number, body: z.input<typeof planApprovalSchema>) =>
    apiJson<PlanVersion>('POST', `${base(code)}/plan/versions/${version}/approval`, { body }),
  compare: (code: string, from: number, to: number) => apiJson<PlanComparison>('GET', `${base(code)}/plan/comparison`, { query: { from, to } }),
  addAction: (code: string, body: z.input<typeof improvementActionCreateSchema>) => apiJson<{ id: string }>('POST', `${base(code)}/improvement-actions`, { body }),
  updateAction: (code: string, id: string, body: { version: number; status: ImprovementAction['status'] }) =>
    apiJson<ImprovementAction>('PATCH', `${base(code)}/improvement-actions/${encodeURIComponent(id)}`, { body }),
};

export const planPaths = {
  plan: (code: string) => `/coalities/${code}/plan`,
  compare: (code: string, from?: number, to?: number) => `/coalities/${code}/plan/vergelijken${from && to ? `?van=${from}&naar=${to}` : ''}`,
  print: (code: string, version: number) => `/coalities/${code}/plan/versies/${version}/afdrukken`,
};
