// SPDX-License-Identifier: EUPL-1.2
// The demo local offer of the Drechtsteden coalition (issue 13 item 3): the prenatal home visit of
// youth health care and Stevig Ouderschap (both from the menu) and the social team's walk-in on money
// matters in Dordrecht (a local activity outside the menu). Figures are illustrative.
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../platform/db/connection.js';
import { coalitions } from '../features/coalitions/schema.js';
import { localOffers } from '../features/local-offer/schema.js';
import { directoryServices } from '../features/services/schema.js';
import type { FundingRoute } from '../../contracts/intervention-menu.js';

const OFFERS: {
  serviceName: string;
  interventionKey?: string;
  activityName?: string;
  municipalityCode?: string;
  capacityPerYear?: number;
  waitingWeeks?: number;
  fundingRoute: FundingRoute;
  since: string;
}[] = [
  { serviceName: 'Prenataal huisbezoek', interventionKey: 'prenataal-huisbezoek-jgz', capacityPerYear: 250, waitingWeeks: 2, fundingRoute: 'wpg_jgz', since: '2021-01-01' },
  { serviceName: 'Jeugdgezondheidszorg 0–4 jaar (consultatiebureau)', interventionKey: 'stevig-ouderschap', capacityPerYear: 120, waitingWeeks: 3, fundingRoute: 'wpg_jgz', since: '2020-01-01' },
  { serviceName: 'Spreekuur Geldzaken sociaal wijkteam', activityName: 'Inloopspreekuur geldzaken voor (aanstaande) ouders', municipalityCode: 'GM0505', fundingRoute: 'municipal_subsidy', since: '2023-09-01' },
];

export async function seedDemoLocalOffer(tx: Executor, coalitionCode: string, now: Date): Promise<void> {
  const [coalition] = await tx.select({ id: coalitions.id }).from(coalitions).where(eq(coalitions.code, coalitionCode));
  if (!coalition) return;
  const services = await tx
    .select({ id: directoryServices.id, name: directoryServices.name })
    .from(directoryServices)
    .where(inArray(directoryServices.name, OFFERS.map((offer) => offer.serviceName)));
  const serviceId = (name: string) => {
    const found = services.find((service) => service.name === name);
    if (!found) throw new Error(`demo local offer: no demo service "${name}"`);
    return found.id;
  };
  await tx.insert(localOffers).values(
    OFFERS.map((offer) => ({
      coalitionId: coalition.id,
      municipalityCode: offer.municipalityCode ?? null,
      interventionKey: offer.interventionKey ?? null,
      activityName: offer.activityName ?? null,
      serviceId: serviceId(offer.serviceName),
      capacityPerYear: offer.capacityPerYear ?? null,
      waitingWeeks: offer.waitingWeeks ?? null,
      fundingRoute: offer.fundingRoute,
      since: offer.since,
      createdAt: now,
      updatedAt: now,
    })),
  );
}
