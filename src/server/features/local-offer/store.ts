// SPDX-License-Identifier: EUPL-1.2
// What the local-offer use-cases share: the rows as the API shows them (with the menu's name and
// recognition, the service's verification status and what the actor may do), and the checks an
// offer must pass before anything is written.
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { nl } from '../../../contracts/i18n/nl.js';
import type { LocalOffer, LocalOfferCreate } from '../../../contracts/local-offer.js';
import { amsterdamDate } from '../../../contracts/calendar.js';
import type { Executor } from '../../platform/db/connection.js';
import { allowedActions, type Actor } from '../../platform/access/policy.js';
import { AppError } from '../../platform/errors.js';
import { coalitionTarget, type CoalitionRef } from '../coalitions/coalition-target.js';
import { coalitionMunicipalities, coalitions } from '../coalitions/schema.js';
import { INTERVENTION_MENU } from '../interventions/menu/load-menu.js';
import { organisations } from '../organisations/schema.js';
import { municipalities } from '../reference/schema.js';
import { directoryServices } from '../services/schema.js';
import { verificationStatus } from '../services/domain/verification.js';
import { localOffers } from './schema.js';

const text = nl.localOffer;
const menuEntry = (key: string) => INTERVENTION_MENU.interventions.find((entry) => entry.key === key);

const offerColumns = {
  offer: localOffers,
  coalitionCode: coalitions.code,
  coalitionName: coalitions.name,
  coalitionKind: coalitions.kind,
  municipalityName: municipalities.name,
  serviceName: directoryServices.name,
  serviceExternalProvider: directoryServices.externalProviderName,
  serviceOrganisation: organisations.name,
  serviceIsActive: directoryServices.isActive,
  serviceConfirmedAt: directoryServices.lastConfirmedAt,
};
/** Offers matching `where`, ordered by name within coalition and area (whole coalition first). */
export function findOffers(tx: Executor, where: SQL | undefined) {
  return tx
    .select(offerColumns)
    .from(localOffers)
    .innerJoin(coalitions, eq(coalitions.id, localOffers.coalitionId))
    .innerJoin(directoryServices, eq(directoryServices.id, localOffers.serviceId))
    .innerJoin(organisations, eq(organisations.id, directoryServices.organisationId))
    .leftJoin(municipalities, eq(municipalities.code, localOffers.municipalityCode))
    .where(where)
    .orderBy(
      asc(coalitions.code),
      sql`${localOffers.municipalityCode} NULLS FIRST`,
      sql`lower(coalesce(${localOffers.activityName}, ${localOffers.interventionKey}))`,
      asc(localOffers.id),
    );
}
export type OfferRow = Awaited<ReturnType<typeof findOffers>>[number];

/** The current member municipalities of these coalitions (for the policy target of each offer). */
export async function membersOf(tx: Executor, coalitionIds: readonly string[]): Promise<Map<string, string[]>> {
  const members = new Map<string, string[]>(coalitionIds.map((id) => [id, []]));
  if (coalitionIds.length === 0) return members;
  const rows = await tx
    .select({ coalitionId: coalitionMunicipalities.coalitionId, code: coalitionMunicipalities.municipalityCode })
    .from(coalitionMunicipalities)
    .where(and(inArray(coalitionMunicipalities.coalitionId, [...coalitionIds]), isNull(coalitionMunicipalities.until)))
    .orderBy(asc(coalitionMunicipalities.municipalityCode));
  for (const row of rows) members.get(row.coalitionId)!.push(row.code);
  return members;
}

export function toLocalOffer(row: OfferRow, actor: Actor, now: Date, members: readonly string[]): LocalOffer {
  const { offer } = row;
  const entry = offer.interventionKey ? menuEntry(offer.interventionKey) : undefined;
  const today = amsterdamDate(now);
  const target = coalitionTarget({ id: offer.coalitionId, municipalityCodes: [...members] });
  return {
    id: offer.id,
    coalition: { code: row.coalitionCode, name: row.coalitionName, kind: row.coalitionKind },
    municipalityCode: offer.municipalityCode,
    municipalityName: row.municipalityName,
    intervention: entry ? { key: entry.key, name: entry.name, recognition: entry.recognition.level } : null,
    activityName: offer.activityName,
    // An intervention taken off a later menu keeps its key as its name rather than vanishing.
    name: entry?.name ?? offer.activityName ?? offer.interventionKey ?? '',
    service: {
      id: offer.serviceId,
      name: row.serviceName,
      providerName: row.serviceExternalProvider ?? row.serviceOrganisation,
      isActive: row.serviceIsActive,
      verification: verificationStatus(row.serviceConfirmedAt, now),
    },
    capacityPerYear: offer.capacityPerYear,
    waitingWeeks: offer.waitingWeeks,
    fundingRoute: offer.fundingRoute,
    since: offer.since,
    until: offer.until,
    isCurrent: offer.since <= today && (offer.until === null || offer.until >= today),
    note: offer.note,
    version: offer.version,
    updatedAt: offer.updatedAt.toISOString(),
    allowedActions: allowedActions(actor, {
      update: [{ resource: 'coalition', action: 'update', target }],
      delete: [{ resource: 'coalition', action: 'update', target }],
    }),
  };
}

/** Field errors in the Dutch of the catalogue; nothing is written when any check fails. */
function invalid(path: string, message: string): never {
  throw new AppError('validation_failed', { errors: [{ path: `body.${path}`, message }] });
}

type OfferInput = Omit<LocalOfferCreate, 'idempotencyKey'>;

/**
 * The checks against the register: the intervention is on the menu, the municipality is a current
 * member, and the service is active and works there (in that municipality, or somewhere in the
 * coalition for an offer of the whole coalition).
 */
export async function checkOffer(tx: Executor, coalition: CoalitionRef, input: OfferInput): Promise<void> {
  if (input.interventionKey && !menuEntry(input.interventionKey)) invalid('interventionKey', text.errorUnknownIntervention);
  if (input.municipalityCode && !coalition.municipalityCodes.includes(input.municipalityCode)) invalid('municipalityCode', text.errorNotMember);
  const [service] = await tx
    .select({ isActive: directoryServices.isActive, municipalityCodes: directoryServices.municipalityCodes })
    .from(directoryServices)
    .where(eq(directoryServices.id, input.serviceId));
  if (!service || !service.isActive) invalid('serviceId', text.errorUnknownService);
  const area = input.municipalityCode ? [input.municipalityCode] : coalition.municipalityCodes;
  if (!service.municipalityCodes.some((code) => area.includes(code))) invalid('serviceId', text.errorServiceElsewhere);
}

/** The columns an offer's input sets. */
export function offerValues(input: OfferInput) {
  return {
    interventionKey: input.interventionKey ?? null,
    activityName: input.activityName ?? null,
    serviceId: input.serviceId,
    municipalityCode: input.municipalityCode ?? null,
    capacityPerYear: input.capacityPerYear ?? null,
    waitingWeeks: input.waitingWeeks ?? null,
    fundingRoute: input.fundingRoute,
    since: input.since,
    until: input.until ?? null,
    note: input.note ?? null,
  };
}
