// SPDX-License-Identifier: EUPL-1.2
// The subset of the FHIR R4 Questionnaire that Kansrijk supports, plus our own extensions that tag
// items with a factor of the factor model. Instruments are data uploaded by coordinators, so every
// rule a form renderer or the factor profile relies on is checked here, once, at upload time —
// with Dutch messages a coordinator can act on.
import { z } from 'zod';
import { nl } from 'zod/locales';
import { FACTOR_CATALOGUE, isLifeDomain } from './factor-catalogue.js';

export const EXTENSION_BASE = 'https://kansrijk.nl/fhir/StructureDefinition/';
export const EXTENSION_URLS = {
  factorDomain: `${EXTENSION_BASE}factor-domain`,
  factorKey: `${EXTENSION_BASE}factor-key`,
  /** On an answerOption: choosing it signals risk or protection. */
  signal: `${EXTENSION_BASE}signal`,
  /** On a boolean item: answering "ja" / "nee" signals risk or protection. */
  signalIfTrue: `${EXTENSION_BASE}signal-if-true`,
  signalIfFalse: `${EXTENSION_BASE}signal-if-false`,
  /** On an integer or decimal item: an answer below this value signals risk. */
  riskIfBelow: `${EXTENSION_BASE}risk-if-below`,
  /** On an item that carries the professional's own concern, judgement or the client's wish for help. */
  professionalAssessment: `${EXTENSION_BASE}professional-assessment`,
} as const;

export const SIGNALS = ['risk', 'protective'] as const;
export type Signal = (typeof SIGNALS)[number];
export const PROFESSIONAL_ASSESSMENTS = ['concern-level', 'judgement', 'help-wanted'] as const;
export type ProfessionalAssessment = (typeof PROFESSIONAL_ASSESSMENTS)[number];

export const ITEM_TYPES = ['group', 'display', 'boolean', 'choice', 'string', 'text', 'integer', 'decimal', 'date'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];
export const ENABLE_WHEN_OPERATORS = ['exists', '=', '!=', '>', '<', '>=', '<='] as const;
export type EnableWhenOperator = (typeof ENABLE_WHEN_OPERATORS)[number];

export interface Coding {
  system?: string | undefined;
  code: string;
  display?: string | undefined;
}

export interface Extension {
  url: string;
  valueCode?: string | undefined;
  valueDecimal?: number | undefined;
  valueString?: string | undefined;
  valueBoolean?: boolean | undefined;
}

export interface EnableWhen {
  question: string;
  operator: EnableWhenOperator;
  answerBoolean?: boolean | undefined;
  answerDecimal?: number | undefined;
  answerInteger?: number | undefined;
  answerDate?: string | undefined;
  answerString?: string | undefined;
  answerCoding?: Coding | undefined;
}

export interface AnswerOption {
  valueCoding: Coding;
  extension?: Extension[] | undefined;
}

export interface QuestionnaireItem {
  linkId: string;
  text?: string | undefined;
  prefix?: string | undefined;
  type: ItemType;
  required?: boolean | undefined;
  repeats?: boolean | undefined;
  readOnly?: boolean | undefined;
  maxLength?: number | undefined;
  enableWhen?: EnableWhen[] | undefined;
  enableBehavior?: 'all' | 'any' | undefined;
  answerOption?: AnswerOption[] | undefined;
  extension?: Extension[] | undefined;
  item?: QuestionnaireItem[] | undefined;
}

export interface Questionnaire {
  resourceType: 'Questionnaire';
  id?: string | undefined;
  url: string;
  version: string;
  name?: string | undefined;
  title: string;
  status: 'draft' | 'active' | 'retired' | 'unknown';
  item: QuestionnaireItem[];
  [key: string]: unknown;
}

const codingSchema = z.strictObject({
  system: z.string().min(1).optional(),
  code: z.string().min(1),
  display: z.string().optional(),
});

const extensionSchema = z.strictObject({
  url: z.string().min(1),
  valueCode: z.string().min(1).optional(),
  valueDecimal: z.number().optional(),
  valueString: z.string().optional(),
  valueBoolean: z.boolean().optional(),
});

const enableWhenSchema = z.strictObject({
  question: z.string().min(1),
  operator: z.enum(ENABLE_WHEN_OPERATORS),
  answerBoolean: z.boolean().optional(),
  answerDecimal: z.number().optional(),
  answerInteger: z.number().int().optional(),
  answerDate: z.iso.date().optional(),
  answerString: z.string().optional(),
  answerCoding: codingSchema.optional(),
});

