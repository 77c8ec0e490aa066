// SPDX-License-Identifier: EUPL-1.2
// HTTP face of the plan of approach (/coalitions/{code}/plan…) and its improvement actions
// (/coalitions/{code}/improvement-actions, the briefing's contract for the self-analysis report).
import { z } from 'zod';
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import {
  coalitionCodeParamSchema,
  improvementActionCreateSchema,
  improvementActionCreatedSchema,
  improvementActionParamSchema,
  improvementActionSchema,
  improvementActionUpdateSchema,
  planApprovalSchema,
  planComparisonQuerySchema,
  planComparisonSchema,
  planOverviewSchema,
  planVersionCreateSchema,
  planVersionParamSchema,
  planVersionSchema,
} from '../../../contracts/coalition-plans.js';
import { getPlanOverview } from './get-plan-overview.js';
import { getPlanVersion } from './get-plan-version.js';
import { startPlanVersion } from './start-plan-version.js';
import { savePlanVersion } from './save-plan-version.js';
import { approvePlanVersion } from './approve-plan-version.js';
import { comparePlanVersions } from './compare-plan-versions.js';
import { createImprovementAction } from './create-improvement-action.js';
import { listImprovementActions } from './list-improvement-actions.js';
import { updateImprovementAction } from './update-improvement-action.js';
import { planVersionSaveSchema } from '../../../contracts/coalition-plans.js';

const ACCESS =
  'Vastgestelde versies leest iedereen die is ingelogd; concepten lezen de kartrekkers van de coalitie, de beleidsmedewerkers van haar gemeenten, ' +
  'analisten en de platformbeheerder; wijzigen en vaststellen doen de kartrekkers van de coalitie en de platformbeheerder. Elke wijziging staat in het auditlog.';

export function registerCoalitionPlanRoutes(app: ZodApp, deps: FeatureDependencies) {
  const tags = ['Plan van aanpak'];
  app.get(
    '/coalitions/:code/plan',
    {
      schema: {
        tags,
        summary: 'Plan van aanpak van een coalitie',
        description: `De versies, de nieuwste in zijn geheel, de cijfers van de coalitie uit de monitor (stap 1), de voortgang van doelen met een indicator en de verbeteracties. ${ACCESS}`,
        params: coalitionCodeParamSchema,
        response: { 200: planOverviewSchema },
      },
    },
    async (request) => getPlanOverview(contextOf(request, deps), deps.db, request.params.code),
  );
  app.post(
    '/coalitions/:code/plan/versions',
    {
      schema: {
        tags,
        summary: 'Plan beginnen of nieuwe versie',
        description: `Een nieuw concept, gekopieerd van \`fromVersion\` (standaard de nieuwste versie). Staat er al een concept open, dan komt dat terug (200). ${ACCESS}`,
        params: coalitionCodeParamSchema,
        body: planVersionCreateSchema,
        response: { 200: planVersionSchema, 201: planVersionSchema },
      },
    },
    async (request, reply) => {
      const { isNew, version } = await startPlanVersion(contextOf(request, deps), deps.db, request.params.code, request.body);
      return reply.status(isNew ? 201 : 200).send(version);
    },
  );
  app.get(
    '/coalitions/:code/plan/versions/:version',
    {
      schema: { tags, summary: 'Eén versie van het plan', description: ACCESS, params: planVersionParamSchema, response: { 200: planVersionSchema } },
    },
    async (request) => getPlanVersion(contextOf(request, deps), deps.db, request.params.code, request.params.version),
  );
  app.put(
    '/coalitions/:code/plan/versions/:version',
    {
      schema: {
        tags,
        summary: 'Concept opslaan',
        description: `Tekst per stap en de doelen. Alleen een concept, alleen vanaf de laatst geziene \`revision\` (anders 409). Hetzelfde nog eens opslaan verandert niets. ${ACCESS}`,
        params: planVersionParamSchema,
        body: planVersionSaveSchema,
        response: { 200: planVersionSchema },
      },
    },
    async (request) => savePlanVersion(contextOf(request, deps), deps.db, request.params.code, request.params.version, request.body),
  );
  app.post(
    '/coalitions/:code/plan/versions/:version/approval',
    {
      schema: {
        tags,
        summary: 'Versie vaststellen',
        description: `Legt de datum en het orgaan van de vaststelling vast; de versie is daarna bevroren. Twee keer vaststellen wordt geweigerd (409). ${ACCESS}`,
        params: planVersionParamSchema,
        body: planApprovalSchema,
        response: { 200: planVersionSchema },
      },
    },
    async (request) => approvePlanVersion(contextOf(request, deps), deps.db, request.params.code, request.params.version, request.body),
  );
  app.get(
    '/coalitions/:code/plan/comparison',
    {
      schema: {
        tags,
        summary: 'Twee versies vergelijken',
        description: `Per stap de tekst van beide versies en of die veranderde, en de doelen naast elkaar. ${ACCESS}`,
        params: coalitionCodeParamSchema,
        querystring: planComparisonQuerySchema,
        response: { 200: planComparisonSchema },
      },
    },
    async (request) => comparePlanVersions(contextOf(request, deps), deps.db, request.params.code, request.query.from, request.query.to),
  );
  app.get(
    '/coalitions/:code/improvement-actions',
    {
      schema: {
        tags,
        summary: 'Verbeteracties van een coalitie',
        description: 'De verbeteracties uit het bijsturen van het plan. Voor de kartrekkers, de beleidsmedewerkers van de gemeenten, analisten en de platformbeheerder.',
        params: coalitionCodeParamSchema,
        response: { 200: z.object({ items: z.array(improvementActionSchema) }) },
      },
    },
    async (request) => listImprovementActions(contextOf(request, deps), deps.db, request.params.code),
  );
  app.post(
    '/coalitions/:code/improvement-actions',
    {
      schema: {
        tags,
        summary: 'Verbeteractie toevoegen',
        description:
          'Een verbeteractie in het plan, eventueel vanuit een zwakke stelling van een zelfanalyse (`origin`). Dezelfde herkomst nog eens geeft de bestaande actie terug (200). ' +
          'Voor de kartrekkers van de coalitie en de platformbeheerder.',
        params: coalitionCodeParamSchema,
        body: improvementActionCreateSchema,
        response: { 200: improvementActionCreatedSchema, 201: improvementActionCreatedSchema },
      },
    },
    async (request, reply) => {
      const { id, isNew } = await createImprovementAction(contextOf(request, deps), deps.db, request.params.code, request.body);
      return reply.status(isNew ? 201 : 200).send({ id });
    },
  );
  app.patch(
    '/coalitions/:code/improvement-actions/:id',
    {
      schema: {
        tags,
        summary: 'Status van een verbeteractie',
        description: 'Open, in uitvoering of afgerond; alleen vanaf de laatst geziene `version`. Voor de kartrekkers van de coalitie en de platformbeheerder.',
        params: improvementActionParamSchema,
        body: improvementActionUpdateSchema,
        response: { 200: improvementActionSchema },
      },
    },
    async (request) => updateImprovementAction(contextOf(request, deps), deps.db, request.params.code, request.params.id, request.body),
  );
}
