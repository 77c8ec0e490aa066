// SPDX-License-Identifier: EUPL-1.2
// HTTP face of organisations (/organisations) and staff accounts (/people): parse, call one use-case, format.
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { uuidParamSchema } from '../../../contracts/common.js';
import {
  invitationLinkSchema,
  organisationCreateSchema,
  organisationPageSchema,
  organisationQuerySchema,
  organisationSchema,
  organisationUpdateSchema,
  personCreatedSchema,
  personCreateSchema,
  personPageSchema,
  personQuerySchema,
  personSchema,
  personUpdateSchema,
} from '../../../contracts/organisations.js';
import { csvOrJson, pageOrCsv } from '../../platform/http/listing.js';
import { listOrganisations } from './list-organisations.js';
import { exportOrganisations } from './export-organisations.js';
import { getOrganisation } from './get-organisation.js';
import { createOrganisation } from './create-organisation.js';
import { updateOrganisation } from './update-organisation.js';
import { listPeople } from './list-people.js';
import { exportPeople } from './export-people.js';
import { getPerson } from './get-person.js';
import { invitePerson } from './invite-person.js';
import { updatePerson } from './update-person.js';
import { reissueInvitation } from './reissue-invitation.js';

const CSV_NOTE = 'Met `Accept: text/csv` komen alle passende rijen (maximaal 10.000) als CSV-bestand; ook dat wordt vastgelegd in het auditlog.';

export function registerOrganisationRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Organisaties'];
  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Organisaties zoeken',
        description: `Organisaties met hun werkgebied (gemeenten), op naam of AGB/URA-code, soort en gemeente. ${CSV_NOTE}`,
        querystring: organisationQuerySchema,
        response: { 200: csvOrJson(organisationPageSchema) },
      },
    },
    async (request, reply) =>
      pageOrCsv(request, reply, contextOf(request, deps), { list: listOrganisations, exportCsv: exportOrganisations, csvName: 'organisaties' }),
  );
  app.post(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Organisatie toevoegen',
        description: 'Alleen voor de beheerder van het platform. Onbekende gemeentecodes worden geweigerd.',
        body: organisationCreateSchema,
        response: { 201: organisationSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createOrganisation(contextOf(request, deps), request.body)),
  );
  app.get(
    '/organisations/:id',
    { schema: { tags, summary: 'Eén organisatie', description: 'Een organisatie op haar id, voor wie de organisatie mag zien.', params: uuidParamSchema, response: { 200: organisationSchema } } },
    async (request) => getOrganisation(contextOf(request, deps), request.params.id),
  );
  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Organisatie wijzigen',
        description:
          'Naam, AGB/URA-code en werkgebied: de beheerder van het platform, of de beheerder van de eigen organisatie. ' +
          'Soort wijzigen en (de)activeren (`isActive`): alleen de beheerder van het platform.',
        params: uuidParamSchema,
        body: organisationUpdateSchema,
        response: { 200: organisationSchema },
      },
    },
    async (request) => updateOrganisation(contextOf(request, deps), request.params.id, request.body),
  );
}

export function registerPeopleRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Medewerkers'];
  app.get(
    '/people',
    {
      schema: {
        tags,
        summary: 'Medewerkers zoeken',
        description: `Medewerkeraccounts met hun organisaties en rollen. Een beheerder van een organisatie ziet alleen de eigen medewerkers. ${CSV_NOTE}`,
        querystring: personQuerySchema,
        response: { 200: csvOrJson(personPageSchema) },
      },
    },
    async (request, reply) =>
      pageOrCsv(request, reply, contextOf(request, deps), { list: listPeople, exportCsv: exportPeople, csvName: 'medewerkers' }),
  );
  app.post(
    '/people',
    {
      schema: {
        tags,
        summary: 'Medewerker uitnodigen',
        description:
          'Maakt een account zonder wachtwoord, met lidmaatschappen, en geeft een uitnodigingslink (7 dagen geldig) ' +
          'die de beheerder doorgeeft. Via die link kiest de medewerker een wachtwoord en stelt tweestapsverificatie in.',
        body: personCreateSchema,
        response: { 201: personCreatedSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await invitePerson(contextOf(request, deps), request.body, deps.config.publicUrl)),
  );
  app.get(
    '/people/:id',
    { schema: { tags, summary: 'Eén medewerker', description: 'Een medewerker op zijn of haar id, met rollen, voor wie de organisatie van de medewerker mag zien.', params: uuidParamSchema, response: { 200: personSchema } } },
    async (request) => getPerson(contextOf(request, deps), request.params.id),
  );
  app.patch(
    '/people/:id',
    {
      schema: {
        tags,
        summary: 'Medewerker wijzigen',
        description:
          'Naam, e-mailadres, (de)activeren en lidmaatschappen. Deactiveren beëindigt alle sessies van de medewerker. ' +
          'Een beheerder van een organisatie wijzigt alleen lidmaatschappen van de eigen organisatie en kent nooit de rol platformbeheerder toe.',
        params: uuidParamSchema,
        body: personUpdateSchema,
        response: { 200: personSchema },
      },
    },
    async (request) => updatePerson(contextOf(request, deps), request.params.id, request.body),
  );
  app.post(
    '/people/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Nieuwe uitnodigingslink',
        description: 'Voor een medewerker die nog geen wachtwoord heeft. Eerdere, ongebruikte links vervallen.',
        params: uuidParamSchema,
        response: { 201: invitationLinkSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reissueInvitation(contextOf(request, deps), request.params.id, deps.config.publicUrl)),
  );
}
