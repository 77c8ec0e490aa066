// SPDX-License-Identifier: EUPL-1.2
// HTTP face of notifications (issue 16): one's own notices (list, unread count, mark read when opened)
// and preferences; an organisation admin sets a member's preferences and the organisation's inbox
// settings (functional address, who receives the inbox notices).
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { uuidParamSchema } from '../../../contracts/common.js';
import {
  inboxSettingsSchema,
  inboxSettingsUpdateSchema,
  notificationPageSchema,
  notificationPreferencesSchema,
  notificationPreferencesUpdateSchema,
  notificationQuerySchema,
  notificationSchema,
  ownNotificationPreferencesUpdateSchema,
  unreadCountSchema,
} from '../../../contracts/notifications.js';
import { countUnread, listNotifications } from './list-notifications.js';
import { markNotificationRead } from './mark-read.js';
import { getOwnPreferences, updateOwnPreferences } from './own-preferences.js';
import { getMemberPreferences, updateMemberPreferences } from './member-preferences.js';
import { getInboxSettings, updateInboxSettings } from './inbox-settings.js';

const OWN = 'Alleen de eigen meldingen van wie is ingelogd; een melding bevat geen persoonsgegevens (alleen de soort en een link).';
const MEMBER_ADMIN = 'Alleen de beheerder van een organisatie van deze medewerker (en de platformbeheerder); staat in het auditlog.';

export function registerNotificationRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Meldingen'];
  app.get(
    '/notifications',
    { schema: { tags, summary: 'Mijn meldingen', description: `Nieuwste eerst; \`unread=true\`: alleen ongelezen. ${OWN}`, querystring: notificationQuerySchema, response: { 200: notificationPageSchema } } },
    async (request) => listNotifications(contextOf(request, deps), request.query),
  );
  app.get(
    '/notifications/unread-count',
    { schema: { tags, summary: 'Aantal ongelezen meldingen', description: OWN, response: { 200: unreadCountSchema } } },
    async (request) => countUnread(contextOf(request, deps)),
  );
  app.post(
    '/notifications/:id/reading',
    {
      schema: {
        tags,
        summary: 'Melding gelezen',
        description: `Markeert een eigen melding als gelezen (bij openen); nogmaals doen houdt het eerste moment. De melding van een ander bestaat niet (404). ${OWN}`,
        params: uuidParamSchema,
        response: { 200: notificationSchema },
      },
    },
    async (request) => markNotificationRead(contextOf(request, deps), request.params.id),
  );
  app.get(
    '/notification-preferences',
    { schema: { tags, summary: 'Mijn voorkeuren voor meldingen', description: 'Per soort melding: niet, alleen in Kansrijk, meteen per e-mail of één e-mail per dag; en de taal van mijn e-mails.', response: { 200: notificationPreferencesSchema } } },
    async (request) => getOwnPreferences(contextOf(request, deps)),
  );
  app.put(
    '/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Mijn voorkeuren voor meldingen wijzigen',
        description:
          'De genoemde soorten krijgen de gekozen manier; de andere blijven zoals ze waren. `language` (nl of en): de taal van mijn e-mails vanaf nu. Staat in het auditlog.',
        body: ownNotificationPreferencesUpdateSchema,
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (request) => updateOwnPreferences(contextOf(request, deps), request.body),
  );
  app.get(
    '/people/:id/notification-preferences',
    { schema: { tags, summary: 'Voorkeuren voor meldingen van een medewerker', description: MEMBER_ADMIN, params: uuidParamSchema, response: { 200: notificationPreferencesSchema } } },
    async (request) => getMemberPreferences(contextOf(request, deps), request.params.id),
  );
  app.put(
    '/people/:id/notification-preferences',
    {
      schema: {
        tags,
        summary: 'Voorkeuren voor meldingen van een medewerker wijzigen',
        description: MEMBER_ADMIN,
        params: uuidParamSchema,
        body: notificationPreferencesUpdateSchema,
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (request) => updateMemberPreferences(contextOf(request, deps), request.params.id, request.body),
  );
  app.get(
    '/organisations/:id/inbox-settings',
    {
      schema: {
        tags,
        summary: 'Meldingen over de inbox: instellingen',
        description: 'Het algemene e-mailadres en welke medewerkers meldingen over de inbox krijgen. Alleen de beheerder van de organisatie (en de platformbeheerder); staat in het auditlog.',
        params: uuidParamSchema,
        response: { 200: inboxSettingsSchema },
      },
    },
    async (request) => getInboxSettings(contextOf(request, deps), request.params.id),
  );
  app.put(
    '/organisations/:id/inbox-settings',
    {
      schema: {
        tags,
        summary: 'Meldingen over de inbox: instellingen wijzigen',
        description:
          'Alle instellingen opnieuw: het algemene e-mailadres (leeg of null: geen) en de medewerkers die meldingen krijgen (alleen actieve medewerkers van deze organisatie, anders 400 en niets opgeslagen). ' +
          'Alleen de beheerder van de organisatie (en de platformbeheerder); staat in het auditlog.',
        params: uuidParamSchema,
        body: inboxSettingsUpdateSchema,
        response: { 200: inboxSettingsSchema },
      },
    },
    async (request) => updateInboxSettings(contextOf(request, deps), request.params.id, request.body),
  );
}
