// SPDX-License-Identifier: EUPL-1.2
// The coverage overview's second table (issue 13 item 7b): the menu interventions offered now in the
// scope, per phase (before / during / after pregnancy — an intervention with more phases under each),
// with where, by which service, the funding route and the capacity per year. As CSV with the same rows.
import type { PhaseOffer } from '../../../contracts/offer-coverage.js';
import { RECOGNISED_LEVELS, INTERVENTION_PHASES } from '../../../contracts/intervention-menu.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { toCsv } from '../../platform/http/listing.js';
import { INTERVENTION_MENU } from '../interventions/menu/load-menu.js';
import { onCoverageScope, scopeOf, type CoverageScope } from './coverage-scope.js';
import { runningMenuOffers } from './offer-rows.js';

async function build(tx: Executor, scope: CoverageScope, now: Date): Promise<PhaseOffer> {
  const names = new Map(scope.municipalities.map((municipality) => [municipality.code, municipality.name]));
  const offers = await runningMenuOffers(tx, [...names.keys()], now.toISOString().slice(0, 10));
  const menu = new Map(INTERVENTION_MENU.interventions.map((entry) => [entry.key, entry]));
  const items = INTERVENTION_PHASES.flatMap((phase) =>
    offers.flatMap((offer) => {
      const entry = menu.get(offer.interventionKey);
      if (!entry || !entry.phases.includes(phase)) return [];
      return [
        {
          phase,
          interventionKey: entry.key,
          interventionName: entry.name,
          isRecognised: RECOGNISED_LEVELS.includes(entry.recognition.level),
          coalitionCode: offer.coalitionCode,
          municipalityCode: offer.municipalityCode,
          municipalityName: offer.municipalityCode ? (names.get(offer.municipalityCode) ?? null) : null,
          serviceName: offer.serviceName,
          fundingRoute: offer.fundingRoute,
          capacityPerYear: offer.capacityPerYear,
        },
      ];
    }),
  );
  return { scope: scopeOf(scope), items };
}

export async function listPhaseOffer(ctx: RequestContext, coalitionCode: string | undefined): Promise<PhaseOffer> {
  return onCoverageScope(ctx, coalitionCode, 'read', 'phases', (tx, scope) => build(tx, scope, ctx.now()));
}

const text = nl.offerCoverage;
export const PHASE_LABEL = { V: text.phaseV, T: text.phaseT, N: text.phaseN } as const;

export async function exportPhaseOffer(ctx: RequestContext, coalitionCode: string | undefined): Promise<string> {
  const { items } = await onCoverageScope(ctx, coalitionCode, 'export', 'phases', (tx, scope) => build(tx, scope, ctx.now()));
  return toCsv<PhaseOffer['items'][number]>(
    [
      { header: text.columnPhase, value: (row) => PHASE_LABEL[row.phase] },
      { header: text.columnIntervention, value: (row) => row.interventionName },
      { header: text.columnRecognised, value: (row) => row.isRecognised },
      { header: text.columnArea, value: (row) => row.municipalityName ?? text.wholeCoalition.replace('{code}', row.coalitionCode) },
      { header: text.columnService, value: (row) => row.serviceName },
      { header: text.columnFunding, value: (row) => nl.interventionFundingRoutes[row.fundingRoute] },
      { header: text.columnCapacity, value: (row) => row.capacityPerYear },
    ],
    items,
  );
}
