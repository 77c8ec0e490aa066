// SPDX-License-Identifier: EUPL-1.2
// What the form keeps per question (the text of an input, the chosen option) and how that becomes
// answers for the API: numbers are checked here so a half-typed number is never sent.
import type { AnswerValue, Answers } from '../../../contracts/screening/questionnaire-response.js';
import { flattenItems, type Coding, type Questionnaire, type QuestionnaireItem } from '../../../contracts/screening/questionnaire-schema.js';

/** One input's state: text (numbers, dates, text), 'true'/'false', or the keys of chosen options. */
export type FieldValue = string | string[];
export type FieldValues = Record<string, FieldValue>;

export function codingKey(coding: Coding): string {
  return `${coding.system ?? ''}|${coding.code}`;
}

function optionOf(item: QuestionnaireItem, key: string): Coding | undefined {
  return item.answerOption?.find((option) => codingKey(option.valueCoding) === key)?.valueCoding;
}

/** 2025-09-20 → 20-09-2025: dates are typed the Dutch way, in one text field. */
export function dutchDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : iso;
}

/** 20-09-2025 (also 20/9/2025, 20.09.2025 or 2025-09-20) → 2025-09-20; null when it is no date. */
export function isoDate(text: string): string | null {
  const trimmed = text.trim();
  const dutch = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const [year, month, day] = dutch ? [dutch[3], dutch[2], dutch[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year || !month || !day) return null;
  const candidate = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${candidate}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === candidate ? candidate : null;
}

/** The form state for saved answers. */
export function fieldValuesOf(questionnaire: Questionnaire, answers: Answers): FieldValues {
  const values: FieldValues = {};
  for (const { item } of flattenItems(questionnaire.item)) {
    const given = answers[item.linkId];
    if (!given || given.length === 0) continue;
    if (item.type === 'choice') {
      const keys = given.filter((value): value is Coding => typeof value === 'object').map(codingKey);
      values[item.linkId] = item.repeats ? keys : (keys[0] ?? '');
    } else if (item.type === 'date') values[item.linkId] = dutchDate(String(given[0]));
    else values[item.linkId] = String(given[0]);
  }
  return values;
}

export interface ConvertedAnswers {
  answers: Record<string, AnswerValue[]>;
  /** Per linkId: a number that is not one (the message key). */
  localErrors: Record<string, 'notInteger' | 'notNumber' | 'notDate'>;
}

/** Answers for the API from the form state; empty inputs are no answer. */
export function answersOf(questionnaire: Questionnaire, values: FieldValues): ConvertedAnswers {
  const answers: Record<string, AnswerValue[]> = {};
  const localErrors: ConvertedAnswers['localErrors'] = {};
  for (const { item } of flattenItems(questionnaire.item)) {
    const value = values[item.linkId];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    switch (item.type) {
      case 'boolean':
        answers[item.linkId] = [value === 'true'];
        break;
      case 'choice': {
        const keys = Array.isArray(value) ? value : [value];
        const codings = keys.map((key) => optionOf(item, key)).filter((coding): coding is Coding => coding !== undefined);
        if (codings.length > 0) answers[item.linkId] = codings;
        break;
      }
      case 'integer':
      case 'decimal': {
        const text = String(value).trim().replace(',', '.');
        const number = Number(text);
        if (text === '' || !Number.isFinite(number)) localErrors[item.linkId] = item.type === 'integer' ? 'notInteger' : 'notNumber';
        else if (item.type === 'integer' && !Number.isInteger(number)) localErrors[item.linkId] = 'notInteger';
        else answers[item.linkId] = [number];
        break;
      }
      case 'string':
      case 'text':
        if (String(value).trim() !== '') answers[item.linkId] = [String(value)];
        break;
      case 'date': {
        const iso = isoDate(String(value));
        if (iso) answers[item.linkId] = [iso];
        else localErrors[item.linkId] = 'notDate';
        break;
      }
      default:
        break;
    }
  }
  return { answers, localErrors };
}
