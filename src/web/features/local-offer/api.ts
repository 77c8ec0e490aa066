// SPDX-License-Identifier: EUPL-1.2
// The local-offer API as the pages use it (types only from the contracts: no zod in the bundle).
import { CSV_MEDIA_TYPE, apiBlob, apiJson, type Query } from '../../api/client.js';
import type { CoalitionLocalOffer, LocalOffer, LocalOfferCreate, LocalOfferPage, LocalOfferUpdate } from '../../../contracts/local-offer.js';
import type { ServicePage } from '../../../contracts/services.js';

export type { CoalitionLocalOffer, LocalOffer, LocalOfferCreate, LocalOfferPage, LocalOfferUpdate };

const coalition = (code: string) => `/coalitions/${encodeURIComponent(code)}/local-offer`;

export const localOfferApi = {
  ofCoalition: (code: string) => apiJson<CoalitionLocalOffer>('GET', coalition(code)),
  exportCsv: (code: string) => apiBlob(coalition(code), { accept: CSV_MEDIA_TYPE }),
  find: (query: Query) => apiJson<LocalOfferPage>('GET', '/local-offer', { query }),
  create: (code: string, body: LocalOfferCreate) => apiJson<LocalOffer>('POST', coalition(code), { body }),
  update: (code: string, id: string, body: LocalOfferUpdate) => apiJson<LocalOffer>('PUT', `${coalition(code)}/${encodeURIComponent(id)}`, { body }),
  remove: (code: string, id: string) => apiJson<void>('DELETE', `${coalition(code)}/${encodeURIComponent(id)}`),
  /** The active services of the directory (to choose the one that offers it). */
  services: () => apiJson<ServicePage>('GET', '/services', { query: { pageSize: 200 } }),
};
