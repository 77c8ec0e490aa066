// SPDX-License-Identifier: EUPL-1.2
// HTTP face of consent and referrals: parse, call one use-case, format.
import { z } from 'zod';
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { csvOrJson, pageOrCsv } from '../../platform/http/listing.js';
import { uuidParamSchema } from '../../../contracts/common.js';
import {
  consentCreateSchema,
  consentSchema,
  consentWithdrawalNoticeListSchema,
  consentWithdrawalSchema,
  familyIdParamSchema,
  overdueQuerySchema,
  overdueReferralPageSchema,
  referralCreateSchema,
  referralForwardSchema,
  referralListItemSchema,
  referralPageSchema,
  referralQuerySchema,
  referralSchema,
  referralTransitionSchema,
} from '../../../contracts/referrals.js';
import { recordConsent } from './record-consent.js';
import { listConsents } from './list-consents.js';
import { withdrawConsent } from './withdraw-consent.js';
import { createReferral } from './create-referral.js';
import { getReferral } from './get-referral.js';
import { transitionReferral } from './transition-referral.js';
import { forwardReferral } from './forward-referral.js';
import { listReferrals } from './list-referrals.js';
import { exportReferrals } from './export-referrals.js';
import { listFamilyReferrals } from './list-family-referrals.js';
import { listOverdueReferrals } from './list-overdue-referrals.js';
import { listConsentWithdrawalNotices } from './list-consent-withdrawal-notices.js';

