// SPDX-License-Identifier: EUPL-1.2
// The web's calls for the sociale kaart: search, one service, add, correct, confirm, and the
// organisation admin's list of services to confirm.
import type { Service, ServiceCreate, ServicePage, ServiceUpdate } from '../../../contracts/services.js';
import { apiJson, type Query } from '../../api/client.js';

export type { Service, ServiceCreate, ServicePage, ServiceUpdate };

const id = (value: string) => encodeURIComponent(value);

export const serviceApi = {
  list: (query: Query) => apiJson<ServicePage>('GET', '/services', { query }),
  get: (serviceId: string) => apiJson<Service>('GET', `/services/${id(serviceId)}`),
  create: (body: Partial<ServiceCreate>) => apiJson<Service>('POST', '/services', { body }),
  update: (serviceId: string, body: Partial<ServiceUpdate>) => apiJson<Service>('PUT', `/services/${id(serviceId)}`, { body }),
  confirm: (serviceId: string) => apiJson<Service>('POST', `/services/${id(serviceId)}/confirmation`, { body: {} }),
  tasks: (page: number) => apiJson<ServicePage>('GET', '/services/verification-tasks', { query: { page, pageSize: 50 } }),
};
