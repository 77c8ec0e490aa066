// SPDX-License-Identifier: EUPL-1.2
// The services of a pathway's steps come from the service directory (issue 13 items 4 and 6). A draft
// saves the chosen service's id (with its name and contact at that moment, for old readers); whoever
// reads a pathway gets the directory's current name, provider and contact, whether it is active and
// how current it is ("niet recent gecontroleerd" when its six months have passed), and who receives a
// referral (the platform organisation; null for an external provider). Hand-typed services of old
// versions stay readable as they were typed. Publishing refuses an inactive or overdue service.
import { inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { nl } from '../../../contracts/i18n/nl.js';
import type { CarePathway, PathwayVersion, pathwayStepInputSchema } from '../../../contracts/pathways.js';
import { directoryServices } from '../services/schema.js';
import { withOrganisationNames, type ServiceRow } from '../services/store.js';
import { verificationStatus } from '../services/domain/verification.js';
import type { Pathway } from './domain/pathway.js';
import type { PathwayScopeRef } from './editor-store.js';

type StoredService = Pathway['steps'][number]['services'][number];
type StoredStep = Pathway['steps'][number];
type ShownService = CarePathway['steps'][number]['services'][number];
type ShownStep = CarePathway['steps'][number];

export interface DirectoryEntry {
  row: ServiceRow;
  organisationName: string;
}
export type Directory = ReadonlyMap<string, DirectoryEntry>;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The municipalities whose directory services a step of this pathway may name. */
export function serviceMunicipalitiesOf(scope: PathwayScopeRef): string[] {
  return scope.kind === 'municipality' ? [scope.code] : [...(scope.coalition?.municipalityCodes ?? [])];
}

/** The directory entries (with the keeping organisation's name) of these service ids. */
export async function loadDirectory(db: Executor, steps: readonly { services: readonly { serviceId?: string | undefined }[] }[]): Promise<Directory> {
  const ids = [...new Set(steps.flatMap((step) => step.services.flatMap((service) => (service.serviceId ? [service.serviceId] : []))))];
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(directoryServices).where(inArray(directoryServices.id, ids));
  return new Map((await withOrganisationNames(db, rows)).map((entry) => [entry.row.id, entry]));
}

function contactOf(row: ServiceRow): StoredService['contact'] {
  return {
    ...(row.phone ? { phone: row.phone } : {}),
    ...(row.email ? { email: row.email } : {}),
    ...(row.website ? { website: row.website } : {}),
  };
}

/** A service as readers see it: from the directory when it was chosen there, else as typed. */
export function showService(service: StoredService, directory: Directory, now: Date): ShownService {
  const entry = service.serviceId ? directory.get(service.serviceId) : undefined;
  if (!entry) return service;
  const { row, organisationName } = entry;
  const verification = verificationStatus(row.lastConfirmedAt, now);
  return {
    serviceId: row.id,
    name: row.name,
    organisationName: row.externalProviderName ?? organisationName,
    contact: contactOf(row),
    ...(service.conditions ? { conditions: service.conditions } : {}),
    directory: {
      isActive: row.isActive,
      verification,
      notRecentlyChecked: verification === 'overdue',
      referralOrganisationId: row.externalProviderName === null ? row.organisationId : null,
      externalProviderName: row.externalProviderName,
      openingHours: row.openingHours,
    },
  };
}

export function showSteps(steps: readonly StoredStep[], directory: Directory, now: Date): ShownStep[] {
  return steps.map((step) => ({ ...step, services: step.services.map((service) => showService(service, directory, now)) }));
}

/** Published pathways as readers see them: every service from the directory now. */
export async function showPathways(db: Executor, pathways: CarePathway[], now: Date): Promise<CarePathway[]> {
  const directory = await loadDirectory(db, pathways.flatMap((pathway) => pathway.steps as StoredStep[]));
  return pathways.map((pathway) => ({ ...pathway, steps: showSteps(pathway.steps as StoredStep[], directory, now) }));
}

/** Versions as the editor and the pathway page see them. */
export async function showVersions(db: Executor, versions: PathwayVersion[], now: Date): Promise<PathwayVersion[]> {
  const directory = await loadDirectory(db, versions.flatMap((version) => version.steps as StoredStep[]));
  return versions.map((version) => ({ ...version, steps: showSteps(version.steps as StoredStep[], directory, now) }));
}

/**
 * The steps a draft stores: each chosen service must be an active directory service working in one of
 * the pathway's municipalities (else pathway_service_unavailable, naming it); stored with its id and
 * its name and contact at this moment.
 */
export async function chooseServices(
  tx: Executor,
  scope: PathwayScopeRef,
  steps: readonly z.output<typeof pathwayStepInputSchema>[],
): Promise<StoredStep[]> {
  const directory = await loadDirectory(tx, steps);
  const area = new Set(serviceMunicipalitiesOf(scope));
  const errors: { path: string; message: string }[] = [];
  const stored = steps.map((step, stepIndex) => ({
    title: step.title,
    description: step.description,
    services: step.services.flatMap((service, serviceIndex): StoredService[] => {
      const entry = directory.get(service.serviceId);
      if (!entry || !entry.row.isActive || !entry.row.municipalityCodes.some((code) => area.has(code))) {
        errors.push({
          path: `body.steps.${stepIndex}.services.${serviceIndex}.serviceId`,
          message: fill(nl.pathwayServices.errorUnavailable, { name: entry?.row.name ?? service.serviceId }),
        });
        return [];
      }
      const { row, organisationName } = entry;
      return [
        {
          serviceId: row.id,
          name: row.name,
          organisationName: row.externalProviderName ?? organisationName,
          contact: contactOf(row),
          ...(service.conditions ? { conditions: service.conditions } : {}),
        },
      ];
    }),
  }));
  if (errors.length > 0) throw new AppError('pathway_service_unavailable', { message: errors[0]!.message, errors });
  return stored;
}

/**
 * Why these steps may not be published now: a hand-typed service (pathway_service_not_in_directory),
 * or a service that is inactive, gone or not recently checked (pathway_service_not_current, naming it).
 */
export async function publishServiceProblem(db: Executor, steps: readonly StoredStep[], now: Date): Promise<AppError | null> {
  const directory = await loadDirectory(db, steps);
  for (const [stepIndex, step] of steps.entries()) {
    for (const [serviceIndex, service] of step.services.entries()) {
      const path = `steps.${stepIndex}.services.${serviceIndex}`;
      if (!service.serviceId) {
        return new AppError('pathway_service_not_in_directory', { errors: [{ path, message: nl.pathwayServices.errorHandTyped }] });
      }
      const entry = directory.get(service.serviceId);
      const name = entry?.row.name ?? service.name;
      const inactive = !entry || !entry.row.isActive;
      if (inactive || verificationStatus(entry.row.lastConfirmedAt, now) === 'overdue') {
        const message = fill(inactive ? nl.pathwayServices.errorInactive : nl.pathwayServices.errorOverdue, { name });
        return new AppError('pathway_service_not_current', { message, errors: [{ path, message }] });
      }
    }
  }
  return null;
}
