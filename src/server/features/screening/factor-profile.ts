// SPDX-License-Identifier: EUPL-1.2
// The result of a screening is a factor profile, not a score: per life domain which risk and which
// protective factors were found, what the professional thinks, and how many domains carry risk.
// Vulnerability is an imbalance between the two kinds of factors (Erasmus MC definition), and
// weighing them is the professional's and the parent's conversation — so we show, we do not add up.
import { FACTOR_CATALOGUE, LIFE_DOMAINS, LIFE_DOMAIN_LABELS, type FactorDefinition, type LifeDomain } from '../../../contracts/screening/factor-catalogue.js';
import {
  canonicalOf,
  EXTENSION_URLS,
  extensionValue,
  flattenItems,
  sameCoding,
  type Coding,
  type Questionnaire,
  type QuestionnaireItem,
  type Signal,
} from '../../../contracts/screening/questionnaire-schema.js';
import { evaluateEnabledItems, type Answers, type AnswerValue } from '../../../contracts/screening/questionnaire-response.js';

export interface FactorFinding {
  readonly key: string;
  readonly label: string;
}

export interface DomainFindings {
  readonly domain: LifeDomain;
  readonly label: string;
  readonly risks: readonly FactorFinding[];
  readonly protectives: readonly FactorFinding[];
}

export const CONCERN_LEVELS = ['none', 'some', 'serious'] as const;
export type ConcernLevel = (typeof CONCERN_LEVELS)[number];

export interface FactorProfile {
  /** `url|version` of the instrument answered. */
  readonly questionnaire: string;
  /** Every life domain, in the model's order, also when nothing was found there. */
  readonly domains: readonly DomainFindings[];
  readonly professional: {
    readonly concern: ConcernLevel | null;
    readonly judgement: string | null;
    readonly isHelpWanted: boolean | null;
  };
  readonly accumulation: {
    /** Number of life domains with at least one risk factor: the accumulation that matters. */
    readonly domainsWithRisk: number;
    readonly riskFactorCount: number;
    readonly protectiveFactorCount: number;
  };
}

function signalsOf(item: QuestionnaireItem, values: readonly AnswerValue[]): Signal[] {
  const signals: Signal[] = [];
  for (const value of values) {
    if (item.type === 'choice' && typeof value === 'object') {
      const option = item.answerOption?.find((candidate) => sameCoding(candidate.valueCoding, value as Coding));
      const signal = extensionValue(option?.extension, EXTENSION_URLS.signal)?.valueCode;
      if (signal === 'risk' || signal === 'protective') signals.push(signal);
    } else if (item.type === 'boolean' && typeof value === 'boolean') {
      const signal = extensionValue(item.extension, value ? EXTENSION_URLS.signalIfTrue : EXTENSION_URLS.signalIfFalse)?.valueCode;
      if (signal === 'risk' || signal === 'protective') signals.push(signal);
    } else if ((item.type === 'integer' || item.type === 'decimal') && typeof value === 'number') {
      const threshold = extensionValue(item.extension, EXTENSION_URLS.riskIfBelow)?.valueDecimal;
      if (threshold !== undefined && value < threshold) signals.push('risk');
    }
  }
  return signals;
}

/**
 * Only enabled items count (answers to disabled items are dropped first). A factor with both a
 * risk and a protective answer (not smoking, but the partner smokes at home) is listed as a risk:
 * the protective side of the same factor does not cancel it. Order follows the factor catalogue,
 * so the profile does not depend on the order answers were given in.
 */
