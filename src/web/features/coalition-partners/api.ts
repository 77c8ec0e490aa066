// SPDX-License-Identifier: EUPL-1.2
// The partners API as the pages use it (types only from the contracts: no zod in the bundle).
import { CSV_MEDIA_TYPE, apiBlob, apiJson } from '../../api/client.js';
import type { Partner, PartnerDomain, PartnerInput, PartnerLevel, PartnerList } from '../../../contracts/coalition-partners.js';

export type { Partner, PartnerDomain, PartnerInput, PartnerLevel, PartnerList };

const coalition = (code: string) => `/coalitions/${encodeURIComponent(code)}`;

export const partnerApi = {
  list: (code: string) => apiJson<PartnerList>('GET', `${coalition(code)}/partners`),
  exportCsv: (code: string) => apiBlob(`${coalition(code)}/partners`, { accept: CSV_MEDIA_TYPE }),
  create: (code: string, body: PartnerInput) => apiJson<Partner>('POST', `${coalition(code)}/partners`, { body }),
  update: (code: string, id: string, body: PartnerInput) => apiJson<Partner>('PUT', `${coalition(code)}/partners/${encodeURIComponent(id)}`, { body }),
};