// Only coded options: our factor tags and the response's value checks rely on system + code.
const answerOptionSchema = z.strictObject({
  valueCoding: codingSchema,
  extension: z.array(extensionSchema).optional(),
});

// Strict objects: an element we do not support (answerValueSet, initial, enableWhen on a quantity…)
// must be rejected at upload, not silently ignored by the form.
const itemSchema: z.ZodType<QuestionnaireItem> = z.lazy(() =>
  z.strictObject({
    linkId: z.string().min(1).max(255),
    text: z.string().optional(),
    prefix: z.string().optional(),
    type: z.enum(ITEM_TYPES),
    required: z.boolean().optional(),
    repeats: z.boolean().optional(),
    readOnly: z.boolean().optional(),
    maxLength: z.number().int().positive().optional(),
    enableWhen: z.array(enableWhenSchema).min(1).optional(),
    enableBehavior: z.enum(['all', 'any']).optional(),
    answerOption: z.array(answerOptionSchema).min(1).optional(),
    extension: z.array(extensionSchema).optional(),
    item: z.array(itemSchema).min(1).optional(),
  }),
);

// Top level is loose: metadata such as publisher, description or copyright is welcome and unused.
export const questionnaireShapeSchema = z.looseObject({
  resourceType: z.literal('Questionnaire'),
  id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/).optional(),
  url: z.url(),
  // Semantic versioning, so "newer" is well defined when instruments are revised.
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'Versie moet de vorm 1.0.0 hebben'),
  name: z.string().optional(),
  title: z.string().min(1),
  status: z.enum(['draft', 'active', 'retired', 'unknown']),
  item: z.array(itemSchema).min(1),
});

export interface ValidationError {
  /** Where the problem is, e.g. `item[1].item[0].enableWhen[0].question`. */
  path: string;
  /** Dutch, for the person uploading or filling in. */
  message: string;
}

