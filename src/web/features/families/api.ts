// SPDX-License-Identifier: EUPL-1.2
// The families API as the pages use it.
import type { z } from 'zod';
import { CSV_MEDIA_TYPE, apiBlob, apiJson, searchBody, type Query } from '../../api/client.js';
import type {
  AccessLogEntry,
  ChildClosure,
  ChildClosureReason,
  EmergencyAccess,
  Family,
  FamilyCreate,
  FamilySummary,
  duplicateListSchema,
  emergencyAccessGrantSchema,
  familyUpdateSchema,
} from '../../../contracts/families.js';

export type { AccessLogEntry, EmergencyAccess, Family, FamilySummary };
export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const familyApi = {
  // Searched by POST: the filters may hold a BSN, which never goes into a URL.
  list: (query: Query) => apiJson<PageOf<FamilySummary>>('POST', '/families/search', { body: searchBody(query) }),
  exportCsv: (query: Query) => apiBlob('/families/search', { body: searchBody(query), accept: CSV_MEDIA_TYPE }, 'POST'),
  register: (body: FamilyCreate) => apiJson<Family>('POST', '/families', { body }),
  get: (familyId: string) => apiJson<Family>('GET', `/families/${familyId}`),
  update: (familyId: string, body: z.input<typeof familyUpdateSchema>) => apiJson<Family>('PATCH', `/families/${familyId}`, { body }),
  addPregnancy: (familyId: string, body: { dueDate: string; parity: number }) => apiJson<Family>('POST', `/families/${familyId}/pregnancies`, { body }),
  duplicates: (familyId: string) => apiJson<z.infer<typeof duplicateListSchema>>('GET', `/families/${familyId}/duplicates`),
  merge: (familyId: string, body: { duplicateId: string; version: number }) => apiJson<Family>('POST', `/families/${familyId}/merges`, { body }),
  setChildClosure: (familyId: string, childId: string, body: { reason: ChildClosureReason }) =>
    apiJson<ChildClosure>('POST', `/families/${familyId}/children/${childId}/closures`, { body }),
  liftChildClosure: (familyId: string, childId: string, closureId: string) =>
    apiJson<ChildClosure>('POST', `/families/${familyId}/children/${childId}/closures/${closureId}/lifting`, { body: {} }),
  accessLog: (familyId: string, query: Query) => apiJson<PageOf<AccessLogEntry>>('GET', `/families/${familyId}/access-log`, { query }),
  exportAccessLog: (familyId: string) => apiBlob(`/families/${familyId}/access-log`, { accept: CSV_MEDIA_TYPE }),
  openEmergencyAccess: (body: { bsn?: string; familyName?: string; birthDate?: string; reason: string }) =>
    apiJson<z.infer<typeof emergencyAccessGrantSchema>>('POST', '/emergency-access', { body }),
  emergencyAccesses: (query: Query) => apiJson<PageOf<EmergencyAccess>>('GET', '/emergency-access', { query }),
  exportEmergencyAccesses: (query: Query) => apiBlob('/emergency-access', { query, accept: CSV_MEDIA_TYPE }),
  review: (id: string, note: string) => apiJson<EmergencyAccess>('POST', `/emergency-access/${id}/review`, { body: { note } }),
};
