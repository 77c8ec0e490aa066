// SPDX-License-Identifier: EUPL-1.2
// Answers to an instrument: which items are enabled (enableWhen), whether the answers fit the
// instrument, and the FHIR R4 QuestionnaireResponse they become. Pure, so the form, the API and the
// factor profile all agree on what counts as an answer.
import { z } from 'zod';
import {
  canonicalOf,
  flattenItems,
  formatPath,
  isAnswerable,
  sameCoding,
  type Coding,
  type EnableWhen,
  type Questionnaire,
  type QuestionnaireItem,
  type ValidationError,
  type ValidationResult,
} from './questionnaire-schema.js';

/** boolean (boolean), number (integer, decimal), string (string, text, date as YYYY-MM-DD), Coding (choice). */
export type AnswerValue = boolean | number | string | Coding;
/** Answers per linkId; an item that repeats may have several. */
export type Answers = Readonly<Record<string, readonly AnswerValue[]>>;

export interface EnabledItems {
  readonly enabledLinkIds: ReadonlySet<string>;
  /** Only the non-empty answers of enabled, answerable items: what is left after dropping the rest. */
  readonly answers: Answers;
}

function isCoding(value: AnswerValue): value is Coding {
  return typeof value === 'object' && value !== null && typeof value.code === 'string';
}

function expectedValueOf(condition: EnableWhen): AnswerValue | undefined {
  return (
    condition.answerBoolean ??
    condition.answerInteger ??
    condition.answerDecimal ??
    condition.answerDate ??
    condition.answerString ??
    condition.answerCoding
  );
}

function isEqual(answer: AnswerValue, expected: AnswerValue): boolean {
  if (isCoding(expected)) return isCoding(answer) && sameCoding(answer, expected);
  return answer === expected;
}

/** Numbers numerically, dates (YYYY-MM-DD) as strings — that order is the calendar order. */
function compare(answer: AnswerValue, expected: AnswerValue): number | undefined {
  if (typeof answer === 'number' && typeof expected === 'number') return answer - expected;
  if (typeof answer === 'string' && typeof expected === 'string') return answer < expected ? -1 : answer > expected ? 1 : 0;
  return undefined;
}

export function isConditionMet(condition: EnableWhen, answers: readonly AnswerValue[]): boolean {
  if (condition.operator === 'exists') return (answers.length > 0) === condition.answerBoolean;
  const expected = expectedValueOf(condition);
  if (expected === undefined) return false;
  switch (condition.operator) {
    case '=':
      return answers.some((answer) => isEqual(answer, expected));
    case '!=':
      // FHIR R4: "no answer equals". We also require an answer, so a follow-up question does not
      // appear before the question it depends on has been answered at all.
      return answers.length > 0 && !answers.some((answer) => isEqual(answer, expected));
    default: {
      const operator = condition.operator;
      return answers.some((answer) => {
        const difference = compare(answer, expected);
        if (difference === undefined) return false;
        if (operator === '>') return difference > 0;
        if (operator === '<') return difference < 0;
        if (operator === '>=') return difference >= 0;
        return difference <= 0;
      });
    }
  }
}

/**
 * One pass in document order: enableWhen may only look at earlier items (checked at upload), and
 * a disabled item counts as unanswered for everything after it (FHIR), so its answers never leak.
 */
export function evaluateEnabledItems(questionnaire: Questionnaire, answers: Answers): EnabledItems {
  const enabled = new Set<string>();
  const kept: Record<string, readonly AnswerValue[]> = {};
  const walk = (items: readonly QuestionnaireItem[], isParentEnabled: boolean) => {
    for (const item of items) {
      const conditions = item.enableWhen ?? [];
      const results = conditions.map((condition) => isConditionMet(condition, kept[condition.question] ?? []));
      const isOwnConditionMet =
        conditions.length === 0 || (item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean));
      const isEnabled = isParentEnabled && isOwnConditionMet;
      if (isEnabled) {
        enabled.add(item.linkId);
        const given = Object.hasOwn(answers, item.linkId) ? answers[item.linkId] : undefined;
        if (isAnswerable(item.type) && given && given.length > 0) kept[item.linkId] = given;
      }
      if (item.item) walk(item.item, isEnabled);
    }
  };
  walk(questionnaire.item, true);
  return { enabledLinkIds: enabled, answers: kept };
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function typeError(item: QuestionnaireItem, value: AnswerValue): string | undefined {
  switch (item.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'Kies ja of nee';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? undefined : 'Vul een heel getal in';
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'Vul een getal in';
    case 'date':
      return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : 'Vul een datum in (jjjj-mm-dd)';
    case 'string':
    case 'text':
      if (typeof value !== 'string' || value.trim() === '') return 'Vul een tekst in';
      return item.maxLength !== undefined && value.length > item.maxLength ? `Gebruik maximaal ${item.maxLength} tekens` : undefined;
    case 'choice':
      if (!isCoding(value)) return 'Kies een van de antwoorden';
      return item.answerOption?.some((option) => sameCoding(option.valueCoding, value))
        ? undefined
        : `'${value.code}' is geen van de antwoorden bij deze vraag`;
    default:
      return 'Bij dit onderdeel hoort geen antwoord';
  }
}

