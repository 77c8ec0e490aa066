// SPDX-License-Identifier: EUPL-1.2
// The coverage overview's third table (issue 13 item 7c): per municipality in scope the number of
// distinct recognised menu interventions offered now (its own offer and its coalitions' whole-coalition
// offer), next to the average over every municipality of the country in the same size band by
// population (CBS key figures, municipalities.population). As CSV with the same rows.
import { asc } from 'drizzle-orm';
import type { RecognisedComparison, SizeBand } from '../../../contracts/offer-coverage.js';
import { RECOGNISED_LEVELS } from '../../../contracts/intervention-menu.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { Executor } from '../../platform/db/connection.js';
import type { RequestContext } from '../../platform/http/request-context.js';
import { toCsv } from '../../platform/http/listing.js';
import { INTERVENTION_MENU } from '../interventions/menu/load-menu.js';
import { municipalities } from '../reference/schema.js';
import { onCoverageScope, scopeOf, type CoverageScope } from './coverage-scope.js';
import { runningMenuOffers } from './offer-rows.js';

export function sizeBandOf(population: number): SizeBand {
  if (population < 20_000) return 'lt20k';
  if (population < 50_000) return '20k-50k';
  if (population < 100_000) return '50k-100k';
  return 'gte100k';
}

async function build(tx: Executor, scope: CoverageScope, now: Date): Promise<RecognisedComparison> {
  const everyone = await tx.select({ code: municipalities.code, population: municipalities.population }).from(municipalities).orderBy(asc(municipalities.code));
  const recognised = new Set(INTERVENTION_MENU.interventions.filter((entry) => RECOGNISED_LEVELS.includes(entry.recognition.level)).map((entry) => entry.key));
  // Counted nationally, so the band average does not depend on the scope asked for.
  const offers = await runningMenuOffers(tx, everyone.map((municipality) => municipality.code), now.toISOString().slice(0, 10));
  const offered = new Map<string, Set<string>>();
  for (const offer of offers) {
    if (!recognised.has(offer.interventionKey)) continue;
    for (const code of offer.reaches) {
      const keys = offered.get(code) ?? new Set<string>();
      keys.add(offer.interventionKey);
      offered.set(code, keys);
    }
  }
  const bands = new Map<SizeBand, { total: number; count: number }>();
  for (const municipality of everyone) {
    const band = bands.get(sizeBandOf(municipality.population)) ?? { total: 0, count: 0 };
    band.total += offered.get(municipality.code)?.size ?? 0;
    band.count += 1;
    bands.set(sizeBandOf(municipality.population), band);
  }
  return {
    scope: scopeOf(scope),
    items: scope.municipalities.map((municipality) => {
      const band = bands.get(sizeBandOf(municipality.population))!;
      return {
        municipalityCode: municipality.code,
        municipalityName: municipality.name,
        population: municipality.population,
        sizeBand: sizeBandOf(municipality.population),
        recognisedCount: offered.get(municipality.code)?.size ?? 0,
        bandAverage: Math.round((band.total / band.count) * 100) / 100,
        bandMunicipalities: band.count,
      };
    }),
  };
}

export async function compareRecognised(ctx: RequestContext, coalitionCode: string | undefined): Promise<RecognisedComparison> {
  return onCoverageScope(ctx, coalitionCode, 'read', 'comparison', (tx, scope) => build(tx, scope, ctx.now()));
}

const text = nl.offerCoverage;

export async function exportRecognisedComparison(ctx: RequestContext, coalitionCode: string | undefined): Promise<string> {
  const { items } = await onCoverageScope(ctx, coalitionCode, 'export', 'comparison', (tx, scope) => build(tx, scope, ctx.now()));
  return toCsv<RecognisedComparison['items'][number]>(
    [
      { header: text.columnMunicipality, value: (row) => row.municipalityName },
      { header: text.columnCode, value: (row) => row.municipalityCode },
      { header: text.columnPopulation, value: (row) => row.population },
      { header: text.columnBand, value: (row) => text[`band_${row.sizeBand}`] },
      { header: text.columnCount, value: (row) => row.recognisedCount },
      { header: text.columnBandAverage, value: (row) => row.bandAverage.toFixed(2).replace('.', ',') },
      { header: text.columnBandSize, value: (row) => row.bandMunicipalities },
    ],
    items,
  );
}
