// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KANSRIJK_SIGNALERING_V1 as Q } from './instruments/shipped-instruments.js';
import { answersFromQuestionnaireResponse, evaluateEnabledItems, isConditionMet, toQuestionnaireResponse, validateResponse, type Answers } from '../../../contracts/screening/questionnaire-response.js';
import { code, fhirR4Errors, PREGNANT_WITH_DEBTS_AND_STRESS } from './test-support.js';
import { arbitraryAnswers } from './answer-arbitrary.js';

describe('enableWhen', () => {
  it('asks how many cigarettes only when smoking = yes', () => {
    expect(evaluateEnabledItems(Q, { 'leefstijl.roken': [true] }).enabledLinkIds.has('leefstijl.roken-aantal')).toBe(true);
    expect(evaluateEnabledItems(Q, { 'leefstijl.roken': [false] }).enabledLinkIds.has('leefstijl.roken-aantal')).toBe(false);
    expect(evaluateEnabledItems(Q, {}).enabledLinkIds.has('leefstijl.roken-aantal')).toBe(false);
  });

  it('shows the child group and its items only after birth', () => {
    const pregnant = evaluateEnabledItems(Q, { 'situatie.fase': [code('pregnant')] }).enabledLinkIds;
    expect(pregnant.has('kind')).toBe(false);
    expect(pregnant.has('kind.geboortegewicht')).toBe(false);
    const born = evaluateEnabledItems(Q, { 'situatie.fase': [code('born')] }).enabledLinkIds;
    expect(born.has('kind.geboortegewicht')).toBe(true);
  });

  it('drops answers to disabled items', () => {
    const { answers } = evaluateEnabledItems(Q, { 'leefstijl.roken': [false], 'leefstijl.roken-aantal': [10], 'situatie.fase': [code('pregnant')], 'kind.geboortegewicht': [2000] });
    expect(answers).toEqual({ 'leefstijl.roken': [false], 'situatie.fase': [code('pregnant')] });
  });

  it('!= needs an answer, then means "no answer equals"', () => {
    expect(evaluateEnabledItems(Q, {}).enabledLinkIds.has('omgeving.partner-steun')).toBe(false);
    expect(evaluateEnabledItems(Q, { 'omgeving.partner': [code('none')] }).enabledLinkIds.has('omgeving.partner-steun')).toBe(false);
    expect(evaluateEnabledItems(Q, { 'omgeving.partner': [code('apart')] }).enabledLinkIds.has('omgeving.partner-steun')).toBe(true);
  });

  it('operators exists, =, !=, >, <, >=, <= on numbers and dates', () => {
    const q = 'x';
    expect(isConditionMet({ question: q, operator: 'exists', answerBoolean: true }, [3])).toBe(true);
    expect(isConditionMet({ question: q, operator: 'exists', answerBoolean: false }, [])).toBe(true);
    expect(isConditionMet({ question: q, operator: 'exists', answerBoolean: true }, [])).toBe(false);
    expect(isConditionMet({ question: q, operator: '=', answerInteger: 3 }, [3])).toBe(true);
    expect(isConditionMet({ question: q, operator: '!=', answerInteger: 3 }, [4])).toBe(true);
    expect(isConditionMet({ question: q, operator: '>', answerInteger: 3 }, [4])).toBe(true);
    expect(isConditionMet({ question: q, operator: '>', answerInteger: 3 }, [3])).toBe(false);
    expect(isConditionMet({ question: q, operator: '>=', answerInteger: 3 }, [3])).toBe(true);
    expect(isConditionMet({ question: q, operator: '<', answerDecimal: 2.5 }, [2.4])).toBe(true);
    expect(isConditionMet({ question: q, operator: '<=', answerDecimal: 2.5 }, [2.6])).toBe(false);
    expect(isConditionMet({ question: q, operator: '<', answerDate: '2025-03-01' }, ['2025-02-28'])).toBe(true);
    expect(isConditionMet({ question: q, operator: '>', answerDate: '2025-03-01' }, ['2025-02-28'])).toBe(false);
  });

  it('enableBehavior all and any', () => {
    const questionnaire = {
      ...Q,
      item: [
        { linkId: 'a', text: 'A', type: 'integer' as const },
        { linkId: 'b', text: 'B', type: 'integer' as const },
        ...(['all', 'any'] as const).map((behavior) => ({
          linkId: behavior, text: behavior, type: 'string' as const, enableBehavior: behavior,
          enableWhen: [{ question: 'a', operator: '>' as const, answerInteger: 1 }, { question: 'b', operator: '>' as const, answerInteger: 1 }],
        })),
      ],
    };
    const enabled = evaluateEnabledItems(questionnaire, { a: [2], b: [0] }).enabledLinkIds;
    expect(enabled.has('any')).toBe(true);
    expect(enabled.has('all')).toBe(false);
    expect(evaluateEnabledItems(questionnaire, { a: [2], b: [2] }).enabledLinkIds.has('all')).toBe(true);
  });

  it('is deterministic and does not depend on the order answers were given in', () => {
    fc.assert(
      fc.property(arbitraryAnswers(Q), (answers) => {
        const reversed = Object.fromEntries(Object.entries(answers).reverse());
        const first = evaluateEnabledItems(Q, answers);
        const second = evaluateEnabledItems(Q, reversed);
        expect([...second.enabledLinkIds]).toEqual([...first.enabledLinkIds]);
        expect(second.answers).toEqual(first.answers);
      }),
      { numRuns: 200 },
    );
  });
});