export type ResponseStatus = 'in-progress' | 'completed';

/**
 * Checks answers against the instrument. A draft ('in-progress') may leave required items open;
 * a completed response may not. Answers to disabled items are dropped, not reported: they are
 * left over from an earlier choice the client changed, not a mistake.
 * Error paths are linkIds, so the form can show the message next to the question.
 */
export function validateResponse(
  questionnaire: Questionnaire,
  answers: Answers,
  status: ResponseStatus = 'completed',
): ValidationResult<Answers> {
  const errors: ValidationError[] = [];
  const items = new Map(flattenItems(questionnaire.item).map(({ item }) => [item.linkId, item]));
  for (const linkId of Object.keys(answers)) {
    if (!items.has(linkId)) errors.push({ path: linkId, message: `Onbekende vraag '${linkId}' in deze vragenlijst` });
  }
  const { enabledLinkIds, answers: kept } = evaluateEnabledItems(questionnaire, answers);
  for (const [linkId, item] of items) {
    if (!enabledLinkIds.has(linkId)) continue;
    const given = Object.hasOwn(answers, linkId) ? (answers[linkId] ?? []) : [];
    if (!isAnswerable(item.type)) {
      if (given.length > 0) errors.push({ path: linkId, message: 'Bij dit onderdeel hoort geen antwoord' });
      continue;
    }
    if (given.length === 0) {
      if (item.required && status === 'completed') errors.push({ path: linkId, message: 'Deze vraag is verplicht' });
      continue;
    }
    if (given.length > 1 && !item.repeats) errors.push({ path: linkId, message: 'Geef één antwoord' });
    given.forEach((value, index) => {
      const message = typeError(item, value);
      if (message) errors.push({ path: given.length > 1 ? `${linkId}[${index}]` : linkId, message });
    });
  }
  return errors.length === 0 ? { isValid: true, value: kept } : { isValid: false, errors };
}

export interface QuestionnaireResponseAnswer {
  valueBoolean?: boolean;
  valueInteger?: number;
  valueDecimal?: number;
  valueDate?: string;
  valueString?: string;
  valueCoding?: Coding;
}

export interface QuestionnaireResponseItem {
  linkId: string;
  text?: string;
  answer?: QuestionnaireResponseAnswer[];
  item?: QuestionnaireResponseItem[];
}

export interface QuestionnaireResponse {
  resourceType: 'QuestionnaireResponse';
  id?: string;
  /** Canonical with version (`url|version`): the answers stay tied to the instrument they answered. */
  questionnaire: string;
  status: ResponseStatus;
  authored: string;
  subject?: { reference: string };
  author?: { reference: string };
  item: QuestionnaireResponseItem[];
}

function toFhirAnswer(item: QuestionnaireItem, value: AnswerValue): QuestionnaireResponseAnswer {
  switch (item.type) {
    case 'boolean':
      return { valueBoolean: value as boolean };
    case 'integer':
      return { valueInteger: value as number };
    case 'decimal':
      return { valueDecimal: value as number };
    case 'date':
      return { valueDate: value as string };
    case 'choice': {
      // Use the instrument's own coding, so the display text matches the version answered.
      const option = item.answerOption?.find((candidate) => sameCoding(candidate.valueCoding, value as Coding));
      return { valueCoding: { ...(option?.valueCoding ?? (value as Coding)) } };
    }
    default:
      return { valueString: value as string };
  }
}

export interface BuildResponseInput {
  questionnaire: Questionnaire;
  answers: Answers;
  status: ResponseStatus;
  /** ISO date-time. */
  authored: string;
  id?: string;
  subjectReference?: string;
  authorReference?: string;
}