export function computeFactorProfile(questionnaire: Questionnaire, answers: Answers): FactorProfile {
  const { answers: enabledAnswers } = evaluateEnabledItems(questionnaire, answers);
  const riskKeys = new Set<string>();
  const protectiveKeys = new Set<string>();
  let concern: ConcernLevel | null = null;
  let judgement: string | null = null;
  let isHelpWanted: boolean | null = null;

  for (const { item } of flattenItems(questionnaire.item)) {
    const values = enabledAnswers[item.linkId];
    if (!values || values.length === 0) continue;
    const assessment = extensionValue(item.extension, EXTENSION_URLS.professionalAssessment)?.valueCode;
    const [first] = values;
    if (assessment === 'concern-level' && typeof first === 'object') {
      const code = first.code;
      if ((CONCERN_LEVELS as readonly string[]).includes(code)) concern = code as ConcernLevel;
    } else if (assessment === 'judgement' && typeof first === 'string') {
      judgement = first.trim() === '' ? null : first;
    } else if (assessment === 'help-wanted' && typeof first === 'boolean') {
      isHelpWanted = first;
    }
    const key = extensionValue(item.extension, EXTENSION_URLS.factorKey)?.valueCode;
    if (key === undefined || !FACTOR_CATALOGUE.has(key)) continue;
    for (const signal of signalsOf(item, values)) (signal === 'risk' ? riskKeys : protectiveKeys).add(key);
  }

  const catalogue = [...FACTOR_CATALOGUE.values()];
  const findingsIn = (domain: LifeDomain, keys: ReadonlySet<string>, label: (factor: FactorDefinition) => string) =>
    catalogue.filter((factor) => factor.domain === domain && keys.has(factor.key)).map((factor) => ({ key: factor.key, label: label(factor) }));
  const protectiveOnly = new Set([...protectiveKeys].filter((key) => !riskKeys.has(key)));

  const domains = LIFE_DOMAINS.map((domain) => ({
    domain,
    label: LIFE_DOMAIN_LABELS[domain],
    risks: findingsIn(domain, riskKeys, (factor) => factor.riskLabel),
    protectives: findingsIn(domain, protectiveOnly, (factor) => factor.protectiveLabel ?? factor.riskLabel),
  }));
  return {
    questionnaire: canonicalOf(questionnaire),
    domains,
    professional: { concern, judgement, isHelpWanted },
    accumulation: {
      domainsWithRisk: domains.filter((domain) => domain.risks.length > 0).length,
      riskFactorCount: riskKeys.size,
      protectiveFactorCount: protectiveOnly.size,
    },
  };
}

export const SUPPORT_TIERS = ['universal', 'extra', 'intensive'] as const;
export type SupportTier = (typeof SUPPORT_TIERS)[number];

/** Factors where safety comes first: one is enough for intensive support. */
const SAFETY_FACTORS: ReadonlySet<string> = new Set(['domestic-violence']);

/**
 * A suggestion for the JGZ klantroute, deliberately simple so a nurse can check it by eye:
 * - intensive: the professional is seriously concerned, or there is a safety risk (domestic
 *   violence), or risk in 3 or more life domains, or 5 or more risk factors (accumulation; cf. the
 *   ≥5 psychosocial risk factors used as a triage threshold by Quispel et al. 2014);
 * - extra: some concern, or at least one risk factor;
 * - universal: otherwise.
 * Protective factors do not lower the suggestion: whether they balance the risks is for the
 * conversation. The nurse's judgement can only raise it — a rule may miss a family, it may not
 * talk a nurse out of extra care.
 */
export function suggestedSupportTier(profile: FactorProfile, nurseJudgement?: SupportTier): SupportTier {
  const { concern } = profile.professional;
  const { domainsWithRisk, riskFactorCount } = profile.accumulation;
  const hasSafetyRisk = profile.domains.some((domain) => domain.risks.some((risk) => SAFETY_FACTORS.has(risk.key)));
  let tier: SupportTier = 'universal';
  if (concern === 'serious' || hasSafetyRisk || domainsWithRisk >= 3 || riskFactorCount >= 5) tier = 'intensive';
  else if (concern === 'some' || riskFactorCount >= 1) tier = 'extra';
  if (nurseJudgement !== undefined && SUPPORT_TIERS.indexOf(nurseJudgement) > SUPPORT_TIERS.indexOf(tier)) return nurseJudgement;
  return tier;
}
