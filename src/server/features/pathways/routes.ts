// SPDX-License-Identifier: EUPL-1.2
// HTTP face of care pathways: the public agreements per municipality, and the suggestions per risk
// factor of a family's screening.
import type { FastifyRequest } from 'fastify';
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { familyIdParamSchema } from '../../../contracts/screening.js';
import {
  carePathwayListSchema,
  familyPathwayQuerySchema,
  familyPathwaysSchema,
  pathwayDetailSchema,
  pathwayDraftInputSchema,
  pathwayDraftStartSchema,
  pathwayImprovementActionResultSchema,
  pathwayImprovementActionSchema,
  pathwayParamSchema,
  pathwayQuerySchema,
  pathwayRegisterQuerySchema,
  pathwayRegisterSchema,
  pathwayVersionParamSchema,
  pathwayVersionSchema,
} from '../../../contracts/pathways.js';
import { csvOrJson, sendCsv, wantsCsv } from '../../platform/http/listing.js';
import type { EditorContext } from './editor-store.js';
import { getPathway } from './get-pathway.js';
import { exportPathwayRegister, listPathwayRegister } from './list-pathway-register.js';
import { startDraft } from './start-draft.js';
import { saveDraft } from './save-draft.js';
import { publishVersion } from './publish-version.js';
import { withdrawVersion } from './withdraw-version.js';
import { addImprovementAction } from './add-improvement-action.js';
import type { UseCaseContext } from './store.js';
import { listPathways } from './list-pathways.js';
import { findFamilyPathways } from './find-family-pathways.js';

export function registerPathwayRoutes(app: ZodApp, deps: FeatureDependencies) {
  const context = (request: FastifyRequest): UseCaseContext => ({ ...contextOf(request, deps), db: deps.db });
  const tags = ['Zorgpaden'];
  app.get(
    '/pathways',
    {
      schema: {
        tags,
        summary: 'Zorgpaden',
        description:
          'De zorgpaden die in een gemeente gelden: die van de gemeente zelf en die van haar coalitie (lokale afspraken, ' +
          'aanbod en wie te benaderen). Zonder `municipality` alle zorgpaden. Geen persoonsgegevens.',
        querystring: pathwayQuerySchema,
        response: { 200: carePathwayListSchema },
      },
    },
    async (request) => listPathways(context(request), request.query.municipality),
  );
  app.get(
    '/families/:familyId/pathways',
    {
      schema: {
        tags,
        summary: 'Zorgpaden bij het factorprofiel van een gezin',
        description:
          'Per risicofactor in de (gekozen, anders de laatste) afgeronde screening het zorgpad van de woongemeente, anders dat van ' +
          'de coalitie. Een factor zonder zorgpad staat er ook in (zonder zorgpad).',
        params: familyIdParamSchema,
        querystring: familyPathwayQuerySchema,
        response: { 200: familyPathwaysSchema },
      },
    },
    async (request) => findFamilyPathways(context(request), request.params.familyId, request.query.screeningId),
  );
  registerEditorRoutes(app, deps);
}

