// SPDX-License-Identifier: EUPL-1.2
// Patient (the client — the expecting parent — and children after birth) and RelatedPerson (the
// partner), from the families feature's own use-cases: getFamily (audited read of the file, with the
// family as client) and listFamilies (audited search, only families the actor may see).
import { familyQuerySchema, type Family } from '../../../contracts/families.js';
import { AppError } from '../../platform/errors.js';
import { getFamily } from '../families/get-family.js';
import { listFamilies } from '../families/list-families.js';
import { invalidParameter, pageOf } from './bundle.js';
import { EXTENSIONS, SYSTEMS, instant, isUuid, reference, uuidOrNotFound, type FhirResource } from './fhir-types.js';
import { familyOfPartner, locatePatient } from './family-index.js';
import { DATE_SEPARATOR, parseDateRange, parseReference, parseToken } from './search-parameters.js';
import type { FhirContext, ResourceHandler } from './resource-handler.js';

type Member = Family['members'][number];

const GENDERS = new Set(['female', 'male', 'other', 'unknown']);

function humanName(member: Member) {
  return [{ use: 'official', text: `${member.givenName} ${member.familyName}`, family: member.familyName, given: [member.givenName] }];
}

function clientOf(family: Family): Member {
  const client = family.members.find((member) => member.role === 'client');
  if (!client) throw new AppError('not_found');
  return client;
}

function contactOf(family: Family) {
  const telecom = [
    ...(family.contact.phone ? [{ system: 'phone', value: family.contact.phone, ...(family.contact.channel === 'phone' ? { rank: 1 } : {}) }] : []),
    ...(family.contact.email ? [{ system: 'email', value: family.contact.email, ...(family.contact.channel === 'email' ? { rank: 1 } : {}) }] : []),
  ];
  return telecom.length > 0 ? { telecom } : {};
}

/** The client as Patient: id = the family id (the file is hers), BSN as identifier. */
export function toFhirPatient(family: Family, member: Member = clientOf(family)): FhirResource {
  const isClient = member.role === 'client';
  return {
    resourceType: 'Patient',
    id: isClient ? family.id : member.id,
    meta: { versionId: String(family.version), lastUpdated: instant(family.updatedAt) },
    ...(isClient ? { extension: [{ url: EXTENSIONS.doNotContact, valueBoolean: family.contact.doNotContact }] } : {}),
    ...(member.bsn ? { identifier: [{ use: 'official', system: SYSTEMS.bsn, value: member.bsn }] } : {}),
    active: family.mergedIntoId === null,
    name: humanName(member),
    ...(isClient ? contactOf(family) : {}),
    ...(member.sex && GENDERS.has(member.sex) ? { gender: member.sex } : {}),
    ...(member.birthDate ? { birthDate: member.birthDate } : {}),
    address: [
      {
        extension: [{ url: EXTENSIONS.municipality, valueCode: family.municipalityCode }],
        use: 'home',
        ...(family.postcode ? { postalCode: family.postcode } : {}),
        district: family.municipalityName,
        country: 'NL',
      },
    ],
    ...(isClient && family.contact.language
      ? { communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: family.contact.language }] }, preferred: true }] }
      : {}),
    managingOrganization: reference('Organization', family.registeredBy.id, family.registeredBy.name),
    ...(family.mergedIntoId ? { link: [{ other: reference('Patient', family.mergedIntoId), type: 'replaced-by' }] } : {}),
  };
}

/** The children of the file, each their own Patient. */
export function childPatients(family: Family): FhirResource[] {
  return family.members.filter((member) => member.role === 'child').map((member) => toFhirPatient(family, member));
}

export function toFhirRelatedPerson(family: Family, member: Member): FhirResource {
  return {
    resourceType: 'RelatedPerson',
    id: member.id,
    meta: { versionId: String(family.version), lastUpdated: instant(family.updatedAt) },
    active: family.mergedIntoId === null,
    patient: reference('Patient', family.id),
    relationship: [{ coding: [{ system: SYSTEMS.roleCode, code: 'SIGOTHR', display: 'significant other' }], text: 'Partner' }],
    name: humanName(member),
    ...(member.sex && GENDERS.has(member.sex) ? { gender: member.sex } : {}),
    ...(member.birthDate ? { birthDate: member.birthDate } : {}),
  };
}

/** Open the file (audited read); a refusal for a search by id is an empty result, like a search. */
async function familyOrNothing(ctx: FhirContext, familyId: string): Promise<Family | null> {
  try {
    return await getFamily(ctx, familyId);
  } catch (error) {
    if (error instanceof AppError && (error.code === 'not_found' || error.code === 'forbidden')) return null;
    throw error;
  }
}

async function readPatient(ctx: FhirContext, id: string): Promise<FhirResource> {
  const location = await locatePatient(ctx.db, uuidOrNotFound(id));
  if (!location) throw new AppError('not_found');
  const family = await getFamily(ctx, location.familyId);
  if (!location.childId) return toFhirPatient(family);
  const child = family.members.find((member) => member.id === location.childId);
  if (!child) throw new AppError('not_found');
  return toFhirPatient(family, child);
}

function bsnOf(value: string): string {
  const { system, code } = parseToken(value);
  if (system !== null && system !== SYSTEMS.bsn) throw invalidParameter('identifier', `Zoek op identifier met het systeem ${SYSTEMS.bsn} (BSN).`);
  if (!/^\d{9}$/.test(code)) throw invalidParameter('identifier', 'Een BSN heeft negen cijfers.');
  return code;
}

