// SPDX-License-Identifier: EUPL-1.2
// The instrument Kansrijk ships with. Validated on load, so a bad edit to the JSON fails loudly at
// start-up instead of producing a form that silently misses questions.
import kansrijkSignaleringV1Json from './kansrijk-signalering-v1.json' with { type: 'json' };
import { validateQuestionnaire, type Questionnaire } from '../../../../contracts/screening/questionnaire-schema.js';

function loadShipped(json: unknown, name: string): Questionnaire {
  const result = validateQuestionnaire(json);
  if (!result.isValid) {
    throw new Error(`Meegeleverde vragenlijst ${name} is ongeldig: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  return result.value;
}

export const KANSRIJK_SIGNALERING_V1: Questionnaire = loadShipped(kansrijkSignaleringV1Json, 'kansrijk-signalering-v1');
