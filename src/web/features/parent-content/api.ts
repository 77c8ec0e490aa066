// SPDX-License-Identifier: EUPL-1.2
// A coalition's parent-page content as the editor uses it (types only from the contracts: no zod in the bundle).
import { ApiError, apiJson } from '../../api/client.js';
import type { ParentContentRecord, ParentContentUpdate } from '../../../contracts/parents-public.js';

export type { ParentContentRecord, ParentContentUpdate };

const path = (code: string) => `/coalitions/${encodeURIComponent(code)}/parent-content`;

export const parentContentApi = {
  /** Null while the coalition has recorded nothing yet (the API answers 404 then). */
  get: async (code: string): Promise<ParentContentRecord | null> => {
    try {
      return await apiJson<ParentContentRecord>('GET', path(code));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  save: (code: string, body: ParentContentUpdate) => apiJson<ParentContentRecord>('PUT', path(code), { body }),
};