describe('validateResponse', () => {
  it('accepts the worked example', () => {
    expect(validateResponse(Q, PREGNANT_WITH_DEBTS_AND_STRESS)).toMatchObject({ isValid: true });
  });

  it('reports missing required enabled items, but not in a draft', () => {
    const { 'omgeving.geld': _money, ...rest } = PREGNANT_WITH_DEBTS_AND_STRESS;
    expect(validateResponse(Q, rest)).toEqual({ isValid: false, errors: [{ path: 'omgeving.geld', message: 'Deze vraag is verplicht' }] });
    expect(validateResponse(Q, rest, 'in-progress').isValid).toBe(true);
  });

  it('does not require items that are disabled (child items during pregnancy)', () => {
    const result = validateResponse(Q, PREGNANT_WITH_DEBTS_AND_STRESS);
    expect(result.isValid).toBe(true);
  });

  it('reports a wrong type, a value not in the options, and an unknown question', () => {
    const result = validateResponse(Q, {
      ...PREGNANT_WITH_DEBTS_AND_STRESS,
      'leefstijl.roken': ['ja'],
      'omgeving.geld': [code('lottery')],
      'situatie.weken': [14.5],
      'bestaat.niet': [true],
    } as Answers);
    expect(result.isValid).toBe(false);
    if (result.isValid) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { path: 'bestaat.niet', message: "Onbekende vraag 'bestaat.niet' in deze vragenlijst" },
        { path: 'leefstijl.roken', message: 'Kies ja of nee' },
        { path: 'omgeving.geld', message: "'lottery' is geen van de antwoorden bij deze vraag" },
        { path: 'situatie.weken', message: 'Vul een heel getal in' },
      ]),
    );
  });

  it('rejects two answers to a question that does not repeat', () => {
    const result = validateResponse(Q, { ...PREGNANT_WITH_DEBTS_AND_STRESS, 'omgeving.geld': [code('debts'), code('enough')] });
    expect(result).toEqual({ isValid: false, errors: [{ path: 'omgeving.geld', message: 'Geef één antwoord' }] });
  });
});

describe('toQuestionnaireResponse', () => {
  const response = toQuestionnaireResponse({
    questionnaire: Q,
    answers: { ...PREGNANT_WITH_DEBTS_AND_STRESS, 'kind.geboortegewicht': [2000] },
    status: 'completed',
    authored: '2025-03-01T10:00:00+01:00',
    id: 'demo-1',
    subjectReference: 'Patient/demo-1',
  });

  it('keeps the versioned canonical, status and an item tree without disabled items', () => {
    expect(response.questionnaire).toBe('https://kansrijk.nl/fhir/Questionnaire/kansrijk-signalering|1.0.0');
    expect(response.status).toBe('completed');
    expect(response.item.map((item) => item.linkId)).toEqual(['situatie', 'leefstijl', 'ouder', 'omgeving', 'professional']);
    const money = response.item.find((item) => item.linkId === 'omgeving')?.item?.find((item) => item.linkId === 'omgeving.geld');
    expect(money?.answer).toEqual([{ valueCoding: expect.objectContaining({ code: 'debts', display: 'Ik heb schulden die ik niet kan betalen' }) }]);
  });

  it('is a valid FHIR R4 QuestionnaireResponse for the official R4 structure definitions', () => {
    expect(fhirR4Errors(response)).toEqual([]);
  });

  it('reads back into the same answers', () => {
    const back = answersFromQuestionnaireResponse(Q, JSON.parse(JSON.stringify(response)));
    // The response carries the instrument's display text; the answers compare on system + code.
    const withoutDisplay = (answers: Answers) =>
      Object.fromEntries(Object.entries(answers).map(([linkId, values]) => [linkId, values.map((value) => (typeof value === 'object' ? { system: value.system, code: value.code } : value))]));
    expect(back.isValid).toBe(true);
    if (!back.isValid) return;
    expect(withoutDisplay(back.value)).toEqual(withoutDisplay(evaluateEnabledItems(Q, PREGNANT_WITH_DEBTS_AND_STRESS).answers));
  });

  it('refuses answers to another version', () => {
    const back = answersFromQuestionnaireResponse(Q, { ...response, questionnaire: `${Q.url}|2.0.0` });
    expect(back.isValid).toBe(false);
  });

  it('refuses to build a completed response from answers that do not fit', () => {
    expect(() => toQuestionnaireResponse({ questionnaire: Q, answers: {}, status: 'completed', authored: '2025-03-01T10:00:00Z' })).toThrow(/verplicht/);
  });
});
