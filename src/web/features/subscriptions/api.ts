// SPDX-License-Identifier: EUPL-1.2
// The web's calls for the organisation admin's notifications to systems (FHIR Subscriptions).
import type { SubscriptionPage, SubscriptionSummary } from '../../../contracts/subscriptions.js';
import { apiJson } from '../../api/client.js';

export type { SubscriptionPage, SubscriptionSummary };

export const subscriptionApi = {
  list: (page: number) => apiJson<SubscriptionPage>('GET', '/subscriptions', { query: { page, pageSize: 50 } }),
  reactivate: (id: string) => apiJson<SubscriptionSummary>('POST', `/subscriptions/${encodeURIComponent(id)}/reactivation`, { body: {} }),
  end: (id: string) => apiJson<void>('DELETE', `/subscriptions/${encodeURIComponent(id)}`),
};
