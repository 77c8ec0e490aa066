// SPDX-License-Identifier: EUPL-1.2
// fast-check generator of answers that fit an instrument (for property tests only): each
// answerable item is answered or left open, with a value of its own type.
import fc from 'fast-check';
import { flattenItems, type Questionnaire, type QuestionnaireItem } from '../../../contracts/screening/questionnaire-schema.js';
import type { Answers, AnswerValue } from '../../../contracts/screening/questionnaire-response.js';

export function arbitraryValue(item: QuestionnaireItem): fc.Arbitrary<AnswerValue> | undefined {
  switch (item.type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: 0, max: 5000 });
    case 'decimal':
      return fc.double({ min: 10, max: 50, noNaN: true });
    case 'date':
      return fc.date({ min: new Date('2024-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    case 'string':
    case 'text':
      return fc.string({ minLength: 1, maxLength: 20 });
    case 'choice':
      return fc.constantFrom(...(item.answerOption ?? []).map((option) => option.valueCoding));
    default:
      return undefined;
  }
}

export function arbitraryAnswers(questionnaire: Questionnaire): fc.Arbitrary<Answers> {
  const entries: [string, fc.Arbitrary<AnswerValue[]>][] = [];
  for (const { item } of flattenItems(questionnaire.item)) {
    const value = arbitraryValue(item);
    if (value) entries.push([item.linkId, fc.option(value, { nil: undefined }).map((answer) => (answer === undefined ? [] : [answer]))]);
  }
  return fc.record(Object.fromEntries(entries)).map((record) =>
    Object.fromEntries(Object.entries(record).filter(([, values]) => values.length > 0)),
  );
}
