// SPDX-License-Identifier: EUPL-1.2
// The web's calls for machine access (ADR 0017): list, register and revoke API clients.
import type { z } from 'zod';
import type { ApiClient, apiClientCreateSchema, apiClientListSchema } from '../../../contracts/api-clients.js';
import { apiJson } from '../../api/client.js';

export type { ApiClient };
export type ApiClientList = z.infer<typeof apiClientListSchema>;
export type ApiClientCreate = z.input<typeof apiClientCreateSchema>;

export const apiClientApi = {
  list: () => apiJson<ApiClientList>('GET', '/api-clients'),
  register: (body: ApiClientCreate) => apiJson<ApiClient>('POST', '/api-clients', { body }),
  revoke: (id: string) => apiJson<ApiClient>('POST', `/api-clients/${encodeURIComponent(id)}/revocation`, { body: {} }),
};