export function registerReferralRoutes(app: ZodApp, deps: FeatureDependencies) {
  const consentTags = ['Toestemming'];
  const tags = ['Verwijzingen'];

  app.post(
    '/families/:familyId/consents',
    {
      schema: {
        tags: consentTags,
        summary: 'Toestemming vastleggen',
        description:
          'Toestemming van de cliënt (of een wettelijk vertegenwoordiger) om gegevens te delen met één ontvangende organisatie, ' +
          'voor de gekozen doelen en soorten gegevens, mondeling of schriftelijk, met datum en einddatum. Alleen met toegang tot het dossier.',
        params: familyIdParamSchema,
        body: consentCreateSchema,
        response: { 201: consentSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await recordConsent(contextOf(request, deps), request.params.familyId, request.body)),
  );
  app.get(
    '/families/:familyId/consents',
    {
      schema: {
        tags: consentTags,
        summary: 'Toestemmingen van een cliënt',
        description: 'Alle vastgelegde toestemmingen in het dossier, nieuwste eerst, met hun status vandaag.',
        params: familyIdParamSchema,
        response: { 200: z.array(consentSchema) },
      },
    },
    async (request) => listConsents(contextOf(request, deps), request.params.familyId),
  );
  app.post(
    '/consents/:id/withdrawal',
    {
      schema: {
        tags: consentTags,
        summary: 'Toestemming intrekken',
        description:
          'Direct en blijvend: zorgrelaties onder deze toestemming stoppen, open verwijzingen worden ingetrokken ' +
          '("toestemming ingetrokken") en de ontvanger kan de verwijzing en het dossier niet meer inzien.',
        params: uuidParamSchema,
        response: { 200: consentWithdrawalSchema },
      },
    },
    async (request) => withdrawConsent(contextOf(request, deps), request.params.id),
  );
  app.get(
    '/families/:familyId/referrals',
    {
      schema: {
        tags,
        summary: 'Verwijzingen van een cliënt',
        description: 'De verwijzingen in het dossier die uw organisatie verstuurde of (met geldige toestemming) ontving.',
        params: familyIdParamSchema,
        response: { 200: z.array(referralListItemSchema) },
      },
    },
    async (request) => listFamilyReferrals(contextOf(request, deps), request.params.familyId),
  );

  app.post(
    '/referrals',
    {
      schema: {
        tags,
        summary: 'Verwijzing versturen',
        description:
          'Alleen met geldige toestemming van de cliënt voor deze ontvanger met doel verwijzing (`consentId`), of zonder toestemming op een ' +
          'wettelijke grond met onderbouwing (`legalGround`, `justification`; wordt achteraf beoordeeld). Dezelfde `idempotencyKey` van ' +
          'dezelfde persoon geeft de eerder gemaakte verwijzing terug (200) in plaats van een tweede (201).',
        body: referralCreateSchema,
        response: { 200: referralSchema, 201: referralSchema },
      },
    },
    async (request, reply) => {
      const created = await createReferral(contextOf(request, deps), request.body);
      return reply.status(created.isNew ? 201 : 200).send(created.referral);
    },
  );
  app.get(
    '/referrals',
    {
      schema: {
        tags,
        summary: 'Werklijst verwijzingen',
        description:
          'Inkomend (`box=incoming`) of uitgaand (`box=outgoing`) voor uw organisatie; filter `new`, `overdue` of `assigned_to_me`, ' +
          'en per gemeente. Te late verwijzingen eerst. Met `Accept: text/csv` de hele selectie als CSV (vastgelegd in het auditlog).',
        querystring: referralQuerySchema,
        response: { 200: csvOrJson(referralPageSchema) },
      },
    },
    async (request, reply) =>
      pageOrCsv(request, reply, contextOf(request, deps), { list: listReferrals, exportCsv: exportReferrals, csvName: 'verwijzingen' }),
  );
  app.get(
    '/referrals/:id',
    {
      schema: {
        tags,
        summary: 'Eén verwijzing',
        description:
          'De verwijzer ziet status, uitkomst en verloop; de ontvanger (zolang de toestemming geldt) ook wat met haar is gedeeld.',
        params: uuidParamSchema,
        response: { 200: referralSchema },
      },
    },
    async (request) => getReferral(contextOf(request, deps), request.params.id),
  );
  app.post(
    '/referrals/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Stap in een verwijzing',
        description:
          'In ontvangst nemen, accepteren, afwijzen (met reden), hulp gestart, afronden (met uitkomst), intrekken (verwijzer), pauzeren, ' +
          'hervatten of aan mij toewijzen. `version` is de versie die u zag: is die verouderd, dan volgt `stale_version`; heeft iemand ' +
          'anders de stap al gezet, dan `already_processed`.',
        params: uuidParamSchema,
        body: referralTransitionSchema,
        response: { 200: referralSchema },
      },
    },
    async (request) => transitionReferral(contextOf(request, deps), request.params.id, request.body),
  );
  app.post(
    '/referrals/:id/forward',
    {
      schema: {
        tags,
        summary: 'Verwijzing doorsturen',
        description:
          'De ontvanger stuurt door naar een andere organisatie: deze verwijzing wordt afgerond als "elders naartoe verwezen" en een ' +
          'nieuwe, gekoppelde verwijzing vertrekt. Ook daarvoor is toestemming (of een wettelijke grond) voor de nieuwe ontvanger nodig.',
        params: uuidParamSchema,
        body: referralForwardSchema,
        response: { 201: z.object({ closed: referralSchema, forwarded: referralSchema }).meta({ id: 'ReferralForwarded' }) },
      },
    },
    async (request, reply) => reply.status(201).send(await forwardReferral(contextOf(request, deps), request.params.id, request.body)),
  );
  app.get(
    '/referral-notices/consent-withdrawals',
    {
      schema: {
        tags,
        summary: 'Ingetrokken toestemmingen bij ontvangen verwijzingen',
        description:
          'Waarom een verwijzing uit de inbox verdween: verwijzingen die uw organisatie ontving en waarvan de cliënt de toestemming ' +
          'de afgelopen 30 dagen introk — datum en verwijzende organisatie; de naam van de cliënt alleen als uw organisatie het dossier nog mag zien.',
        response: { 200: consentWithdrawalNoticeListSchema },
      },
    },
    async (request) => listConsentWithdrawalNotices(contextOf(request, deps)),
  );
  app.get(
    '/referral-overview/overdue',
    {
      schema: {
        tags,
        summary: 'Te late verwijzingen per gemeente',
        description:
          'Voor de coalitiecoördinator: verwijzingen in de gemeenten van het werkgebied van de eigen organisatie waarop niet op tijd is ' +
          'gereageerd — verwijzer, ontvanger, gemeente en dagen te laat. Zonder cliëntgegevens.',
        querystring: overdueQuerySchema,
        response: { 200: overdueReferralPageSchema },
      },
    },
    async (request) => listOverdueReferrals(contextOf(request, deps), request.query),
  );
}
