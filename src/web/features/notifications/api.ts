// SPDX-License-Identifier: EUPL-1.2
// The web's calls for notifications: one's own notices and preferences, an organisation's inbox settings.
import type {
  InboxSettings,
  InboxSettingsUpdate,
  Notification,
  NotificationPage,
  NotificationPreference,
  NotificationPreferences,
  PreferredLanguage,
} from '../../../contracts/notifications.js';
import { apiJson } from '../../api/client.js';

export type { InboxSettings, Notification, NotificationPage, NotificationPreference, NotificationPreferences };

export const notificationApi = {
  list: (page: number, onlyUnread: boolean) =>
    apiJson<NotificationPage>('GET', '/notifications', { query: { page, pageSize: 25, ...(onlyUnread ? { unread: 'true' } : {}) } }),
  unreadCount: () => apiJson<{ unread: number }>('GET', '/notifications/unread-count'),
  markRead: (id: string) => apiJson<Notification>('POST', `/notifications/${encodeURIComponent(id)}/reading`, { body: {} }),
  preferences: () => apiJson<NotificationPreferences>('GET', '/notification-preferences'),
  savePreferences: (preferences: NotificationPreference[], language: PreferredLanguage) =>
    apiJson<NotificationPreferences>('PUT', '/notification-preferences', { body: { preferences, language } }),
  inboxSettings: (organisationId: string) => apiJson<InboxSettings>('GET', `/organisations/${encodeURIComponent(organisationId)}/inbox-settings`),
  saveInboxSettings: (organisationId: string, settings: InboxSettingsUpdate) =>
    apiJson<InboxSettings>('PUT', `/organisations/${encodeURIComponent(organisationId)}/inbox-settings`, { body: settings }),
};
