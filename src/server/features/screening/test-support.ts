// SPDX-License-Identifier: EUPL-1.2
// Shared by the screening and pathway tests: answers in the shipped instrument's codes, and the
// official FHIR R4 structure validator from the `fhir` package (offline, bundled R4 profiles).
import fhirPackage from 'fhir';
import type { Coding } from './questionnaire-schema.js';

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
