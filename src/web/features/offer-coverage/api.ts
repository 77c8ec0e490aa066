// SPDX-License-Identifier: EUPL-1.2
// The finder and coverage API as the pages use it (types only from the contracts: no zod in the bundle).
import { CSV_MEDIA_TYPE, apiBlob, apiJson } from '../../api/client.js';
import type { CoverageMatrix, OfferFinderResult, PhaseOffer, RecognisedComparison } from '../../../contracts/offer-coverage.js';

export type { CoverageMatrix, OfferFinderResult, PhaseOffer, RecognisedComparison };

const scope = (coalition: string | null) => (coalition ? { coalition } : {});

export const offerApi = {
  find: (municipality: string, factor: string) => apiJson<OfferFinderResult>('GET', '/offer-finder', { query: { municipality, factor } }),
  matrix: (coalition: string | null) => apiJson<CoverageMatrix>('GET', '/offer-coverage/matrix', { query: scope(coalition) }),
  matrixCsv: (coalition: string | null) => apiBlob('/offer-coverage/matrix', { query: scope(coalition), accept: CSV_MEDIA_TYPE }),
  phases: (coalition: string | null) => apiJson<PhaseOffer>('GET', '/offer-coverage/phases', { query: scope(coalition) }),
  phasesCsv: (coalition: string | null) => apiBlob('/offer-coverage/phases', { query: scope(coalition), accept: CSV_MEDIA_TYPE }),
  recognised: (coalition: string | null) => apiJson<RecognisedComparison>('GET', '/offer-coverage/recognised', { query: scope(coalition) }),
  recognisedCsv: (coalition: string | null) => apiBlob('/offer-coverage/recognised', { query: scope(coalition), accept: CSV_MEDIA_TYPE }),
};
