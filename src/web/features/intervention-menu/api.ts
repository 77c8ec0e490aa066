// SPDX-License-Identifier: EUPL-1.2
// The web's calls for the national intervention menu: search the menu, read one intervention.
import type { InterventionDetail, InterventionItem, InterventionPage } from '../../../contracts/intervention-menu.js';
import { apiJson, type Query } from '../../api/client.js';

export type { InterventionDetail, InterventionItem, InterventionPage };

export const interventionMenuApi = {
  list: (query: Query) => apiJson<InterventionPage>('GET', '/interventions', { query }),
  get: (key: string) => apiJson<InterventionDetail>('GET', `/interventions/${encodeURIComponent(key)}`),
};
