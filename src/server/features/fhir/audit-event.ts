// SPDX-License-Identifier: EUPL-1.2
// AuditEvent: a family's access log ("wie keek mee") from the families feature's listAccessLog —
// reading it is itself an audited read of the file. Search only, per client.
import { createHash } from 'node:crypto';
import type { AccessLogEntry } from '../../../contracts/families.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { AppError } from '../../platform/errors.js';
import { listAccessLogSnapshot } from '../families/access-log.js';
import { invalidParameter } from './bundle.js';
import { EXTENSIONS, SYSTEMS, isUuid, reference, type FhirResource } from './fhir-types.js';
import { parseReference } from './search-parameters.js';
import { locatePatient } from './family-index.js';
import type { ResourceHandler } from './resource-handler.js';

/** Our audit actions → http://hl7.org/fhir/audit-event-action (C/R/U/D/E). */
const ACTION_CODE: Record<string, 'C' | 'R' | 'U' | 'D' | 'E'> = {
  create: 'C',
  read: 'R',
  search: 'E',
  update: 'U',
  delete: 'D',
  export: 'E',
  emergency_access: 'E',
  access_denied: 'E',
};

function actionLabel(action: string): string {
  const labels = nl.accessLog as unknown as Record<string, string>;
  return labels[`action_${action}`] ?? action;
}

/**
 * The access log entries carry no id of their own; a stable one is derived from the family and the
 * entry (the same entry always gets the same id).
 */
function entryId(familyId: string, entry: AccessLogEntry): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([familyId, entry.at, entry.personName, entry.organisationName, entry.action, entry.objectType, entry.outcome]))
    .digest('hex');
  return `${digest.slice(0, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}-${digest.slice(16, 20)}-${digest.slice(20, 32)}`;
}

export function toFhirAuditEvent(familyId: string, entry: AccessLogEntry): FhirResource {
  const who = [entry.personName, entry.organisationName].filter(Boolean).join(', ') || 'Kansrijk';
  return {
    resourceType: 'AuditEvent',
    id: entryId(familyId, entry),
    // An audit entry never changes.
    meta: { versionId: '1', lastUpdated: entry.at },
    ...(entry.emergency ? { extension: [{ url: EXTENSIONS.emergencyAccess, valueBoolean: true }] } : {}),
    type: { system: SYSTEMS.auditEventType, code: '110110', display: 'Patient Record' },
    subtype: [{ system: SYSTEMS.auditAction, code: entry.action, display: actionLabel(entry.action) }],
    action: ACTION_CODE[entry.action] ?? 'E',
    recorded: entry.at,
    outcome: entry.outcome === 'success' ? '0' : '4',
    ...(entry.outcome === 'success' ? {} : { outcomeDesc: entry.outcome === 'denied' ? 'Geweigerd' : entry.outcome }),
    agent: [
      {
        ...(entry.role ? { role: [{ text: entry.role }] } : {}),
        who: { display: who },
        requestor: true,
        ...(entry.sourceIp ? { network: { address: entry.sourceIp, type: '2' } } : {}),
      },
    ],
    source: { observer: { display: 'Kansrijk' } },
    entity: [{ what: reference('Patient', familyId), ...(entry.objectType ? { description: entry.objectType } : {}) }],
  };
}

function snapshotOf(value: string): number {
  if (!/^\d{1,15}$/.test(value)) throw invalidParameter('snapshot', "Gebruik bij 'snapshot' de waarde uit de link naar de volgende pagina.");
  return Number(value);
}

export const auditEventHandler: ResourceHandler = {
  type: 'AuditEvent',
  policyResource: 'family',
  documentation:
    'Het inzageoverzicht ("wie keek mee") van een cliënt: elke keer dat iemand het dossier opende, zocht of wijzigde. ' +
    'Alleen te zoeken per cliënt (patient); het opvragen wordt zelf ook vastgelegd.',
  search: {
    parameters: [
      { name: 'patient', type: 'reference', documentation: 'De cliënt: Patient/{id} (verplicht).' },
      {
        name: 'snapshot',
        type: 'number',
        documentation:
          'Het inzageoverzicht zoals het was bij de eerste pagina. Elke opvraging voegt zelf een regel toe; de links naar de volgende ' +
          'pagina’s noemen daarom deze stand, zodat de pagina’s niet verschuiven. Niet zelf invullen.',
        custom: {},
      },
    ],
    run: async (ctx, parameters, window) => {
      if (!parameters.patient) throw invalidParameter('patient', "Vraag het inzageoverzicht per cliënt op: geef de zoekparameter 'patient'.");
      const id = parseReference('patient', parameters.patient, 'Patient');
      const location = isUuid(id) ? await locatePatient(ctx.db, id.toLowerCase()) : null;
      if (!location) throw new AppError('not_found');
      const snapshot = parameters.snapshot === undefined ? null : snapshotOf(parameters.snapshot);
      const page = await listAccessLogSnapshot(ctx, location.familyId, { page: window.page, pageSize: window.pageSize }, snapshot);
      return {
        items: page.items.map((entry) => toFhirAuditEvent(location.familyId, entry)),
        total: page.total,
        linkParameters: { snapshot: String(page.snapshot) },
      };
    },
  },
};