/** Builds the FHIR R4 resource; throws with the Dutch messages when the answers do not fit. */
export function toQuestionnaireResponse(input: BuildResponseInput): QuestionnaireResponse {
  const validated = validateResponse(input.questionnaire, input.answers, input.status);
  if (!validated.isValid) {
    throw new Error(`Antwoorden passen niet bij de vragenlijst: ${validated.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  const answers = validated.value;
  const build = (items: readonly QuestionnaireItem[]): QuestionnaireResponseItem[] =>
    items.flatMap((item): QuestionnaireResponseItem[] => {
      if (item.type === 'group') {
        const children = build(item.item ?? []);
        return children.length > 0 ? [{ linkId: item.linkId, ...(item.text ? { text: item.text } : {}), item: children }] : [];
      }
      const values = answers[item.linkId];
      if (!values || values.length === 0) return [];
      return [
        {
          linkId: item.linkId,
          ...(item.text ? { text: item.text } : {}),
          answer: values.map((value) => toFhirAnswer(item, value)),
        },
      ];
    });
  return {
    resourceType: 'QuestionnaireResponse',
    ...(input.id ? { id: input.id } : {}),
    questionnaire: canonicalOf(input.questionnaire),
    status: input.status,
    authored: input.authored,
    ...(input.subjectReference ? { subject: { reference: input.subjectReference } } : {}),
    ...(input.authorReference ? { author: { reference: input.authorReference } } : {}),
    item: build(input.questionnaire.item),
  };
}

const responseAnswerSchema = z.strictObject({
  valueBoolean: z.boolean().optional(),
  valueInteger: z.number().int().optional(),
  valueDecimal: z.number().optional(),
  valueDate: z.string().optional(),
  valueString: z.string().optional(),
  valueCoding: z.strictObject({ system: z.string().optional(), code: z.string(), display: z.string().optional() }).optional(),
});
type ParsedResponseItem = { linkId: string; text?: string | undefined; answer?: z.infer<typeof responseAnswerSchema>[] | undefined; item?: ParsedResponseItem[] | undefined };
const responseItemSchema: z.ZodType<ParsedResponseItem> = z.lazy(() =>
  z.strictObject({
    linkId: z.string().min(1),
    text: z.string().optional(),
    answer: z.array(responseAnswerSchema).optional(),
    item: z.array(responseItemSchema).optional(),
  }),
);
const questionnaireResponseSchema = z.looseObject({
  resourceType: z.literal('QuestionnaireResponse'),
  questionnaire: z.string().min(1),
  status: z.enum(['in-progress', 'completed']),
  item: z.array(responseItemSchema).default([]),
});

/**
 * Reads an incoming FHIR QuestionnaireResponse (the later API's create) back into answers, after
 * checking it answers exactly this version of the instrument.
 */
export function answersFromQuestionnaireResponse(questionnaire: Questionnaire, json: unknown): ValidationResult<Answers> {
  const parsed = questionnaireResponseSchema.safeParse(json);
  if (!parsed.success) {
    return { isValid: false, errors: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })) };
  }
  if (parsed.data.questionnaire !== canonicalOf(questionnaire)) {
    return {
      isValid: false,
      errors: [{ path: 'questionnaire', message: `Antwoorden horen bij '${parsed.data.questionnaire}', niet bij '${canonicalOf(questionnaire)}'` }],
    };
  }
  const answers: Record<string, AnswerValue[]> = {};
  const errors: ValidationError[] = [];
  const walk = (items: readonly ParsedResponseItem[]) => {
    for (const item of items) {
      if (Object.hasOwn(answers, item.linkId)) errors.push({ path: item.linkId, message: `Vraag '${item.linkId}' staat er twee keer in` });
      const values = (item.answer ?? []).map(
        (answer): AnswerValue | undefined =>
          answer.valueBoolean ?? answer.valueInteger ?? answer.valueDecimal ?? answer.valueDate ?? answer.valueString ?? answer.valueCoding,
      );
      if (values.some((value) => value === undefined)) errors.push({ path: item.linkId, message: 'Antwoord zonder waarde' });
      if (values.length > 0) answers[item.linkId] = values.filter((value): value is AnswerValue => value !== undefined);
      if (item.item) walk(item.item);
    }
  };
  walk(parsed.data.item);
  if (errors.length > 0) return { isValid: false, errors };
  return validateResponse(questionnaire, answers, parsed.data.status);
}
