// SPDX-License-Identifier: EUPL-1.2
// HTTP face of the coalition register (/coalitions): parse, call one use-case, format. A coalition is
// addressed by its public code (KSnnnn) everywhere; an unknown code answers 404.
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { csvOrJson, pageOrCsv } from '../../platform/http/listing.js';
import {
  coalitionCodeParamSchema,
  coalitionCreateSchema,
  coalitionItemParamSchema,
  coalitionOverviewSchema,
  coalitionPageSchema,
  coalitionQuerySchema,
  coalitionReadQuerySchema,
  coalitionSchema,
  coalitionUpdateSchema,
  coordinatorCreateSchema,
  coordinatorEndSchema,
  coordinatorParamSchema,
  fundingCreateSchema,
  memberParamSchema,
  membershipCreateSchema,
  membershipEndSchema,
  overviewQuerySchema,
  statusParamSchema,
  statusSetSchema,
  steeringMemberCreateSchema,
} from '../../../contracts/coalitions.js';
import { listCoalitions } from './list-coalitions.js';
import { exportCoalitions } from './export-coalitions.js';
import { getOverview } from './get-overview.js';
import { getCoalition } from './get-coalition.js';
import { createCoalition } from './create-coalition.js';
import { updateCoalition } from './update-coalition.js';
import { addMembership } from './add-membership.js';
import { endMembership } from './end-membership.js';
import { addCoordinator } from './add-coordinator.js';
import { endCoordinator } from './end-coordinator.js';
import { addSteeringMember, removeSteeringMember } from './steering-group.js';
import { addFunding, removeFunding } from './funding.js';
import { setStatuses } from './set-statuses.js';

const CHANGE_NOTE = 'Alleen de (plaatsvervangend) coördinatoren van deze coalitie en de beheerder van het platform; elke wijziging komt in het auditlog.';

