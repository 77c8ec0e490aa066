// SPDX-License-Identifier: EUPL-1.2
// The parents' public API as these pages use it (types only from the contracts: no zod in the bundle).
import { apiJson } from '../../api/client.js';
import type {
  ParentLanguage,
  ParentMunicipality,
  ParentPage,
  ParentPhase,
  SelfRegistrationCreate,
  SelfRegistrationReceipt,
} from '../../../contracts/parents-public.js';

export type { ParentLanguage, ParentMunicipality, ParentPage, ParentPhase, SelfRegistrationCreate, SelfRegistrationReceipt };

export const parentsApi = {
  municipalities: () => apiJson<ParentMunicipality[]>('GET', '/public/parent-pages'),
  page: (code: string, phase: ParentPhase, lang: ParentLanguage) =>
    apiJson<ParentPage>('GET', `/public/parent-pages/${encodeURIComponent(code)}`, { query: { phase, lang } }),
  register: (body: SelfRegistrationCreate) => apiJson<SelfRegistrationReceipt>('POST', '/public/self-registrations', { body }),
};