export const patientHandler: ResourceHandler = {
  type: 'Patient',
  policyResource: 'family',
  documentation:
    'De cliënt (aanstaande ouder; id = het dossier van het gezin) en kinderen na de geboorte (id = het gezinslid). ' +
    'Alleen cliënten met wie uw organisatie een zorgrelatie heeft, of waarvoor u noodtoegang heeft. Elk getoond dossier wordt vastgelegd als inzage.',
  read: readPatient,
  search: {
    parameters: [
      { name: '_id', type: 'token', documentation: 'Het id van de Patient.' },
      { name: 'identifier', type: 'token', isSensitive: true, documentation: `BSN: ${SYSTEMS.bsn}|123456782 (of alleen de negen cijfers). Alleen met POST Patient/_search (in de body), nooit in een URL.` },
      { name: 'name', type: 'string', documentation: 'Begin van de voornaam of achternaam (of beide).' },
      { name: 'birthdate', type: 'date', documentation: 'Geboortedatum (jjjj-mm-dd), met eq (standaard), ge, le, gt of lt; twee keer voor een periode (birthdate=ge1990-01-01&birthdate=lt2000-01-01).' },
      { name: 'address-district', type: 'string', documentation: 'Gemeentecode van de woonplaats, bijvoorbeeld GM0505.', custom: { expression: 'Patient.address.extension(\'https://kansrijk.nl/fhir/StructureDefinition/gemeente\').value' } },
    ],
    run: async (ctx, parameters, window) => {
      if (parameters._id !== undefined) {
        if (Object.keys(parameters).length > 1) throw invalidParameter('_id', 'Zoek met _id zonder andere zoekparameters.');
        if (!isUuid(parameters._id)) return { items: [], total: 0 };
        const location = await locatePatient(ctx.db, parameters._id.toLowerCase());
        const family = location ? await familyOrNothing(ctx, location.familyId) : null;
        if (!location || !family) return { items: [], total: 0 };
        const patient = location.childId ? childPatients(family).find((child) => child.id === location.childId) : toFhirPatient(family);
        return patient ? { items: [patient], total: 1 } : { items: [], total: 0 };
      }
      const district = parameters['address-district'];
      if (district !== undefined && !/^GM\d{4}$/.test(district)) throw invalidParameter('address-district', 'Geef een gemeentecode, bijvoorbeeld GM0505.');
      const birthDates = parameters.birthdate ? parseDateRange('birthdate', parameters.birthdate.split(DATE_SEPARATOR)) : { from: null, to: null };
      if (birthDates.from && birthDates.to && birthDates.from > birthDates.to) return { items: [], total: 0 };
      // The REST contract's own checks first, as if the web app had asked.
      const query = familyQuerySchema.safeParse({
        page: window.page,
        pageSize: window.pageSize,
        ...(parameters.name ? { q: parameters.name } : {}),
        ...(birthDates.from ? { birthDateFrom: birthDates.from } : {}),
        ...(birthDates.to ? { birthDateTo: birthDates.to } : {}),
        ...(parameters.identifier ? { bsn: bsnOf(parameters.identifier) } : {}),
        ...(district ? { municipalityCode: district } : {}),
      });
      if (!query.success) {
        const issue = query.error.issues[0]!;
        const name = ({ q: 'name', birthDateFrom: 'birthdate', birthDateTo: 'birthdate', bsn: 'identifier', municipalityCode: 'address-district' } as Record<string, string>)[String(issue.path[0])] ?? String(issue.path[0]);
        throw invalidParameter(name, issue.message);
      }
      const found = await listFamilies(ctx, query.data);
      // Each file shown in full is opened like the web app opens it: an audited read per client.
      const items: FhirResource[] = [];
      for (const summary of found.items) {
        const family = await familyOrNothing(ctx, summary.id);
        if (family) items.push(toFhirPatient(family));
      }
      return { items, total: found.total };
    },
  },
};

export const relatedPersonHandler: ResourceHandler = {
  type: 'RelatedPerson',
  policyResource: 'family',
  documentation: 'De partner van de cliënt (patient = de cliënt). Zelfde toegang als het dossier van het gezin.',
  read: async (ctx, id) => {
    const familyId = await familyOfPartner(ctx.db, uuidOrNotFound(id));
    if (!familyId) throw new AppError('not_found');
    const family = await getFamily(ctx, familyId);
    const partner = family.members.find((member) => member.id === id.toLowerCase() && member.role === 'partner');
    if (!partner) throw new AppError('not_found');
    return toFhirRelatedPerson(family, partner);
  },
  search: {
    parameters: [{ name: 'patient', type: 'reference', documentation: 'De cliënt: Patient/{id} (verplicht).' }],
    run: async (ctx, parameters, window) => {
      if (!parameters.patient) throw invalidParameter('patient', "Zoek partners per cliënt: geef de zoekparameter 'patient'.");
      const id = parseReference('patient', parameters.patient, 'Patient');
      if (!isUuid(id)) return { items: [], total: 0 };
      const family = await familyOrNothing(ctx, id.toLowerCase());
      if (!family) return { items: [], total: 0 };
      const partners = family.members.filter((member) => member.role === 'partner').map((member) => toFhirRelatedPerson(family, member));
      return pageOf(partners, window);
    },
  },
};
