// SPDX-License-Identifier: EUPL-1.2
// HTTP face of the finder for professionals (issue 13 item 5) and the coverage and funding overview
// (item 7). Every table also as CSV (`Accept: text/csv`) with the same cells.
import type { FeatureDependencies, ZodApp } from '../../app.js';
import { contextOf } from '../../platform/http/request-context.js';
import { csvOrJson, sendCsv, wantsCsv } from '../../platform/http/listing.js';
import {
  coverageMatrixSchema,
  coverageQuerySchema,
  offerFinderQuerySchema,
  offerFinderResultSchema,
  phaseOfferSchema,
  recognisedComparisonSchema,
} from '../../../contracts/offer-coverage.js';
import { findOffer } from './find-offer.js';
import { exportCoverageMatrix, getCoverageMatrix } from './get-coverage-matrix.js';
import { exportPhaseOffer, listPhaseOffer } from './list-phase-offer.js';
import { compareRecognised, exportRecognisedComparison } from './compare-recognised.js';

const COVERAGE_READERS =
  'Met `coalition` (KS-code) voor de coördinatoren van die coalitie en de beleidsmedewerkers van haar gemeenten; zonder `coalition` alle 342 ' +
  'gemeenten, voor analisten en de platformbeheerder. Met `Accept: text/csv` als CSV met dezelfde cellen. Geen persoonsgegevens.';

export function registerOfferCoverageRoutes(app: ZodApp, deps: FeatureDependencies) {
  app.get(
    '/offer-finder',
    {
      schema: {
        tags: ['Zorgpaden'],
        summary: 'Zorgpadzoeker voor professionals',
        description:
          'Voor een gemeente en een risicofactor: het gepubliceerde zorgpad van de gemeente, anders dat van haar coalitie, en de actieve diensten ' +
          "van de sociale kaart voor die factor in die gemeente (`verification` 'overdue': niet recent gecontroleerd). Voor iedereen die is ingelogd.",
        querystring: offerFinderQuerySchema,
        response: { 200: offerFinderResultSchema },
      },
    },
    async (request) => findOffer(contextOf(request, deps), request.query.municipality, request.query.factor),
  );
  const tags = ['Lokaal aanbod'];
  app.get(
    '/offer-coverage/matrix',
    {
      schema: {
        tags,
        summary: 'Dekking: zorgpaden per risicofactor en gemeente',
        description:
          "Per gemeente en risicofactor: 'present' (een gepubliceerd zorgpad van de gemeente of haar coalitie), 'outdated' (de herzieningsdatum is " +
          "voorbij, of een dienst op het zorgpad is niet recent gecontroleerd of niet actief) of 'missing'. " +
          COVERAGE_READERS,
        querystring: coverageQuerySchema,
        response: { 200: csvOrJson(coverageMatrixSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const name = `dekking-${request.query.coalition ?? 'nederland'}`;
      if (wantsCsv(request)) return sendCsv(reply, name, await exportCoverageMatrix(ctx, deps.db, request.query.coalition), ctx.now());
      return getCoverageMatrix(ctx, deps.db, request.query.coalition);
    },
  );
  app.get(
    '/offer-coverage/phases',
    {
      schema: {
        tags,
        summary: 'Dekking: interventies per fase',
        description:
          'De menu-interventies die nu lokaal worden aangeboden, per fase (voor, tijdens, na de zwangerschap), met de dienst, de financiering en de ' +
          'capaciteit per jaar. ' +
          COVERAGE_READERS,
        querystring: coverageQuerySchema,
        response: { 200: csvOrJson(phaseOfferSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const name = `aanbod-per-fase-${request.query.coalition ?? 'nederland'}`;
      if (wantsCsv(request)) return sendCsv(reply, name, await exportPhaseOffer(ctx, request.query.coalition), ctx.now());
      return listPhaseOffer(ctx, request.query.coalition);
    },
  );
  app.get(
    '/offer-coverage/recognised',
    {
      schema: {
        tags,
        summary: 'Dekking: erkende interventies vergeleken met vergelijkbare gemeenten',
        description:
          'Per gemeente het aantal verschillende erkende menu-interventies dat nu loopt (eigen aanbod en aanbod voor de hele coalitie), naast het ' +
          'gemiddelde van alle gemeenten in dezelfde grootteklasse naar inwonertal (CBS): <20.000, 20.000–50.000, 50.000–100.000, ≥100.000. ' +
          COVERAGE_READERS,
        querystring: coverageQuerySchema,
        response: { 200: csvOrJson(recognisedComparisonSchema) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request, deps);
      const name = `erkende-interventies-${request.query.coalition ?? 'nederland'}`;
      if (wantsCsv(request)) return sendCsv(reply, name, await exportRecognisedComparison(ctx, request.query.coalition), ctx.now());
      return compareRecognised(ctx, request.query.coalition);
    },
  );
}
