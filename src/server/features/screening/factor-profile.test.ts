// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KANSRIJK_SIGNALERING_V1 as Q } from './instruments/shipped-instruments.js';
import { computeFactorProfile, suggestedSupportTier, type FactorProfile } from './factor-profile.js';
import { evaluateEnabledItems } from './questionnaire-response.js';
import { flattenItems } from './questionnaire-schema.js';
import { arbitraryAnswers, arbitraryValue } from './answer-arbitrary.js';
import { code, PREGNANT_WITH_DEBTS_AND_STRESS } from './test-support.js';

const domainOf = (profile: FactorProfile, domain: string) => profile.domains.find((candidate) => candidate.domain === domain)!;

describe('computeFactorProfile: worked example', () => {
  const profile = computeFactorProfile(Q, PREGNANT_WITH_DEBTS_AND_STRESS);

  it('a pregnant client with debts and stress and a supportive partner', () => {
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
  const base = computeFactorProfile(Q, PREGNANT_WITH_DEBTS_AND_STRESS);

  it('risk factors or some concern: extra', () => {
    expect(suggestedSupportTier(base)).toBe('extra');
  });

  it('nothing found and no concern: universal; the nurse may raise it, never lower it', () => {
    const calm = computeFactorProfile(Q, { ...PREGNANT_WITH_DEBTS_AND_STRESS, 'omgeving.geld': [code('enough')], 'leefstijl.stress': [code('little')], 'professional.zorg': [code('none')] });
    expect(suggestedSupportTier(calm)).toBe('universal');
    expect(suggestedSupportTier(calm, 'intensive')).toBe('intensive');
    expect(suggestedSupportTier(base, 'universal')).toBe('extra');
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
