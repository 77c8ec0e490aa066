// SPDX-License-Identifier: EUPL-1.2
// The assumptions behind the synthetic national register, in one place: national targets from the
// seed (monitor Kansrijke Start 2023, Table 1), how much more often families in a vulnerable
// situation meet each outcome, trends over the years and regional variation. Pure: the generator
// turns a plan per municipality × year into rows.
import { inverseStandardNormal, mulberry32, seedFromKey, standardNormal } from './random.js';

/** A binary outcome: its national rate in the anchor year and how it differs by group and year. */
export interface OutcomeTarget {
  /** National proportion in `anchorYear` over the outcome's own population (births, live births, parents). */
  national: number;
  anchorYear: number;
  /** Risk in vulnerable families relative to the others (an assumption: the seed gives no split). */
  vulnerableRelativeRisk: number;
  /** Relative change per year, e.g. -0.01 = one percent lower each year. */
  relativeTrendPerYear: number;
}

/** National vulnerable share of births: seed indicator "kinderen geboren in een kwetsbare situatie" 6.8% (2021). */
export const VULNERABLE_SHARE = { national: 0.068, anchorYear: 2021, relativeTrendPerYear: -0.015 };

/**
 * Big2 by group, seed 2021: 20.7% vulnerable, 14.8% nationally. The seed's 14.2% for the others does
 * not add up with 14.8% overall and a 6.8% vulnerable share (that would give 14.6%), so we keep the
 * national and the vulnerable figure and let the others come out at ≈ 14.4%.
 */
export const BIG2 = { national: 0.148, vulnerable: 0.207, anchorYear: 2021, relativeTrendPerYear: -0.01 };

export const OUTCOMES = {
  /** Born before 37 weeks, ≈ 7% of births ≥ 24 weeks in Perined; the rest of Big2 is SGA. */
  preterm: { national: 0.07, anchorYear: 2021, vulnerableRelativeRisk: 1.5, relativeTrendPerYear: -0.01 },
  /** Seed 4.8% (2022), "nagenoeg gelijk": no trend. Share of live births. */
  noKraamzorg: { national: 0.048, anchorYear: 2022, vulnerableRelativeRisk: 2.5, relativeTrendPerYear: 0 },
  /** Seed 1.6 per 1,000 (2022), falling. */
  outOfHomePlacement: { national: 0.0016, anchorYear: 2022, vulnerableRelativeRisk: 10, relativeTrendPerYear: -0.03 },
  /** Seed 1.6% (2021), per parent (pregnant person and partner); debts fell (monitor 2022). */
  problematicDebt: { national: 0.016, anchorYear: 2021, vulnerableRelativeRisk: 6, relativeTrendPerYear: -0.02 },
  /** Seed 5.8% (2022), rising. */
  negativeSpeechLanguage: { national: 0.058, anchorYear: 2022, vulnerableRelativeRisk: 2, relativeTrendPerYear: 0.02 },
  /** Seed 8.9% (2022), rising. */
  overweightAtTwo: { national: 0.089, anchorYear: 2022, vulnerableRelativeRisk: 1.4, relativeTrendPerYear: 0.01 },
  /**
   * First antenatal visit after day 70. The seed gives no value (×); ASSUMPTION: ≈ 20% nationally,
   * twice as often in vulnerable families, slowly falling (monitor 2022: slightly more women start
   * before week 10). Share of births with a known first visit.
   */
  lateAntenatalCare: { national: 0.2, anchorYear: 2021, vulnerableRelativeRisk: 1.8, relativeTrendPerYear: -0.01 },
} satisfies Record<string, OutcomeTarget>;

/** Other shares the rows need (assumptions, roughly Perined / CBS orders of magnitude). */
export const SHARES = {
  male: 0.512,
  /** Share of CHILDREN born in a multiple birth; the generator makes them as twins (two rows, one pregnancy). */
  multiple: 0.017,
  pretermAmongMultiples: 0.5,
  stillbirthTerm: 0.0015,
  stillbirthPreterm: 0.04,
  singleParent: { notVulnerable: 0.06, vulnerable: 0.3 },
  firstVisitUnknown: 0.02,
  /** JGZ sees about 94% of two-year-olds; the rest have no speech-language or weight outcome. */
  outcomeAtTwoKnown: 0.94,
};

/** ≈ 9.5 live births per 1,000 inhabitants nationally (CBS). */
export const BIRTHS_PER_INHABITANT = 0.0095;

/**
 * National births per year relative to 170,000 (CBS StatLine live births, rounded; 2023 and 2024
 * approximate). Other years use 1.
 */
const YEAR_FACTORS: Record<number, number> = {
  2019: 169_700 / 170_000,
  2020: 168_700 / 170_000,
  2021: 179_000 / 170_000,
  2022: 167_500 / 170_000,
  2023: 163_000 / 170_000,
  2024: 165_000 / 170_000,
};

