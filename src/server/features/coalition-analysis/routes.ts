// SPDX-License-Identifier: EUPL-1.2
// HTTP face of the coalition self-analysis: rounds and their report under the coalition's code, the
// logged-in respondent's own invitations, and the public answering page behind a personal link.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf, originOf } from '../../platform/http/request-context.js';
import {
  analysisFormSchema,
  candidateListSchema,
  coalitionParamsSchema,
  inviteRespondentSchema,
  inviteResultSchema,
  linkTokenParamsSchema,
  myInvitationListSchema,
  openRoundSchema,
  reportSchema,
  respondentParamsSchema,
  roundDetailSchema,
  roundListSchema,
  roundParamsSchema,
  saveAnswersResultSchema,
  saveAnswersSchema,
} from '../../../contracts/coalition-analysis.js';
import type { PublicContext, UseCaseContext } from './store.js';
import { listRounds } from './list-rounds.js';
import { openRound } from './open-round.js';
import { getRound } from './get-round.js';
import { inviteRespondent } from './invite-respondent.js';
import { listCandidates } from './list-candidates.js';
import { closeRound } from './close-round.js';
import { getReport } from './get-report.js';
import { listMyInvitations } from './list-my-invitations.js';
import { saveLinkAnswers, saveOwnAnswers, showLinkForm, showOwnForm } from './respond.js';

const tags = ['Zelfanalyse coalitie'];

