// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KANSRIJK_SIGNALERING_V1 as Q } from './instruments/shipped-instruments.js';
import { computeFactorProfile, suggestedSupportTier, type FactorProfile } from './factor-profile.js';
import { evaluateEnabledItems } from '../../../contracts/screening/questionnaire-response.js';
import { flattenItems } from '../../../contracts/screening/questionnaire-schema.js';
import { arbitraryAnswers, arbitraryValue } from './answer-arbitrary.js';
import { code, PREGNANT_WITH_DEBTS_AND_STRESS } from './test-support.js';

const domainOf = (profile: FactorProfile, domain: string) => profile.domains.find((candidate) => candidate.domain === domain)!;

describe('computeFactorProfile: worked example', () => {
  // Computed inside the tests, not while collecting them: a crash must fail a test, not the file.
  it('a pregnant client with debts and stress and a supportive partner', () => {
    const profile = computeFactorProfile(Q, PREGNANT_WITH_DEBTS_AND_STRESS);
    expect(domainOf(profile, 'environment').risks).toEqual([{ key: 'money-debts', label: 'Geldzorgen of schulden' }]);
    expect(domainOf(profile, 'lifestyle').risks).toEqual([{ key: 'stress', label: 'Veel stress' }]);
    expect(domainOf(profile, 'environment').protectives).toContainEqual({ key: 'partner-support', label: 'Steun van partner' });
    expect(domainOf(profile, 'parent').risks).toEqual([]);
    expect(domainOf(profile, 'child')).toMatchObject({ risks: [], protectives: [] });
    expect(profile.accumulation).toMatchObject({ domainsWithRisk: 2, riskFactorCount: 2 });
    expect(profile.professional).toEqual({ concern: 'some', judgement: 'Schulden geven veel spanning; partner is betrokken.', isHelpWanted: null });
    expect(profile.questionnaire).toBe(`${Q.url}|1.0.0`);
  });

  it('lists a factor with both a risk and a protective answer as a risk only', () => {
    const smokingPartner = computeFactorProfile(Q, { ...PREGNANT_WITH_DEBTS_AND_STRESS, 'leefstijl.meeroken': [true] });
    expect(domainOf(smokingPartner, 'lifestyle').risks.map((risk) => risk.key)).toContain('smoking');
    expect(domainOf(smokingPartner, 'lifestyle').protectives.map((protective) => protective.key)).not.toContain('smoking');
  });

  it('child factors count only after birth; a birth weight below 2500 g is a risk', () => {
    const born = computeFactorProfile(Q, { ...PREGNANT_WITH_DEBTS_AND_STRESS, 'situatie.fase': [code('born')], 'kind.geboortegewicht': [2100] });
    expect(domainOf(born, 'child').risks.map((risk) => risk.key)).toEqual(['low-birth-weight']);
    const pregnant = computeFactorProfile(Q, { ...PREGNANT_WITH_DEBTS_AND_STRESS, 'kind.geboortegewicht': [2100] });
    expect(domainOf(pregnant, 'child').risks).toEqual([]);
  });
});

describe('suggestedSupportTier', () => {
  it('risk factors or some concern: extra', () => {
    expect(suggestedSupportTier(computeFactorProfile(Q, PREGNANT_WITH_DEBTS_AND_STRESS))).toBe('extra');
  });

  it('nothing found and no concern: universal; the nurse may raise it, never lower it', () => {
    const calm = computeFactorProfile(Q, { ...PREGNANT_WITH_DEBTS_AND_STRESS, 'omgeving.geld': [code('enough')], 'leefstijl.stress': [code('little')], 'professional.zorg': [code('none')] });
    expect(suggestedSupportTier(calm)).toBe('universal');
    expect(suggestedSupportTier(calm, 'intensive')).toBe('intensive');
    expect(suggestedSupportTier(computeFactorProfile(Q, PREGNANT_WITH_DEBTS_AND_STRESS), 'universal')).toBe('extra');
  });

  it('domestic violence, serious concern or risk in 3 domains: intensive', () => {
    expect(suggestedSupportTier(computeFactorProfile(Q, { ...PREGNANT_WITH_DEBTS_AND_STRESS, 'omgeving.geweld': [true] }))).toBe('intensive');
    expect(suggestedSupportTier(computeFactorProfile(Q, { ...PREGNANT_WITH_DEBTS_AND_STRESS, 'professional.zorg': [code('serious')] }))).toBe('intensive');
    const threeDomains = computeFactorProfile(Q, { ...PREGNANT_WITH_DEBTS_AND_STRESS, 'ouder.lezen': [true] });
    expect(threeDomains.accumulation.domainsWithRisk).toBe(3);
    expect(suggestedSupportTier(threeDomains)).toBe('intensive');
  });
});