export function registerCoalitionRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Coalities'];
  const ok = { 200: coalitionSchema };
  app.get(
    '/coalitions',
    {
      schema: {
        tags,
        summary: 'Register van coalities',
        description:
          'Lokale coalities en regionale samenwerkingen met hun huidige gemeenten; filters op soort, provincie, actief en naam of code. ' +
          'Met `Accept: text/csv` komen alle passende rijen (maximaal 10.000) als CSV-bestand; ook dat wordt vastgelegd in het auditlog.',
        querystring: coalitionQuerySchema,
        response: { 200: csvOrJson(coalitionPageSchema) },
      },
    },
    async (request, reply) => pageOrCsv(request, reply, contextOf(request, deps), { list: listCoalitions, exportCsv: exportCoalitions, csvName: 'coalities' }),
  );
  app.get(
    '/coalitions/overview',
    {
      schema: {
        tags,
        summary: 'Landelijk overzicht',
        description: 'Per jaar: gemeenten per status (gevormd, in ontwikkeling, geen, niet beantwoord), coalities en gemeenten per niveau, en per gemeente de status en coalities.',
        querystring: overviewQuerySchema,
        response: { 200: coalitionOverviewSchema },
      },
    },
    async (request) => getOverview(contextOf(request, deps), request.query.year),
  );
  app.post(
    '/coalitions',
    {
      schema: {
        tags,
        summary: 'Coalitie oprichten',
        description:
          'Een coalitiecoördinator (die daarmee coördinator wordt) of de beheerder van het platform. Krijgt de volgende code KSnnnn. ' +
          'Een gemeente hoort op hetzelfde moment bij ten hoogste één lokale coalitie en één regionale samenwerking (409 `membership_overlap`).',
        body: coalitionCreateSchema,
        response: { 201: coalitionSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createCoalition(contextOf(request, deps), request.body)),
  );
  app.get(
    '/coalitions/:code',
    { schema: { tags, summary: 'Eén coalitie', description: 'Een coalitie op haar code, met leden, coördinatoren, stuurgroep en financiering; met `year` de stand in dat jaar.', params: coalitionCodeParamSchema, querystring: coalitionReadQuerySchema, response: ok } },
    async (request) => getCoalition(contextOf(request, deps), request.params.code, request.query.year),
  );
  app.patch(
    '/coalitions/:code',
    {
      schema: {
        tags,
        summary: 'Gegevens van een coalitie wijzigen',
        description: `${CHANGE_NOTE} Beëindigen of weer actief maken (\`isActive\`): alleen de beheerder van het platform.`,
        params: coalitionCodeParamSchema,
        body: coalitionUpdateSchema,
        response: ok,
      },
    },
    async (request) => updateCoalition(contextOf(request, deps), request.params.code, request.body),
  );
  app.post(
    '/coalitions/:code/members',
    {
      schema: {
        tags,
        summary: 'Gemeente toevoegen',
        description: `${CHANGE_NOTE} 201 bij een nieuw lidmaatschap, 200 als precies dit lidmaatschap er al is.`,
        params: coalitionCodeParamSchema,
        body: membershipCreateSchema,
        response: { 200: coalitionSchema, 201: coalitionSchema },
      },
    },
    async (request, reply) => {
      const { coalition, isNew } = await addMembership(contextOf(request, deps), request.params.code, request.body);
      return reply.status(isNew ? 201 : 200).send(coalition);
    },
  );
  app.post(
    '/coalitions/:code/members/:municipalityCode/end',
    { schema: { tags, summary: 'Lidmaatschap beëindigen', description: CHANGE_NOTE, params: memberParamSchema, body: membershipEndSchema, response: ok } },
    async (request) => endMembership(contextOf(request, deps), request.params.code, request.params.municipalityCode, request.body),
  );
  app.post(
    '/coalitions/:code/coordinators',
    {
      schema: {
        tags,
        summary: 'Coördinator of plaatsvervanger toevoegen',
        description: `${CHANGE_NOTE} Alleen iemand met een actief account en de rol coalitiecoördinator bij een organisatie.`,
        params: coalitionCodeParamSchema,
        body: coordinatorCreateSchema,
        response: ok,
      },
    },
    async (request) => addCoordinator(contextOf(request, deps), request.params.code, request.body),
  );
  app.post(
    '/coalitions/:code/coordinators/:personId/end',
    { schema: { tags, summary: 'Rol van coördinator beëindigen', description: CHANGE_NOTE, params: coordinatorParamSchema, body: coordinatorEndSchema, response: ok } },
    async (request) => endCoordinator(contextOf(request, deps), request.params.code, request.params.personId, request.body),
  );
  app.post(
    '/coalitions/:code/steering-group',
    { schema: { tags, summary: 'Lid van de stuurgroep toevoegen', description: CHANGE_NOTE, params: coalitionCodeParamSchema, body: steeringMemberCreateSchema, response: ok } },
    async (request) => addSteeringMember(contextOf(request, deps), request.params.code, request.body),
  );
  app.delete(
    '/coalitions/:code/steering-group/:id',
    { schema: { tags, summary: 'Lid van de stuurgroep verwijderen', description: CHANGE_NOTE, params: coalitionItemParamSchema, response: ok } },
    async (request) => removeSteeringMember(contextOf(request, deps), request.params.code, request.params.id),
  );
  app.post(
    '/coalitions/:code/funding',
    { schema: { tags, summary: 'Financiering toevoegen', description: `${CHANGE_NOTE} Bedragen in eurocenten.`, params: coalitionCodeParamSchema, body: fundingCreateSchema, response: ok } },
    async (request) => addFunding(contextOf(request, deps), request.params.code, request.body),
  );
  app.delete(
    '/coalitions/:code/funding/:id',
    { schema: { tags, summary: 'Financiering verwijderen', description: CHANGE_NOTE, params: coalitionItemParamSchema, response: ok } },
    async (request) => removeFunding(contextOf(request, deps), request.params.code, request.params.id),
  );
  app.put(
    '/coalitions/:code/statuses/:year',
    {
      schema: {
        tags,
        summary: 'Status per gemeente vastleggen',
        description: `${CHANGE_NOTE} Voor de huidige gemeenten (of een deel ervan), bron 'register'. Een ingediende vragenlijst gaat voor en wordt niet overschreven.`,
        params: statusParamSchema,
        body: statusSetSchema,
        response: ok,
      },
    },
    async (request) => (await setStatuses(contextOf(request, deps), request.params.code, request.params.year, request.body)).coalition,
  );
}
