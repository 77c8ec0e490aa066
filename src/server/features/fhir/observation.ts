// SPDX-License-Identifier: EUPL-1.2
// Observation: the birth outcomes in a family's file (from the outcomes feature's listOutcomes, an
// audited read with the family as client): gestational age and birth weight as measured, and the
// derived preterm, small-for-gestational-age and Big2 flags. LOINC for the two measurements (76516-4,
// 8339-4); the derived flags in our own CodeSystem (no SNOMED code was verified for them).
import { sql } from 'drizzle-orm';
import type { BirthOutcome } from '../../../contracts/care.js';
import { queryRows } from '../../platform/db/connection.js';
import { AppError } from '../../platform/errors.js';
import { listOutcomes } from '../outcomes/list-outcomes.js';
import { invalidParameter, pageOf } from './bundle.js';
import { SYSTEMS, instant, isUuid, reference, type Coding, type FhirResource } from './fhir-types.js';
import { locatePatient } from './family-index.js';
import { parseReference, parseToken } from './search-parameters.js';
import type { FhirContext, ResourceHandler } from './resource-handler.js';

const KINDS = ['zwangerschapsduur', 'geboortegewicht', 'prematuur', 'sga', 'big2'] as const;
type Kind = (typeof KINDS)[number];

const own = (code: string, display: string): Coding => ({ system: SYSTEMS.birthOutcome, code, display });

const CODE: Record<Kind, Coding[]> = {
  zwangerschapsduur: [{ system: SYSTEMS.loinc, code: '76516-4', display: 'Gestational age--at birth' }, own('zwangerschapsduur', 'Zwangerschapsduur bij de geboorte')],
  geboortegewicht: [{ system: SYSTEMS.loinc, code: '8339-4', display: 'Birth weight Measured' }, own('geboortegewicht', 'Geboortegewicht')],
  prematuur: [own('prematuur', 'Vroeggeboorte (< 37 weken)')],
  sga: [own('sga', 'Klein voor de zwangerschapsduur (< p10)')],
  big2: [own('big2', 'Big2: vroeggeboorte en/of klein voor de zwangerschapsduur')],
};

const TEXT: Record<Kind, string> = {
  zwangerschapsduur: 'Zwangerschapsduur bij de geboorte',
  geboortegewicht: 'Geboortegewicht',
  prematuur: 'Vroeggeboorte',
  sga: 'Klein voor de zwangerschapsduur (SGA)',
  big2: 'Big2',
};

const ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})-([a-z0-9]+)$/i;

export function birthObservations(birth: BirthOutcome): FhirResource[] {
  const subject = birth.childId ? reference('Patient', birth.childId) : reference('Patient', birth.familyId);
  const base = (kind: Kind): FhirResource => ({
    resourceType: 'Observation',
    id: `${birth.id}-${kind}`,
    meta: { versionId: '1', lastUpdated: instant(birth.createdAt) },
    status: 'final',
    ...(kind === 'zwangerschapsduur' || kind === 'geboortegewicht'
      ? { category: [{ coding: [{ system: SYSTEMS.observationCategory, code: 'exam', display: 'Exam' }] }] }
      : {}),
    code: { coding: CODE[kind], text: TEXT[kind] },
    subject,
    effectiveDateTime: birth.birthDate,
    issued: instant(birth.createdAt),
    performer: [{ display: birth.organisationName }],
  });
  const measured = [`Observation/${birth.id}-zwangerschapsduur`, `Observation/${birth.id}-geboortegewicht`].map((ref) => ({ reference: ref }));
  const flag = (kind: Kind, value: boolean | null, method?: string): FhirResource => ({
    ...base(kind),
    ...(value === null
      ? { dataAbsentReason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'not-applicable', display: 'Not Applicable' }], text: 'Niet gedefinieerd vóór 24+0 weken' } }
      : { valueBoolean: value }),
    ...(method ? { method: { text: method } } : {}),
    derivedFrom: measured,
  });
  return [
    {
      ...base('zwangerschapsduur'),
      valueQuantity: { value: birth.gestationalAgeDays, unit: 'dagen', system: SYSTEMS.ucum, code: 'd' },
      note: [{ text: `${birth.gestationalAge} weken` }],
    },
    { ...base('geboortegewicht'), valueQuantity: { value: birth.birthWeightGrams, unit: 'g', system: SYSTEMS.ucum, code: 'g' } },
    flag('prematuur', birth.preterm),
    flag('sga', birth.smallForGestationalAge, `Referentie: ${birth.referenceName}${birth.p10Grams !== null ? ` (p10 = ${birth.p10Grams} g)` : ''}`),
    flag('big2', birth.big2),
  ];
}

async function observationsOfFamily(ctx: FhirContext, familyId: string): Promise<FhirResource[]> {
  const outcomes = await listOutcomes(ctx, familyId);
  return outcomes.births.flatMap(birthObservations);
}

export const observationHandler: ResourceHandler = {
  type: 'Observation',
  policyResource: 'family',
  documentation:
    'Uitkomsten van de geboorte: zwangerschapsduur (LOINC 76516-4, in dagen), geboortegewicht (LOINC 8339-4), ' +
    `en daarvan afgeleid vroeggeboorte, SGA en Big2 (${SYSTEMS.birthOutcome}; waarde ja/nee).`,
  read: async (ctx, id) => {
    const match = ID.exec(id);
    if (!match || !(KINDS as readonly string[]).includes(match[2]!)) throw new AppError('not_found');
    const [row] = await queryRows<{ family_id: string }>(ctx.db, sql`SELECT family_id::text FROM birth_outcomes WHERE id = ${match[1]!.toLowerCase()}::uuid`);
    if (!row) throw new AppError('not_found');
    const found = (await observationsOfFamily(ctx, row.family_id)).find((observation) => observation.id === id.toLowerCase());
    if (!found) throw new AppError('not_found');
    return found;
  },
  search: {
    parameters: [
      { name: 'patient', type: 'reference', documentation: 'De cliënt of het kind: Patient/{id} (verplicht); alleen de observaties over die Patient (die van een kind onder het id van het kind).' },
      { name: 'code', type: 'token', documentation: `Bijvoorbeeld ${SYSTEMS.loinc}|8339-4 of ${SYSTEMS.birthOutcome}|big2.` },
    ],
    run: async (ctx, parameters, window) => {
      if (!parameters.patient) throw invalidParameter('patient', "Zoek uitkomsten per cliënt of kind: geef de zoekparameter 'patient'.");
      const id = parseReference('patient', parameters.patient, 'Patient');
      const location = isUuid(id) ? await locatePatient(ctx.db, id.toLowerCase()) : null;
      if (!location) return { items: [], total: 0 };
      const code = parameters.code ? parseToken(parameters.code) : null;
      const observations = (await observationsOfFamily(ctx, location.familyId)).filter((observation) => {
        // Only the observations about this Patient: the mother's search never returns her child's.
        if ((observation.subject as { reference?: string }).reference !== `Patient/${location.childId ?? location.familyId}`) return false;
        if (!code) return true;
        return ((observation.code as { coding: Coding[] }).coding ?? []).some((coding) => coding.code === code.code && (code.system === null || coding.system === code.system));
      });
      return pageOf(observations, window);
    },
  },
};
