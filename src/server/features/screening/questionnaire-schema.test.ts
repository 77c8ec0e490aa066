// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import shippedJson from './instruments/kansrijk-signalering-v1.json' with { type: 'json' };
import { KANSRIJK_SIGNALERING_V1 } from './instruments/shipped-instruments.js';
import { FACTOR_CATALOGUE, LIFE_DOMAINS } from '../../../contracts/screening/factor-catalogue.js';
import { canonicalOf, EXTENSION_URLS, extensionValue, flattenItems, validateQuestionnaire } from '../../../contracts/screening/questionnaire-schema.js';
import { ANSWER_SYSTEM, fhirR4Errors } from './test-support.js';

const clone = <T>(value: T): T => structuredClone(value);
const EXT = 'https://kansrijk.nl/fhir/StructureDefinition/';

function minimal() {
  return {
    resourceType: 'Questionnaire',
    url: 'https://kansrijk.nl/fhir/Questionnaire/test',
    version: '1.0.0',
    title: 'Test',
    status: 'draft',
    item: [
      {
        linkId: 'roken',
        text: 'Rookt u?',
        type: 'boolean',
        extension: [
          { url: `${EXT}factor-domain`, valueCode: 'lifestyle' },
          { url: `${EXT}factor-key`, valueCode: 'smoking' },
          { url: `${EXT}signal-if-true`, valueCode: 'risk' },
        ],
      },
      {
        linkId: 'aantal',
        text: 'Hoeveel?',
        type: 'integer',
        enableWhen: [{ question: 'roken', operator: '=', answerBoolean: true }],
      },
      {
        linkId: 'wonen',
        text: 'Hoe woont u?',
        type: 'choice',
        answerOption: [
          { valueCoding: { system: ANSWER_SYSTEM, code: 'stable', display: 'Vast' } },
          { valueCoding: { system: ANSWER_SYSTEM, code: 'none', display: 'Geen' } },
        ],
      },
    ],
  } as Record<string, unknown> & { item: Record<string, unknown>[] };
}

function errorsOf(json: unknown) {
  const result = validateQuestionnaire(json);
  if (result.isValid) throw new Error('expected the questionnaire to be rejected');
  return result.errors;
}

describe('the shipped instrument', () => {
  it('validates, with version 1.0.0 in its canonical', () => {
    const result = validateQuestionnaire(shippedJson);
    expect(result.isValid ? [] : result.errors).toEqual([]);
    expect(canonicalOf(KANSRIJK_SIGNALERING_V1)).toBe('https://kansrijk.nl/fhir/Questionnaire/kansrijk-signalering|1.0.0');
  });

  it('is a valid FHIR R4 Questionnaire for the official R4 structure definitions', () => {
    expect(fhirR4Errors(shippedJson)).toEqual([]);
  });

  it('covers every factor of the factor model and every life domain', () => {
    const tagged = new Set(
      flattenItems(KANSRIJK_SIGNALERING_V1.item).map(({ item }) => extensionValue(item.extension, EXTENSION_URLS.factorKey)?.valueCode),
    );
    expect([...FACTOR_CATALOGUE.keys()].filter((key) => !tagged.has(key))).toEqual([]);
    const domains = new Set(flattenItems(KANSRIJK_SIGNALERING_V1.item).map(({ item }) => extensionValue(item.extension, EXTENSION_URLS.factorDomain)?.valueCode));
    expect(LIFE_DOMAINS.every((domain) => domains.has(domain))).toBe(true);
  });

  it('includes protective items (partner, network, income, housing)', () => {
    const protectiveKeys = new Set<string>();
    for (const { item } of flattenItems(KANSRIJK_SIGNALERING_V1.item)) {
      const key = extensionValue(item.extension, EXTENSION_URLS.factorKey)?.valueCode;
      const isProtective =
        item.answerOption?.some((option) => extensionValue(option.extension, EXTENSION_URLS.signal)?.valueCode === 'protective') ||
        extensionValue(item.extension, EXTENSION_URLS.signalIfTrue)?.valueCode === 'protective' ||
        extensionValue(item.extension, EXTENSION_URLS.signalIfFalse)?.valueCode === 'protective';
      if (key && isProtective) protectiveKeys.add(key);
    }
    for (const key of ['partner-support', 'social-network', 'money-debts', 'housing']) expect(protectiveKeys).toContain(key);
  });
});

