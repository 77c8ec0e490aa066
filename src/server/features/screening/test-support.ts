// SPDX-License-Identifier: EUPL-1.2
// Shared by the screening and pathway tests: answers in the shipped instrument's codes, and the
// official FHIR R4 structure validator from the `fhir` package (offline, bundled R4 profiles).
import fhirPackage from 'fhir';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/connection.js';
import type { Coding } from '../../../contracts/screening/questionnaire-schema.js';
import { questionnaires, screenings } from './schema.js';
import { KANSRIJK_SIGNALERING_V1 } from './instruments/shipped-instruments.js';

export const ANSWER_SYSTEM = 'https://kansrijk.nl/fhir/CodeSystem/signalering-antwoord';
export const code = (value: string): Coding => ({ system: ANSWER_SYSTEM, code: value });

const fhir = new fhirPackage.Fhir();
export function fhirR4Errors(resource: object): string[] {
  const result = fhir.validate(resource);
  return result.messages?.filter((message) => message.severity === 'error').map((message) => `${message.location}: ${message.message}`) ?? [];
}
export function fhirR4Warnings(resource: object): string[] {
  const result = fhir.validate(resource);
  return result.messages?.filter((message) => message.severity !== 'error').map((message) => `${message.location}: ${message.message}`) ?? [];
}

/** A pregnant client with debts and stress and a supportive partner; everything else neutral. */
export const PREGNANT_WITH_DEBTS_AND_STRESS = {
  'situatie.fase': [code('pregnant')],
  'situatie.weken': [14],
  'situatie.uitgerekend': ['2025-09-20'],
  'leefstijl.roken': [false],
  'leefstijl.meeroken': [false],
  'leefstijl.alcohol': [code('never')],
  'leefstijl.drugs': [false],
  'leefstijl.foliumzuur': [code('before')],
  'leefstijl.gewicht': [code('healthy')],
  'leefstijl.bewegen': [code('2-4')],
  'leefstijl.stress': [code('much')],
  'ouder.chronisch': [false],
  'ouder.psychisch': [code('no')],
  'ouder.verslaving': [false],
  'ouder.lezen': [false],
  'ouder.lvb': [false],
  'ouder.eigen-jeugd': [false],
  'ouder.opvoeden': [code('mixed')],
  'omgeving.geld': [code('debts')],
  'omgeving.wonen': [code('stable')],
  'omgeving.partner': [code('together')],
  'omgeving.partner-steun': [code('yes')],
  'omgeving.relatie': [false],
  'omgeving.veilig': [true],
  'omgeving.geweld': [false],
  'omgeving.netwerk': [code('few')],
  'omgeving.migratie': [code('no')],
  'omgeving.buurt': [code('ok')],
  'professional.zorg': [code('some')],
  'professional.toelichting': ['Schulden geven veel spanning; partner is betrokken.'],
};

/**
 * A draft screening of a family with the shipped instrument, written straight into the database
 * (for tests that need one to exist, such as the route matrix). Returns its id and the instrument's.
 */
export async function insertTestScreening(
  db: Executor,
  input: { familyId: string; organisationId: string; authorId: string },
): Promise<{ screeningId: string; questionnaireId: string }> {
  const [instrument] = await db
    .select({ id: questionnaires.id })
    .from(questionnaires)
    .where(and(eq(questionnaires.url, KANSRIJK_SIGNALERING_V1.url), eq(questionnaires.version, KANSRIJK_SIGNALERING_V1.version)));
  const [screening] = await db
    .insert(screenings)
    .values({ ...input, questionnaireId: instrument!.id, status: 'in-progress', answers: {} })
    .returning({ id: screenings.id });
  return { screeningId: screening!.id, questionnaireId: instrument!.id };
}