export type ValidationResult<T> = { isValid: true; value: T } | { isValid: false; errors: ValidationError[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(hele vragenlijst)' : out;
}

const dutchErrors = nl().localeError;

/** `url|version`: the canonical a QuestionnaireResponse keeps, so old answers stay tied to their version. */
export function canonicalOf(questionnaire: Pick<Questionnaire, 'url' | 'version'>): string {
  return `${questionnaire.url}|${questionnaire.version}`;
}

export function extensionValue(extensions: readonly Extension[] | undefined, url: string): Extension | undefined {
  return extensions?.find((extension) => extension.url === url);
}

/** Every item in document order (depth first), with its path — the order enableWhen must respect. */
export function flattenItems(
  items: readonly QuestionnaireItem[],
  basePath = 'item',
): { item: QuestionnaireItem; path: string; parents: QuestionnaireItem[] }[] {
  const out: { item: QuestionnaireItem; path: string; parents: QuestionnaireItem[] }[] = [];
  const walk = (list: readonly QuestionnaireItem[], path: string, parents: QuestionnaireItem[]) => {
    list.forEach((item, index) => {
      const itemPath = `${path}[${index}]`;
      out.push({ item, path: itemPath, parents });
      if (item.item) walk(item.item, `${itemPath}.item`, [...parents, item]);
    });
  };
  walk(items, basePath, []);
  return out;
}

const ANSWER_KEY_BY_TYPE: Partial<Record<ItemType, keyof EnableWhen>> = {
  boolean: 'answerBoolean',
  choice: 'answerCoding',
  integer: 'answerInteger',
  decimal: 'answerDecimal',
  date: 'answerDate',
  string: 'answerString',
  text: 'answerString',
};
const ANSWER_KEYS = ['answerBoolean', 'answerDecimal', 'answerInteger', 'answerDate', 'answerString', 'answerCoding'] as const;
const ORDERED_TYPES: ReadonlySet<ItemType> = new Set(['integer', 'decimal', 'date']);
const ANSWERABLE_TYPES: ReadonlySet<ItemType> = new Set(['boolean', 'choice', 'string', 'text', 'integer', 'decimal', 'date']);

export function isAnswerable(type: ItemType): boolean {
  return ANSWERABLE_TYPES.has(type);
}

export function sameCoding(a: Coding, b: Coding): boolean {
  return a.code === b.code && (a.system ?? '') === (b.system ?? '');
}

function checkSemantics(questionnaire: Questionnaire): ValidationError[] {
  const errors: ValidationError[] = [];
  const flat = flattenItems(questionnaire.item);
  const seenBefore = new Map<string, QuestionnaireItem>();
  const allLinkIds = new Set(flat.map(({ item }) => item.linkId));

  for (const { item, path, parents } of flat) {
    const error = (suffix: string, message: string) => errors.push({ path: `${path}${suffix}`, message });

    if (seenBefore.has(item.linkId)) error('.linkId', `linkId '${item.linkId}' komt vaker voor; elke vraag heeft een eigen linkId nodig`);

    if (item.type === 'group' && !item.item) error('.item', `Groep '${item.linkId}' heeft geen vragen`);
    if (item.type !== 'group' && item.item) error('.item', `Alleen een groep kan vragen bevatten ('${item.linkId}' is van type ${item.type})`);
    if (item.type === 'choice' && !item.answerOption) error('.answerOption', `Keuzevraag '${item.linkId}' heeft geen antwoordopties`);
    if (item.type !== 'choice' && item.answerOption) error('.answerOption', `Antwoordopties horen alleen bij een keuzevraag ('${item.linkId}' is van type ${item.type})`);
    if (item.type !== 'group' && item.type !== 'display' && !item.text) error('.text', `Vraag '${item.linkId}' heeft geen tekst`);
    if (item.type === 'display' && item.required) error('.required', `Een toelichting ('${item.linkId}') kan niet verplicht zijn`);
    // FHIR rule que-12: with several conditions the form must know whether all or any must hold.
    if ((item.enableWhen?.length ?? 0) >= 2 && !item.enableBehavior) error('.enableBehavior', `Bij meer voorwaarden is enableBehavior ('all' of 'any') verplicht ('${item.linkId}')`);

    const optionCodes = new Set<string>();
    item.answerOption?.forEach((option, index) => {
      const key = `${option.valueCoding.system ?? ''}|${option.valueCoding.code}`;
      if (optionCodes.has(key)) error(`.answerOption[${index}]`, `Antwoordoptie '${option.valueCoding.code}' komt vaker voor`);
      optionCodes.add(key);
      option.extension?.forEach((extension, extensionIndex) => {
        if (extension.url !== EXTENSION_URLS.signal) return;
        if (!(SIGNALS as readonly string[]).includes(extension.valueCode ?? '')) {
          error(`.answerOption[${index}].extension[${extensionIndex}]`, `Signaal moet 'risk' of 'protective' zijn`);
        }
      });
    });

    item.enableWhen?.forEach((condition, index) => {
      const where = `.enableWhen[${index}]`;
      const target = seenBefore.get(condition.question);
      const givenKeys = ANSWER_KEYS.filter((key) => condition[key] !== undefined);
      if (givenKeys.length !== 1) {
        error(where, `Voorwaarde heeft precies één antwoordwaarde nodig (nu ${givenKeys.length})`);
        return;
      }
      if (!target) {
        error(
          `${where}.question`,
          allLinkIds.has(condition.question)
            ? `Voorwaarde verwijst naar '${condition.question}', die pas later komt; verwijs alleen naar eerdere vragen`
            : `Voorwaarde verwijst naar vraag '${condition.question}', die niet bestaat`,
        );
        return;
      }
      if (parents.includes(target)) {
        error(`${where}.question`, `Voorwaarde verwijst naar de eigen groep '${target.linkId}'`);
        return;
      }
      if (!isAnswerable(target.type)) {
        error(`${where}.question`, `Voorwaarde verwijst naar '${target.linkId}' (type ${target.type}), die geen antwoord heeft`);
        return;
      }
      const [givenKey] = givenKeys;
      if (condition.operator === 'exists') {
        if (givenKey !== 'answerBoolean') error(where, `Bij 'exists' hoort answerBoolean (true of false)`);
        return;
      }
      const expectedKey = ANSWER_KEY_BY_TYPE[target.type];
      // An integer item may be compared with a decimal, the other way round loses precision.
      const isCompatible = givenKey === expectedKey || (target.type === 'integer' && givenKey === 'answerDecimal');
      if (!isCompatible) {
        error(where, `Vraag '${target.linkId}' is van type ${target.type}; gebruik ${expectedKey} in plaats van ${givenKey}`);
        return;
      }
      if (['>', '<', '>=', '<='].includes(condition.operator) && !ORDERED_TYPES.has(target.type)) {
        error(`${where}.operator`, `'${condition.operator}' kan alleen bij getallen en datums, niet bij type ${target.type}`);
      }
      if (condition.answerCoding) {
        const coding = condition.answerCoding;
        if (!target.answerOption?.some((option) => sameCoding(option.valueCoding, coding))) {
          error(`${where}.answerCoding`, `'${coding.code}' is geen antwoordoptie van vraag '${target.linkId}'`);
        }
      }
    });

    checkFactorTags(item, error);
    seenBefore.set(item.linkId, item);
  }
  return errors;
}

function checkFactorTags(item: QuestionnaireItem, error: (suffix: string, message: string) => void): void {
  const extensions = item.extension ?? [];
  const domain = extensionValue(extensions, EXTENSION_URLS.factorDomain)?.valueCode;
  const key = extensionValue(extensions, EXTENSION_URLS.factorKey)?.valueCode;
  const index = (url: string) => extensions.findIndex((extension) => extension.url === url);

  if (domain !== undefined && !isLifeDomain(domain)) {
    error(`.extension[${index(EXTENSION_URLS.factorDomain)}]`, `Onbekend levensdomein '${domain}'`);
  }
  if (key !== undefined) {
    const factor = FACTOR_CATALOGUE.get(key);
    if (!factor) error(`.extension[${index(EXTENSION_URLS.factorKey)}]`, `Onbekende factor '${key}'; kies een factor uit het factormodel`);
    else if (domain !== undefined && factor.domain !== domain) {
      error(`.extension[${index(EXTENSION_URLS.factorDomain)}]`, `Factor '${key}' hoort bij domein '${factor.domain}', niet bij '${domain}'`);
    }
  }
  if ((domain === undefined) !== (key === undefined)) {
    error('.extension', `Vraag '${item.linkId}' heeft factor-domain en factor-key allebei nodig`);
  }
  const hasSignal =
    extensions.some((extension) => [EXTENSION_URLS.signalIfTrue, EXTENSION_URLS.signalIfFalse, EXTENSION_URLS.riskIfBelow].includes(extension.url as never)) ||
    (item.answerOption ?? []).some((option) => extensionValue(option.extension, EXTENSION_URLS.signal));
  if (hasSignal && key === undefined) error('.extension', `Vraag '${item.linkId}' geeft een signaal maar heeft geen factor`);

  for (const url of [EXTENSION_URLS.signalIfTrue, EXTENSION_URLS.signalIfFalse]) {
    const extension = extensionValue(extensions, url);
    if (!extension) continue;
    if (item.type !== 'boolean') error(`.extension[${index(url)}]`, `${url.slice(EXTENSION_BASE.length)} kan alleen bij een ja/nee-vraag`);
    if (!(SIGNALS as readonly string[]).includes(extension.valueCode ?? '')) error(`.extension[${index(url)}]`, `Signaal moet 'risk' of 'protective' zijn`);
  }
  const below = extensionValue(extensions, EXTENSION_URLS.riskIfBelow);
  if (below) {
    if (item.type !== 'integer' && item.type !== 'decimal') error(`.extension[${index(EXTENSION_URLS.riskIfBelow)}]`, `risk-if-below kan alleen bij een getal`);
    if (below.valueDecimal === undefined) error(`.extension[${index(EXTENSION_URLS.riskIfBelow)}]`, `risk-if-below heeft valueDecimal nodig`);
  }
  const assessment = extensionValue(extensions, EXTENSION_URLS.professionalAssessment);
  if (assessment && !(PROFESSIONAL_ASSESSMENTS as readonly string[]).includes(assessment.valueCode ?? '')) {
    error(`.extension[${index(EXTENSION_URLS.professionalAssessment)}]`, `Onbekend soort oordeel '${assessment.valueCode ?? ''}'`);
  }
  if (assessment?.valueCode === 'concern-level') {
    const codes = new Set(item.answerOption?.map((option) => option.valueCoding.code));
    if (item.type !== 'choice' || !['none', 'some', 'serious'].every((code) => codes.has(code))) {
      error('.answerOption', `De vraag naar zorgen heeft de opties 'none', 'some' en 'serious' nodig`);
    }
  }
}

/** Shape first, then the rules across items; all problems at once, so one upload shows them all. */
export function validateQuestionnaire(json: unknown): ValidationResult<Questionnaire> {
  const parsed = questionnaireShapeSchema.safeParse(json, { error: dutchErrors });
  if (!parsed.success) {
    return {
      isValid: false,
      errors: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    };
  }
  const questionnaire = parsed.data as Questionnaire;
  const errors = checkSemantics(questionnaire);
  return errors.length === 0 ? { isValid: true, value: questionnaire } : { isValid: false, errors };
}
