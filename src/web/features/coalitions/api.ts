// SPDX-License-Identifier: EUPL-1.2
// The coalition register API as the pages use it (types only from the contracts: no zod in the bundle).
import { CSV_MEDIA_TYPE, apiBlob, apiJson, type Query } from '../../api/client.js';
import type {
  Coalition,
  CoalitionCreate,
  CoalitionListItem,
  CoalitionOverview,
  CoalitionUpdate,
  CoordinatorCreate,
  FundingCreate,
  MembershipCreate,
  StatusSet,
  SteeringMemberCreate,
} from '../../../contracts/coalitions.js';

export type { Coalition, CoalitionCreate, CoalitionListItem, CoalitionOverview, CoalitionUpdate, CoordinatorCreate, FundingCreate, MembershipCreate, StatusSet, SteeringMemberCreate };

export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const one = (code: string) => `/coalitions/${encodeURIComponent(code)}`;

export const coalitionApi = {
  overview: (year?: number) => apiJson<CoalitionOverview>('GET', '/coalitions/overview', { query: { year } }),
  list: (query: Query) => apiJson<PageOf<CoalitionListItem>>('GET', '/coalitions', { query }),
  exportCsv: (query: Query) => apiBlob('/coalitions', { query, accept: CSV_MEDIA_TYPE }),
  get: (code: string, year?: number) => apiJson<Coalition>('GET', one(code), { query: { year } }),
  create: (body: CoalitionCreate) => apiJson<Coalition>('POST', '/coalitions', { body }),
  update: (code: string, body: CoalitionUpdate) => apiJson<Coalition>('PATCH', one(code), { body }),
  addMember: (code: string, body: MembershipCreate) => apiJson<Coalition>('POST', `${one(code)}/members`, { body }),
  endMember: (code: string, municipalityCode: string, until: string) =>
    apiJson<Coalition>('POST', `${one(code)}/members/${encodeURIComponent(municipalityCode)}/end`, { body: { until } }),
  addCoordinator: (code: string, body: CoordinatorCreate) => apiJson<Coalition>('POST', `${one(code)}/coordinators`, { body }),
  endCoordinator: (code: string, personId: string, until: string) =>
    apiJson<Coalition>('POST', `${one(code)}/coordinators/${encodeURIComponent(personId)}/end`, { body: { until } }),
  addSteeringMember: (code: string, body: SteeringMemberCreate) => apiJson<Coalition>('POST', `${one(code)}/steering-group`, { body }),
  removeSteeringMember: (code: string, id: string) => apiJson<Coalition>('DELETE', `${one(code)}/steering-group/${encodeURIComponent(id)}`),
  addFunding: (code: string, body: FundingCreate) => apiJson<Coalition>('POST', `${one(code)}/funding`, { body }),
  removeFunding: (code: string, id: string) => apiJson<Coalition>('DELETE', `${one(code)}/funding/${encodeURIComponent(id)}`),
  setStatuses: (code: string, year: number, body: StatusSet) => apiJson<Coalition>('PUT', `${one(code)}/statuses/${year}`, { body }),
};