describe('properties', () => {
  it('answers to disabled items never influence the profile', () => {
    const items = flattenItems(Q.item).map(({ item }) => item);
    fc.assert(
      fc.property(arbitraryAnswers(Q), fc.infiniteStream(fc.boolean()), fc.nat(), (answers, coin, seed) => {
        const { enabledLinkIds } = evaluateEnabledItems(Q, answers);
        const changed: Record<string, readonly unknown[]> = { ...answers };
        let index = seed;
        for (const item of items) {
          if (enabledLinkIds.has(item.linkId)) continue;
          const arbitrary = arbitraryValue(item);
          if (!arbitrary) continue;
          // Any value of the right type, or none: sampled deterministically from the seed.
          if (coin.next().value) changed[item.linkId] = fc.sample(arbitrary, { seed: index++, numRuns: 1 });
          else delete changed[item.linkId];
        }
        expect(computeFactorProfile(Q, changed as never)).toEqual(computeFactorProfile(Q, answers));
      }),
      { numRuns: 200 },
    );
  });

  it('the profile is deterministic and accumulation matches the domains', () => {
    fc.assert(
      fc.property(arbitraryAnswers(Q), (answers) => {
        const profile = computeFactorProfile(Q, answers);
        expect(computeFactorProfile(Q, Object.fromEntries(Object.entries(answers).reverse()))).toEqual(profile);
        expect(profile.accumulation.domainsWithRisk).toBe(profile.domains.filter((domain) => domain.risks.length > 0).length);
        expect(['universal', 'extra', 'intensive']).toContain(suggestedSupportTier(profile));
      }),
      { numRuns: 200 },
    );
  });
});

describe('suggestedSupportTier: every rule at its boundary', () => {
  const profileWith = (input: { concern?: 'none' | 'some' | 'serious' | null; risks?: string[][]; riskFactorCount?: number }): FactorProfile => {
    const risks = input.risks ?? [];
    return {
      questionnaire: 'test|1',
      domains: risks.map((keys, index) => ({ domain: `d${index}` as never, label: `D${index}`, risks: keys.map((key) => ({ key, label: key })), protectives: [] })),
      professional: { concern: input.concern ?? null, judgement: null, isHelpWanted: null },
      accumulation: {
        domainsWithRisk: risks.filter((keys) => keys.length > 0).length,
        riskFactorCount: input.riskFactorCount ?? risks.flat().length,
        protectiveFactorCount: 0,
      },
    };
  };

  it.each([
    // concern, risk keys per domain, expected
    [null, [], 'universal'],
    ['none', [[], []], 'universal'],
    ['some', [], 'extra'],
    ['serious', [], 'intensive'],
    [null, [['stress']], 'extra'],
    [null, [['stress'], ['money-debts']], 'extra'],
    [null, [['stress'], ['money-debts'], ['low-literacy']], 'intensive'],
    [null, [['a', 'b', 'c', 'd']], 'extra'],
    [null, [['a', 'b', 'c', 'd', 'e']], 'intensive'],
    [null, [['a', 'b'], ['c', 'd']], 'extra'],
    [null, [[], ['domestic-violence']], 'intensive'],
    ['none', [['domestic-violence']], 'intensive'],
  ] as const)('concern %s, risks %j: %s', (concern, risks, expected) => {
    expect(suggestedSupportTier(profileWith({ concern, risks: risks.map((keys) => [...keys]) }))).toBe(expected);
  });

  it.each([
    ['universal', 'universal', 'universal'],
    ['universal', 'extra', 'extra'],
    ['universal', 'intensive', 'intensive'],
    ['extra', 'universal', 'extra'],
    ['extra', 'extra', 'extra'],
    ['extra', 'intensive', 'intensive'],
    ['intensive', 'universal', 'intensive'],
    ['intensive', 'extra', 'intensive'],
  ] as const)('rule says %s, nurse says %s: %s (the nurse only raises it)', (rule, nurse, expected) => {
    const profile = { universal: profileWith({}), extra: profileWith({ concern: 'some' }), intensive: profileWith({ concern: 'serious' }) }[rule];
    expect(suggestedSupportTier(profile, nurse)).toBe(expected);
  });
});