/** The pathway editor (issue 13 item 4): versions, drafts, publishing and withdrawing. */
function registerEditorRoutes(app: ZodApp, deps: FeatureDependencies) {
  const editor = (request: FastifyRequest): EditorContext => ({ ...contextOf(request, deps), db: deps.db });
  const tags = ['Zorgpaden'];
  const editors = 'Voor de kartrekkers van de coalitie van het zorgpad (van de coalitie zelf of van een lidgemeente) en de platformbeheerder.';
  app.get(
    '/pathway-register',
    {
      schema: {
        tags,
        summary: 'Zorgpaden van een coalitie of gemeente',
        description:
          'Per zorgpad (factor) de status, de gepubliceerde en de conceptversie en de herzieningsdatum. Voor een coalitie (KS-code) ook de ' +
          'zorgpaden van haar lidgemeenten. Concepten ziet alleen wie het zorgpad mag bewerken. Met `Accept: text/csv` als CSV.',
        querystring: pathwayRegisterQuerySchema,
        response: { 200: csvOrJson(pathwayRegisterSchema) },
      },
    },
    async (request, reply) => {
      const ctx = editor(request);
      if (wantsCsv(request)) return sendCsv(reply, 'zorgpaden', await exportPathwayRegister(ctx, request.query.scope), ctx.now());
      return listPathwayRegister(ctx, request.query.scope);
    },
  );
  app.get(
    '/pathways/:scopeCode/:factorKey',
    {
      schema: {
        tags,
        summary: 'Eén zorgpad met zijn versies',
        description:
          'De gepubliceerde versie, de gearchiveerde en ingetrokken versies (leesbaar, met "vervangen door versie N") en — alleen voor wie ' +
          'het zorgpad mag bewerken — het concept. `allowedActions` zegt wat u ermee mag.',
        params: pathwayParamSchema,
        response: { 200: pathwayDetailSchema },
      },
    },
    async (request) => getPathway(editor(request), request.params.scopeCode, request.params.factorKey),
  );
  app.post(
    '/pathways/:scopeCode/:factorKey/drafts',
    {
      schema: {
        tags,
        summary: 'Nieuwe conceptversie van een zorgpad',
        description:
          'Een kopie van de nieuwste versie als concept (versie N+1); een gepubliceerde versie zelf verandert nooit. Er is hoogstens één ' +
          'concept: is er al een, dan komt dat terug (200). Een zorgpad zonder versies begint met `title`. ' + editors,
        params: pathwayParamSchema,
        body: pathwayDraftStartSchema,
        response: { 200: pathwayVersionSchema, 201: pathwayVersionSchema },
      },
    },
    async (request, reply) => {
      const { draft, isNew } = await startDraft(editor(request), request.params.scopeCode, request.params.factorKey, request.body);
      return reply.status(isNew ? 201 : 200).send(draft);
    },
  );
  app.put(
    '/pathways/:scopeCode/:factorKey/versions/:version',
    {
      schema: {
        tags,
        summary: 'Concept van een zorgpad opslaan',
        description:
          'Titel, lokale afspraken (met de samenwerkingsafspraken van de coalitie waarop ze rusten), stappen met aanbod, herzieningsdatum: ' +
          'alles tegelijk. Alleen een concept kan worden gewijzigd (`pathway_version_not_draft`). ' + editors,
        params: pathwayVersionParamSchema,
        body: pathwayDraftInputSchema,
        response: { 200: pathwayVersionSchema },
      },
    },
    async (request) => saveDraft(editor(request), request.params.scopeCode, request.params.factorKey, request.params.version, request.body),
  );
  app.post(
    '/pathways/:scopeCode/:factorKey/versions/:version/publication',
    {
      schema: {
        tags,
        summary: 'Concept van een zorgpad publiceren',
        description:
          'Het concept wordt de gepubliceerde versie; de vorige gepubliceerde versie wordt gearchiveerd. Elke stap moet minstens één ' +
          'aanbod noemen (`pathway_step_without_service`). Nog eens publiceren verandert niets. ' + editors,
        params: pathwayVersionParamSchema,
        response: { 200: pathwayVersionSchema },
      },
    },
    async (request) => publishVersion(editor(request), request.params.scopeCode, request.params.factorKey, request.params.version),
  );
  app.post(
    '/pathways/:scopeCode/:factorKey/versions/:version/withdrawal',
    {
      schema: {
        tags,
        summary: 'Gepubliceerd zorgpad intrekken',
        description: 'De gepubliceerde versie wordt ingetrokken en blijft leesbaar. Nog eens intrekken verandert niets. ' + editors,
        params: pathwayVersionParamSchema,
        response: { 200: pathwayVersionSchema },
      },
    },
    async (request) => withdrawVersion(editor(request), request.params.scopeCode, request.params.factorKey, request.params.version),
  );
  app.post(
    '/pathways/:scopeCode/:factorKey/improvement-actions',
    {
      schema: {
        tags,
        summary: 'Verbeteractie uit een zorgpad naar het plan van aanpak',
        description:
          'Een verbeteractie die bij het maken van het zorgpad opviel, in het plan van aanpak van de coalitie van het zorgpad. ' + editors,
        params: pathwayParamSchema,
        body: pathwayImprovementActionSchema,
        response: { 201: pathwayImprovementActionResultSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await addImprovementAction(editor(request), request.params.scopeCode, request.params.factorKey, request.body)),
  );
}
