// SPDX-License-Identifier: EUPL-1.2
// A coalition's local offer (whole coalition and per member municipality): every logged-in person
// reads it (the policy's 'coalition' read); as CSV too.
import { eq } from 'drizzle-orm';
import type { CoalitionLocalOffer, LocalOffer } from '../../../contracts/local-offer.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { allowedActions } from '../../platform/access/policy.js';
import { toCsv } from '../../platform/http/listing.js';
import { locateCoalition, type LocatedCoalition, type UseCaseContext } from '../coalition-partners/store.js';
import { localOffers } from './schema.js';
import { findOffers, toLocalOffer } from './store.js';

export async function listCoalitionOffer(ctx: UseCaseContext, code: string): Promise<CoalitionLocalOffer> {
  const located: { found?: LocatedCoalition } = {};
  return ctx.store.act({
    resource: 'coalition',
    action: 'read',
    objectId: code,
    objectType: 'local_offer',
    locate: (tx) => locateCoalition(tx, code, located),
    perform: async (tx, target) => {
      const { ref } = located.found!;
      const rows = await findOffers(tx, eq(localOffers.coalitionId, ref.id));
      return {
        coalition: { code: ref.code, name: ref.name, kind: ref.kind, municipalityCodes: ref.municipalityCodes },
        items: rows.map((row) => toLocalOffer(row, ctx.store.actor, ctx.now(), ref.municipalityCodes)),
        allowedActions: allowedActions(ctx.store.actor, { create: [{ resource: 'coalition', action: 'update', target }] }),
      };
    },
    details: (result) => ({ resultCount: result.items.length }),
  });
}

const text = nl.localOffer;

/** The offer as a CSV file (the columns of the page). */
export function offerCsv(items: readonly LocalOffer[]): string {
  return toCsv<LocalOffer>(
    [
      { header: text.columnName, value: (row) => row.name },
      { header: text.columnKind, value: (row) => (row.intervention ? text.kindMenu : text.kindLocal) },
      { header: text.columnArea, value: (row) => row.municipalityName ?? text.wholeCoalition },
      { header: text.columnService, value: (row) => `${row.service.name} (${row.service.providerName})` },
      { header: text.columnCapacity, value: (row) => row.capacityPerYear },
      { header: text.columnWaiting, value: (row) => row.waitingWeeks },
      { header: text.columnFunding, value: (row) => nl.interventionFundingRoutes[row.fundingRoute] },
      { header: text.columnSince, value: (row) => row.since },
      { header: text.columnUntil, value: (row) => row.until },
    ],
    items,
  );
}