describe('computeFactorProfile on a small instrument: every kind of signal, exactly', () => {
  const BASE = 'https://kansrijk.nl/fhir/StructureDefinition/';
  const SYSTEM = 'https://kansrijk.nl/fhir/CodeSystem/signalering-antwoord';
  const ext = (name: string, value: Record<string, unknown>) => ({ url: `${BASE}${name}`, ...value });
  const option = (code: string, signal?: string) => ({ valueCoding: { system: SYSTEM, code }, ...(signal ? { extension: [ext('signal', { valueCode: signal })] } : {}) });
  const coding = (value: string) => ({ system: SYSTEM, code: value });
  const SMALL = {
    resourceType: 'Questionnaire',
    url: 'https://example.org/Questionnaire/small',
    version: '2.1.0',
    status: 'active',
    item: [
      { linkId: 'geld', type: 'choice', text: 'Geld', extension: [ext('factor-key', { valueCode: 'money-debts' })], answerOption: [option('enough', 'protective'), option('tight'), option('worries', 'risk'), option('odd', 'sideways')] },
      { linkId: 'stress', type: 'choice', text: 'Stress', extension: [ext('factor-key', { valueCode: 'stress' })], answerOption: [option('little', 'protective'), option('much', 'risk')] },
      { linkId: 'geweld', type: 'boolean', text: 'Geweld', extension: [ext('factor-key', { valueCode: 'domestic-violence' }), ext('signal-if-true', { valueCode: 'risk' }), ext('signal-if-false', { valueCode: 'protective' })] },
      { linkId: 'steun', type: 'boolean', text: 'Steun', extension: [ext('factor-key', { valueCode: 'partner-support' }), ext('signal-if-true', { valueCode: 'protective' }), ext('signal-if-false', { valueCode: 'odd' })] },
      { linkId: 'gewicht', type: 'integer', text: 'Gewicht', extension: [ext('factor-key', { valueCode: 'low-birth-weight' }), ext('risk-if-below', { valueDecimal: 2500 })] },
      { linkId: 'bmi', type: 'decimal', text: 'BMI', extension: [ext('factor-key', { valueCode: 'weight' }), ext('risk-if-below', { valueDecimal: 18.5 })] },
      { linkId: 'roken', type: 'choice', text: 'Roken', extension: [ext('factor-key', { valueCode: 'smoking' })], answerOption: [option('none', 'protective'), option('some', 'risk'), option('serious', 'risk')] },
      { linkId: 'toelichting', type: 'string', text: 'Toelichting' },
      { linkId: 'onbekend', type: 'boolean', text: 'Onbekend', extension: [ext('factor-key', { valueCode: 'not-in-catalogue' }), ext('signal-if-true', { valueCode: 'risk' })] },
      { linkId: 'zonder', type: 'boolean', text: 'Zonder factor', extension: [ext('signal-if-true', { valueCode: 'risk' })] },
      { linkId: 'zorg', type: 'choice', text: 'Zorg', extension: [ext('professional-assessment', { valueCode: 'concern-level' })], answerOption: [option('none'), option('some'), option('serious'), option('extreme')] },
      { linkId: 'oordeel', type: 'string', text: 'Oordeel', extension: [ext('professional-assessment', { valueCode: 'judgement' })] },
      { linkId: 'hulp', type: 'boolean', text: 'Hulp', extension: [ext('professional-assessment', { valueCode: 'help-wanted' })] },
    ],
  } as unknown as Parameters<typeof computeFactorProfile>[0];
  const profileOf = (answers: Record<string, unknown[]>) => computeFactorProfile(SMALL, answers as never);
  const keys = (profile: FactorProfile) => profile.domains.map((domain) => [domain.domain, domain.risks.map((f) => f.key), domain.protectives.map((f) => f.key)]);

  it('nothing answered: every domain in order with its label, nothing found', () => {
    expect(profileOf({})).toEqual({
      questionnaire: 'https://example.org/Questionnaire/small|2.1.0',
      domains: [
        { domain: 'lifestyle', label: 'Leefstijl voor en tijdens de zwangerschap', risks: [], protectives: [] },
        { domain: 'parent', label: 'Ouder', risks: [], protectives: [] },
        { domain: 'environment', label: 'Omgeving en gezin', risks: [], protectives: [] },
        { domain: 'child', label: 'Kind (na de geboorte)', risks: [], protectives: [] },
      ],
      professional: { concern: null, judgement: null, isHelpWanted: null },
      accumulation: { domainsWithRisk: 0, riskFactorCount: 0, protectiveFactorCount: 0 },
    });
  });

  it('risks with their risk labels, protectives with their protective labels, counted', () => {
    const profile = profileOf({ geld: [coding('worries')], stress: [coding('little')], geweld: [false], steun: [true], gewicht: [2499] });
    expect(profile.domains.map((domain) => [domain.domain, domain.risks, domain.protectives])).toEqual([
      ['lifestyle', [], [{ key: 'stress', label: 'Weinig stress' }]],
      ['parent', [], []],
      ['environment', [{ key: 'money-debts', label: 'Geldzorgen of schulden' }], [{ key: 'partner-support', label: 'Steun van partner' }, { key: 'domestic-violence', label: 'Veilige thuissituatie' }]],
      ['child', [{ key: 'low-birth-weight', label: 'Laag geboortegewicht (onder 2500 gram)' }], []],
    ]);
    expect(profile.accumulation).toEqual({ domainsWithRisk: 2, riskFactorCount: 2, protectiveFactorCount: 3 });
  });

  it('an option or answer without a known signal, a factor outside the catalogue and an item without a factor count for nothing', () => {
    expect(keys(profileOf({ geld: [coding('tight')], steun: [false], onbekend: [true], zonder: [true] }))).toEqual([
      ['lifestyle', [], []],
      ['parent', [], []],
      ['environment', [], []],
      ['child', [], []],
    ]);
    expect(profileOf({ geld: [coding('tight')], steun: [false], onbekend: [true], zonder: [true] }).accumulation).toEqual({ domainsWithRisk: 0, riskFactorCount: 0, protectiveFactorCount: 0 });
    expect(keys(profileOf({ geld: [coding('odd')] }))[2]).toEqual(['environment', [], []]);
    expect(keys(profileOf({ geld: [{ system: 'https://elsewhere', code: 'worries' }] }))[2]).toEqual(['environment', [], []]);
  });

  it('a number at the threshold is no risk; below it is; a true/false answer signals by its own extension', () => {
    expect(keys(profileOf({ gewicht: [2500] }))[3]).toEqual(['child', [], []]);
    expect(keys(profileOf({ gewicht: [2499.5] }))[3]).toEqual(['child', ['low-birth-weight'], []]);
    expect(keys(profileOf({ geweld: [true] }))[2]).toEqual(['environment', ['domestic-violence'], []]);
    expect(keys(profileOf({ geweld: [false] }))[2]).toEqual(['environment', [], ['domestic-violence']]);
  });

  it('a risk and a protective answer on one factor (several answers): listed once, as a risk', () => {
    const profile = profileOf({ geld: [coding('enough'), coding('worries')] });
    expect(keys(profile)[2]).toEqual(['environment', ['money-debts'], []]);
    expect(profile.accumulation).toEqual({ domainsWithRisk: 1, riskFactorCount: 1, protectiveFactorCount: 0 });
  });

  it('a decimal signals by its threshold too', () => {
    expect(keys(profileOf({ bmi: [18.4] }))[0]).toEqual(['lifestyle', ['weight'], []]);
    expect(keys(profileOf({ bmi: [18.5] }))[0]).toEqual(['lifestyle', [], []]);
  });

  it('only the professional\'s own questions give the assessment: the same codes or text elsewhere do not', () => {
    // 'some' and 'serious' are also codes of the concern question; free text is not a judgement.
    const profile = profileOf({ roken: [coding('serious')], toelichting: ['Rookt buiten'], steun: [true] });
    expect(profile.professional).toEqual({ concern: null, judgement: null, isHelpWanted: null });
    expect(keys(profile)[0]).toEqual(['lifestyle', ['smoking'], []]);
  });

  // The answers are validated before they are stored; the profile still trusts nothing it is given.
  it.each([
    ['a text to a yes/no question', { geweld: ['ja'] }],
    ['a choice to a yes/no question', { geweld: [coding('worries')] }],
    ['a text to a number question', { gewicht: ['2000'] }],
    ['a yes/no to a number question', { bmi: [true] }],
    ['a text to the help question', { hulp: ['ja'] }],
    ['a number to the judgement question', { oordeel: [42] }],
    ['a text to the concern question', { zorg: ['serious'] }],
  ])('an answer of the wrong type counts for nothing: %s', (_, answers) => {
    expect(profileOf(answers as Record<string, unknown[]>)).toEqual(profileOf({}));
  });

  it.each([
    [{ zorg: [coding('serious')], oordeel: ['  Zorgen over de veiligheid  '], hulp: [true] }, { concern: 'serious', judgement: '  Zorgen over de veiligheid  ', isHelpWanted: true }],
    [{ zorg: [coding('none')], oordeel: ['   '], hulp: [false] }, { concern: 'none', judgement: null, isHelpWanted: false }],
    [{ zorg: [coding('extreme')] }, { concern: null, judgement: null, isHelpWanted: null }],
    [{ zorg: [coding('some')], oordeel: [''] }, { concern: 'some', judgement: null, isHelpWanted: null }],
  ])('the professional\'s own assessment: %j', (answers, professional) => {
    expect(profileOf(answers as Record<string, unknown[]>).professional).toEqual(professional);
  });
});