/**
 * Municipalities known for a concentration of deprivation (big cities, East Groningen, Parkstad
 * Limburg, …): their vulnerable share and outcomes are pushed up on top of the density effect.
 */
export const DEPRIVED_MUNICIPALITIES = new Set([
  'GM0599', // Rotterdam
  'GM0518', // 's-Gravenhage
  'GM0363', // Amsterdam
  'GM0014', // Groningen
  'GM0765', // Pekela
  'GM1895', // Oldambt
  'GM0047', // Veendam
  'GM0037', // Stadskanaal
  'GM1952', // Midden-Groningen
  'GM1979', // Eemsdelta
  'GM0917', // Heerlen
  'GM0928', // Kerkrade
  'GM0899', // Brunssum
  'GM0882', // Landgraaf
  'GM0400', // Den Helder
  'GM0606', // Schiedam
]);

const DENSITY_EFFECT_ON_LOGIT = 0.35;
const DEPRIVED_EFFECT_ON_LOGIT = 1.0;
const MUNICIPAL_EFFECT_SD = 0.25;
const HEALTH_EFFECT_SD = 0.08;
const BIRTHS_NOISE_SD = 0.05;

export interface MunicipalityInput {
  code: string;
  population: number;
  populationDensityPerKm2: number;
}

/** Probabilities for one group (vulnerable or not) in one municipality and year. */
export interface GroupProbabilities {
  preterm: number;
  smallForGestationalAge: number;
  noKraamzorg: number;
  outOfHomePlacement: number;
  problematicDebt: number;
  negativeSpeechLanguage: number;
  overweightAtTwo: number;
  lateAntenatalCare: number;
  singleParent: number;
}

export interface MunicipalityYearPlan {
  municipalityCode: string;
  year: number;
  births: number;
  vulnerableShare: number;
  vulnerable: GroupProbabilities;
  notVulnerable: GroupProbabilities;
  /** Through this year the outcomes at age two are known (later children are not yet two). */
  outcomesKnownThroughYear: number;
}

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const clampProbability = (p: number) => Math.min(Math.max(p, 0), 0.95);

function trendFactor(anchorYear: number, relativeTrendPerYear: number, year: number): number {
  return Math.pow(1 + relativeTrendPerYear, year - anchorYear);
}

/**
 * Splits a national rate into a rate for each group so that, with the national vulnerable share,
 * the weighted mean equals the target. `weights` = the outcome's population per child in each group
 * (e.g. parents per child for debts).
 */
export function splitByGroup(
  national: number,
  relativeRisk: number,
  vulnerableShare: number,
  weights = { vulnerable: 1, notVulnerable: 1 },
): { vulnerable: number; notVulnerable: number } {
  const vulnerableWeight = vulnerableShare * weights.vulnerable;
  const otherWeight = (1 - vulnerableShare) * weights.notVulnerable;
  const notVulnerable = (national * (vulnerableWeight + otherWeight)) / (otherWeight + vulnerableWeight * relativeRisk);
  return { vulnerable: notVulnerable * relativeRisk, notVulnerable };
}

/** Per-municipality fixed effects: the same whatever years or subset are generated. */
function municipalEffects(code: string) {
  const random = mulberry32(seedFromKey(`${code}:effects`));
  return {
    vulnerability: MUNICIPAL_EFFECT_SD * standardNormal(random(), random()),
    health: HEALTH_EFFECT_SD * standardNormal(random(), random()),
  };
}

/**
 * One plan per municipality × year. `municipalities` must be the full national list (the
 * calibration is national); `only` restricts which plans are returned.
 */
