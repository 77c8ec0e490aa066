// SPDX-License-Identifier: EUPL-1.2
// The pathway editor's API as the pages use it (types only from the contracts: no zod in the bundle).
import { CSV_MEDIA_TYPE, apiBlob, apiJson } from '../../api/client.js';
import type { PathwayDetail, PathwayDraftInput, PathwayRegister, PathwayRegisterItem, PathwayStatus, PathwayVersion } from '../../../contracts/pathways.js';

export type { PathwayDetail, PathwayDraftInput, PathwayRegister, PathwayRegisterItem, PathwayStatus, PathwayVersion };

const pathway = (scopeCode: string, factorKey: string) => `/pathways/${encodeURIComponent(scopeCode)}/${encodeURIComponent(factorKey)}`;

export const pathwayApi = {
  register: (scope: string) => apiJson<PathwayRegister>('GET', '/pathway-register', { query: { scope } }),
  registerCsv: (scope: string) => apiBlob('/pathway-register', { query: { scope }, accept: CSV_MEDIA_TYPE }),
  get: (scopeCode: string, factorKey: string) => apiJson<PathwayDetail>('GET', pathway(scopeCode, factorKey)),
  startDraft: (scopeCode: string, factorKey: string, title?: string) =>
    apiJson<PathwayVersion>('POST', `${pathway(scopeCode, factorKey)}/drafts`, { body: title ? { title } : {} }),
  saveDraft: (scopeCode: string, factorKey: string, version: number, body: PathwayDraftInput) =>
    apiJson<PathwayVersion>('PUT', `${pathway(scopeCode, factorKey)}/versions/${version}`, { body }),
  publish: (scopeCode: string, factorKey: string, version: number) => apiJson<PathwayVersion>('POST', `${pathway(scopeCode, factorKey)}/versions/${version}/publication`),
  withdraw: (scopeCode: string, factorKey: string, version: number) => apiJson<PathwayVersion>('POST', `${pathway(scopeCode, factorKey)}/versions/${version}/withdrawal`),
  addImprovementAction: (scopeCode: string, factorKey: string, title: string) =>
    apiJson<{ id: string; coalitionCode: string }>('POST', `${pathway(scopeCode, factorKey)}/improvement-actions`, { body: { title } }),
};

/** The web paths of the pathway pages. */
export const pathwayPaths = {
  register: (scope: string) => `/zorgpaden?scope=${encodeURIComponent(scope)}`,
  pathway: (scopeCode: string, factorKey: string) => `/zorgpaden/${encodeURIComponent(scopeCode)}/${encodeURIComponent(factorKey)}`,
  editor: (scopeCode: string, factorKey: string) => `/zorgpaden/${encodeURIComponent(scopeCode)}/${encodeURIComponent(factorKey)}/concept`,
};
