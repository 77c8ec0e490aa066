// SPDX-License-Identifier: EUPL-1.2
import { describe, expect, it } from 'vitest';
import { KANSRIJK_SIGNALERING_V1 as Q } from '../../screening/instruments/shipped-instruments.js';
import { computeFactorProfile } from '../../screening/factor-profile.js';
import { code, PREGNANT_WITH_DEBTS_AND_STRESS } from '../../screening/test-support.js';
import { DEMO_PATHWAYS } from './demo-pathways.js';
import { findPathwaysForProfile, pathwaySchema, pathwaySetSchema, scopeKeyOf } from './pathway.js';

describe('findPathwaysForProfile', () => {
  const profile = computeFactorProfile(Q, PREGNANT_WITH_DEBTS_AND_STRESS);

  it("picks Dordrecht's own pathways for debts and stress, over the coalition's", () => {
    const found = findPathwaysForProfile(profile, 'GM0505', 'KS0001', DEMO_PATHWAYS);
    expect(found.map((entry) => [entry.factorKey, entry.level, entry.pathway && scopeKeyOf(entry.pathway.scope)])).toEqual([
      ['stress', 'municipality', 'GM0505'],
      ['money-debts', 'municipality', 'GM0505'],
    ]);
  });

  it("falls back to the coalition's pathway for another member municipality", () => {
    const found = findPathwaysForProfile(profile, 'GM0482', 'KS0001', DEMO_PATHWAYS);
    expect(found.find((entry) => entry.factorKey === 'money-debts')).toMatchObject({ level: 'coalition' });
    expect(found.find((entry) => entry.factorKey === 'stress')).toMatchObject({ level: null, pathway: null });
  });

  it('uses coalition pathways in Dordrecht where the municipality has none', () => {
    const withViolence = computeFactorProfile(Q, { ...PREGNANT_WITH_DEBTS_AND_STRESS, 'omgeving.geweld': [true], 'omgeving.wonen': [code('homeless')] });
    const found = findPathwaysForProfile(withViolence, 'GM0505', 'KS0001', DEMO_PATHWAYS);
    expect(found.find((entry) => entry.factorKey === 'domestic-violence')).toMatchObject({ level: 'coalition' });
    expect(found.find((entry) => entry.factorKey === 'housing')).toMatchObject({ level: 'coalition' });
  });

  it('without a coalition, only municipal pathways', () => {
    const found = findPathwaysForProfile(profile, 'GM0014', null, DEMO_PATHWAYS);
    expect(found.every((entry) => entry.pathway === null)).toBe(true);
  });
});

describe('pathway schema and demo data', () => {
  it('covers the required factors, with placeholder contacts only', () => {
    const keys = new Set(DEMO_PATHWAYS.map((pathway) => pathway.factorKey));
    for (const key of ['money-debts', 'stress', 'mental-health', 'smoking', 'domestic-violence', 'housing', 'social-network']) expect(keys).toContain(key);
    for (const service of DEMO_PATHWAYS.flatMap((pathway) => pathway.steps.flatMap((step) => step.services))) {
      if (service.contact.phone) expect(service.contact.phone).toMatch(/^0800-000000\d$/);
      if (service.contact.email) expect(service.contact.email).toMatch(/@example\.nl$/);
      if (service.contact.website) expect(service.contact.website).toMatch(/example\.nl/);
      expect(service.organisationName).toContain('(demo)');
    }
  });

  it('rejects two pathways for the same factor and scope, and unknown factors, in Dutch', () => {
    const [first] = DEMO_PATHWAYS;
    const duplicate = pathwaySetSchema.safeParse([first, first]);
    expect(duplicate.success).toBe(false);
    expect(duplicate.error?.issues[0]?.message).toContain('Er is al een zorgpad');
    const unknown = pathwaySchema.safeParse({ ...first, factorKey: 'zodiac-sign' });
    expect(unknown.error?.issues[0]?.message).toContain('Onbekende factor');
  });
});
