// SPDX-License-Identifier: EUPL-1.2
// The web's calls for the platform admin's mail page: the outbox, sending a dead letter again, and a
// sent mail's text in development.
import type { MailOutboxItem, MailOutboxPage, MailPreview, MailStatus } from '../../../contracts/mail-admin.js';
import { apiJson } from '../../api/client.js';

export type { MailOutboxItem, MailOutboxPage, MailPreview, MailStatus };

export const mailAdminApi = {
  list: (query: { status?: MailStatus | undefined; page: number; pageSize: number }) =>
    apiJson<MailOutboxPage>('GET', '/mail-outbox', { query: { page: query.page, pageSize: query.pageSize, ...(query.status ? { status: query.status } : {}) } }),
  retry: (id: string) => apiJson<MailOutboxItem>('POST', `/mail-outbox/${encodeURIComponent(id)}/retry`, { body: {} }),
  preview: (id: string) => apiJson<MailPreview>('GET', `/mail-outbox/${encodeURIComponent(id)}/preview`),
};