export function planSyntheticBirths(
  municipalities: MunicipalityInput[],
  years: number[],
  options: { scale?: number; only?: ReadonlySet<string>; outcomesKnownThroughYear?: number } = {},
): MunicipalityYearPlan[] {
  const scale = options.scale ?? 1;
  const outcomesKnownThroughYear = options.outcomesKnownThroughYear ?? 2022;
  const totalPopulation = municipalities.reduce((sum, municipality) => sum + municipality.population, 0);
  const meanLogDensity =
    municipalities.reduce((sum, municipality) => sum + municipality.population * Math.log(municipality.populationDensityPerKm2), 0) /
    totalPopulation;
  const profiles = municipalities.map((municipality) => {
    const effects = municipalEffects(municipality.code);
    const isDeprived = DEPRIVED_MUNICIPALITIES.has(municipality.code);
    const densityTerm = DENSITY_EFFECT_ON_LOGIT * (Math.log(municipality.populationDensityPerKm2) - meanLogDensity);
    return {
      municipality,
      vulnerabilityLogit: densityTerm + effects.vulnerability + (isDeprived ? DEPRIVED_EFFECT_ON_LOGIT : 0),
      // Area health beyond vulnerability: a little worse in dense and deprived places.
      health: Math.exp(effects.health + 0.05 * densityTerm + (isDeprived ? 0.08 : 0)),
    };
  });
  // Normalise so that the population-weighted mean health multiplier is 1: national rates stay on target.
  const meanHealth = profiles.reduce((sum, profile) => sum + profile.municipality.population * profile.health, 0) / totalPopulation;

  const plans: MunicipalityYearPlan[] = [];
  for (const year of years) {
    const nationalVulnerable = VULNERABLE_SHARE.national * trendFactor(VULNERABLE_SHARE.anchorYear, VULNERABLE_SHARE.relativeTrendPerYear, year);
    const intercept = solveIntercept(profiles, nationalVulnerable, totalPopulation);
    const national = nationalGroupProbabilities(year, nationalVulnerable);
    for (const profile of profiles) {
      const { code, population } = profile.municipality;
      if (options.only && !options.only.has(code)) continue;
      const random = mulberry32(seedFromKey(`${code}:${year}:births`));
      const noise = Math.exp(BIRTHS_NOISE_SD * standardNormal(random(), random()));
      const births = Math.round(population * BIRTHS_PER_INHABITANT * (YEAR_FACTORS[year] ?? 1) * noise) * scale;
      const health = profile.health / meanHealth;
      const adjust = (group: GroupProbabilities): GroupProbabilities => ({
        ...group,
        preterm: clampProbability(group.preterm * health),
        smallForGestationalAge: clampProbability(group.smallForGestationalAge * health),
        negativeSpeechLanguage: clampProbability(group.negativeSpeechLanguage * health),
        overweightAtTwo: clampProbability(group.overweightAtTwo * health),
        lateAntenatalCare: clampProbability(group.lateAntenatalCare * health),
      });
      plans.push({
        municipalityCode: code,
        year,
        births,
        vulnerableShare: logistic(intercept + profile.vulnerabilityLogit),
        vulnerable: adjust(national.vulnerable),
        notVulnerable: adjust(national.notVulnerable),
        outcomesKnownThroughYear,
      });
    }
  }
  return plans;
}

/** Bisection on the logit intercept so that the population-weighted vulnerable share hits the target. */
function solveIntercept(profiles: { municipality: MunicipalityInput; vulnerabilityLogit: number }[], target: number, totalPopulation: number): number {
  let low = -10;
  let high = 5;
  for (let iteration = 0; iteration < 60; iteration++) {
    const middle = (low + high) / 2;
    const share =
      profiles.reduce((sum, profile) => sum + profile.municipality.population * logistic(middle + profile.vulnerabilityLogit), 0) / totalPopulation;
    if (share < target) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

function nationalGroupProbabilities(year: number, vulnerableShare: number): { vulnerable: GroupProbabilities; notVulnerable: GroupProbabilities } {
  const rate = (target: OutcomeTarget, weights?: { vulnerable: number; notVulnerable: number }) =>
    splitByGroup(target.national * trendFactor(target.anchorYear, target.relativeTrendPerYear, year), target.vulnerableRelativeRisk, vulnerableShare, weights);
  const big2Trend = trendFactor(BIG2.anchorYear, BIG2.relativeTrendPerYear, year);
  const big2Vulnerable = BIG2.vulnerable * big2Trend;
  const big2Others = (BIG2.national * big2Trend - vulnerableShare * big2Vulnerable) / (1 - vulnerableShare);
  const preterm = rate(OUTCOMES.preterm);
  // Preterm and SGA independent within a group: Big2 = 1 − (1 − preterm)(1 − SGA).
  const sga = (big2: number, pretermRate: number) => 1 - (1 - big2) / (1 - pretermRate);
  const parentsPerChild = {
    vulnerable: 2 - SHARES.singleParent.vulnerable,
    notVulnerable: 2 - SHARES.singleParent.notVulnerable,
  };
  const debt = rate(OUTCOMES.problematicDebt, parentsPerChild);
  const noKraamzorg = rate(OUTCOMES.noKraamzorg);
  const placement = rate(OUTCOMES.outOfHomePlacement);
  const speech = rate(OUTCOMES.negativeSpeechLanguage);
  const overweight = rate(OUTCOMES.overweightAtTwo);
  const late = rate(OUTCOMES.lateAntenatalCare);
  const group = (key: 'vulnerable' | 'notVulnerable', big2: number): GroupProbabilities => ({
    preterm: preterm[key],
    smallForGestationalAge: sga(big2, preterm[key]),
    noKraamzorg: noKraamzorg[key],
    outOfHomePlacement: placement[key],
    problematicDebt: debt[key],
    negativeSpeechLanguage: speech[key],
    overweightAtTwo: overweight[key],
    lateAntenatalCare: late[key],
    singleParent: SHARES.singleParent[key],
  });
  return { vulnerable: group('vulnerable', big2Vulnerable), notVulnerable: group('notVulnerable', big2Others) };
}

/** The z-score shift that makes P(weight < p10) equal the wanted SGA probability. */
export function zShiftForSgaProbability(probability: number): number {
  return inverseStandardNormal(0.1) - inverseStandardNormal(probability);
}