export function registerCoalitionAnalysisRoutes(app: ZodApp, deps: FeatureDependencies) {
  const context = (request: FastifyRequest): UseCaseContext => ({ ...contextOf(request, deps), db: deps.db, publicUrl: deps.config.publicUrl });
  const publicContext = (request: FastifyRequest): PublicContext => ({ db: deps.db, now: () => deps.clock.now(), origin: originOf(request) });
  // Like the other public endpoints (login, invitations): guessing links is limited per IP address.
  const rateLimit = { max: deps.config.rateLimit.authPerMinute, timeWindow: '1 minute' };

  app.get(
    '/coalitions/:code/analysis-rounds',
    {
      schema: {
        tags,
        summary: 'Rondes van de zelfanalyse',
        description: 'De rondes van de zelfanalyse van een coalitie, nieuwste eerst, met het aantal uitgenodigden en wie heeft geantwoord. Voor de kartrekkers, de beleidsmedewerkers van de deelnemende gemeenten, analisten en beheer.',
        params: coalitionParamsSchema,
        response: { 200: roundListSchema },
      },
    },
    async (request) => listRounds(context(request), request.params.code),
  );

  app.post(
    '/coalitions/:code/analysis-rounds',
    {
      schema: {
        tags,
        summary: 'Ronde openen',
        description: 'De kartrekker opent een ronde en kiest of antwoorden met naam, per partnerorganisatie of anoniem worden getoond.',
        params: coalitionParamsSchema,
        body: openRoundSchema,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await openRound(context(request), request.params.code, request.body)),
  );

  app.get(
    '/coalitions/:code/analysis-rounds/:roundId',
    {
      schema: { tags, summary: 'Ronde', description: 'Een ronde met de uitgenodigden (voortgang per persoon alleen als de ronde niet anoniem is).', params: roundParamsSchema, response: { 200: roundDetailSchema } },
    },
    async (request) => getRound(context(request), request.params.code, request.params.roundId),
  );

  app.get(
    '/coalitions/:code/analysis-rounds/:roundId/candidates',
    {
      schema: {
        tags,
        summary: 'Wie uit te nodigen',
        description: 'Mensen met een account bij de organisaties die de gemeenten van de coalitie bedienen (naam en organisatie). Alleen voor wie mag uitnodigen.',
        params: roundParamsSchema,
        response: { 200: candidateListSchema },
      },
    },
    async (request) => listCandidates(context(request), request.params.code, request.params.roundId),
  );

  app.post(
    '/coalitions/:code/analysis-rounds/:roundId/respondents',
    {
      schema: {
        tags,
        summary: 'Iemand uitnodigen',
        description:
          'Een persoon met een account (personId), of iemand zonder account (naam en e-mailadres): die krijgt een persoonlijke link, die hier één keer wordt getoond en werkt tot de ronde sluit. Dezelfde persoon opnieuw: 200 met de bestaande uitnodiging.',
        params: roundParamsSchema,
        body: inviteRespondentSchema,
        response: { 200: inviteResultSchema, 201: inviteResultSchema },
      },
    },
    async (request, reply) => {
      const { result, isNew } = await inviteRespondent(context(request), request.params.code, request.params.roundId, request.body);
      return reply.status(isNew ? 201 : 200).send(result);
    },
  );

  app.post(
    '/coalitions/:code/analysis-rounds/:roundId/closure',
    {
      schema: {
        tags,
        summary: 'Ronde sluiten',
        description: 'Sluit de ronde: daarna kan niemand meer antwoorden en werken de persoonlijke links niet meer. Opnieuw sluiten verandert niets.',
        params: roundParamsSchema,
        response: { 200: z.object({ id: z.uuid(), status: z.literal('closed') }) },
      },
    },
    async (request) => closeRound(context(request), request.params.code, request.params.roundId),
  );

  app.get(
    '/coalitions/:code/analysis-rounds/:roundId/report',
    {
      schema: {
        tags,
        summary: 'Rapport van een ronde',
        description:
          'Per deel en per stelling het gemiddelde, de spreiding (standaardafwijking en verdeling over 1–5), of de partners het oneens zijn, de zwakste stellingen en de verandering sinds de vorige ronde. Bij een anonieme ronde geen gegevens per persoon, en geen cijfers bij minder dan 3 antwoorden.',
        params: roundParamsSchema,
        response: { 200: reportSchema },
      },
    },
    async (request) => getReport(context(request), request.params.code, request.params.roundId),
  );

  app.get(
    '/analysis-invitations',
    {
      schema: { tags, summary: 'Mijn zelfanalyses', description: 'De rondes waarvoor de ingelogde persoon is uitgenodigd.', response: { 200: myInvitationListSchema } },
    },
    async (request) => listMyInvitations(context(request)),
  );

  app.get(
    '/analysis-invitations/:respondentId',
    {
      schema: {
        tags,
        summary: 'Mijn antwoorden',
        description: 'De stellingen en de eigen scores bij een eigen uitnodiging; een uitnodiging van iemand anders bestaat niet (404).',
        params: respondentParamsSchema,
        response: { 200: analysisFormSchema },
      },
    },
    async (request) => showOwnForm(context(request), request.params.respondentId),
  );

  app.put(
    '/analysis-invitations/:respondentId/answers',
    {
      schema: {
        tags,
        summary: 'Antwoorden opslaan',
        description: 'Scores 1–5 bij een deel of alle stellingen; een eerdere score wordt vervangen. Bij een gesloten ronde wordt niets opgeslagen (409).',
        params: respondentParamsSchema,
        body: saveAnswersSchema,
        response: { 200: saveAnswersResultSchema },
      },
    },
    async (request) => saveOwnAnswers(context(request), request.params.respondentId, request.body),
  );

  app.get(
    '/analysis-links/:token',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: 'Zelfanalyse via persoonlijke link',
        description: 'Zonder inloggen: de stellingen en de eigen scores. Niets anders (geen andere antwoorden, geen deelnemers). 410 bij een onbekende link, 409 als de ronde gesloten is.',
        params: linkTokenParamsSchema,
        response: { 200: analysisFormSchema },
      },
    },
    async (request) => showLinkForm(publicContext(request), request.params.token),
  );

  app.put(
    '/analysis-links/:token/answers',
    {
      config: { access: 'public', rateLimit },
      schema: {
        tags,
        summary: 'Antwoorden opslaan via persoonlijke link',
        description: 'Zonder inloggen, zolang de ronde open is. Scores 1–5; een eerdere score wordt vervangen.',
        params: linkTokenParamsSchema,
        body: saveAnswersSchema,
        response: { 200: saveAnswersResultSchema },
      },
    },
    async (request) => saveLinkAnswers(publicContext(request), request.params.token, request.body),
  );
}