describe('validateQuestionnaire rejects broken instruments with Dutch errors and paths', () => {
  it('accepts the minimal example', () => {
    expect(validateQuestionnaire(minimal()).isValid).toBe(true);
  });

  it('duplicate linkId', () => {
    const json = minimal();
    json.item[2]!.linkId = 'roken';
    expect(errorsOf(json)).toContainEqual({ path: 'item[2].linkId', message: expect.stringContaining("linkId 'roken' komt vaker voor") });
  });

  it('enableWhen to a missing item', () => {
    const json = minimal();
    json.item[1]!.enableWhen = [{ question: 'bestaat-niet', operator: '=', answerBoolean: true }];
    expect(errorsOf(json)).toContainEqual({ path: 'item[1].enableWhen[0].question', message: expect.stringContaining('die niet bestaat') });
  });

  it('enableWhen to a later item', () => {
    const json = minimal();
    json.item[1]!.enableWhen = [{ question: 'wonen', operator: '=', answerCoding: { system: ANSWER_SYSTEM, code: 'none' } }];
    expect(errorsOf(json)).toContainEqual({ path: 'item[1].enableWhen[0].question', message: expect.stringContaining('pas later') });
  });

  it('enableWhen with an answer type that does not fit the question', () => {
    const json = minimal();
    json.item[1]!.enableWhen = [{ question: 'roken', operator: '=', answerString: 'ja' }];
    expect(errorsOf(json)).toContainEqual({ path: 'item[1].enableWhen[0]', message: expect.stringContaining('gebruik answerBoolean') });
  });

  it('ordering operator on a yes/no question', () => {
    const json = minimal();
    json.item[1]!.enableWhen = [{ question: 'roken', operator: '>', answerBoolean: true }];
    expect(errorsOf(json)).toContainEqual({ path: 'item[1].enableWhen[0].operator', message: expect.stringContaining('alleen bij getallen') });
  });

  it('choice without options, and options on a non-choice item', () => {
    const json = minimal();
    const options = json.item[2]!.answerOption;
    delete json.item[2]!.answerOption;
    json.item[1]!.answerOption = options;
    const errors = errorsOf(json);
    expect(errors).toContainEqual({ path: 'item[2].answerOption', message: expect.stringContaining('heeft geen antwoordopties') });
    expect(errors).toContainEqual({ path: 'item[1].answerOption', message: expect.stringContaining('alleen bij een keuzevraag') });
  });

  it('unknown factor, and a factor in the wrong domain', () => {
    const json = minimal();
    (json.item[0]!.extension as { valueCode: string }[])[1]!.valueCode = 'zodiac-sign';
    expect(errorsOf(json)).toContainEqual({ path: 'item[0].extension[1]', message: expect.stringContaining("Onbekende factor 'zodiac-sign'") });
    const wrongDomain = minimal();
    (wrongDomain.item[0]!.extension as { valueCode: string }[])[0]!.valueCode = 'child';
    expect(errorsOf(wrongDomain)).toContainEqual({ path: 'item[0].extension[0]', message: expect.stringContaining("hoort bij domein 'lifestyle'") });
  });

  it('shape errors in Dutch (zod Dutch locale), with paths', () => {
    const json = minimal();
    json.item[0]!.type = 'quantity';
    delete json.version;
    const errors = errorsOf(json);
    expect(errors.map((error) => error.path)).toEqual(expect.arrayContaining(['version', 'item[0].type']));
    expect(errors.find((error) => error.path === 'version')?.message).toMatch(/ongeldig|verwacht/i);
  });

  it('unsupported FHIR elements are rejected rather than silently ignored', () => {
    const json = minimal();
    json.item[2]!.answerValueSet = 'http://example.org/vs';
    expect(errorsOf(json).map((error) => error.path)).toContain('item[2]');
  });

  it('collects all problems at once', () => {
    const json = clone(minimal());
    json.item[2]!.linkId = 'roken';
    json.item[1]!.enableWhen = [{ question: 'weg', operator: 'exists', answerBoolean: true }];
    expect(errorsOf(json).length).toBeGreaterThanOrEqual(2);
  });
});
