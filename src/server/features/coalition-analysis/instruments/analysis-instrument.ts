// SPDX-License-Identifier: EUPL-1.2
// The self-analysis instrument Kansrijk ships: OUR OWN 56 statements on a five-point scale in the
// three parts of the Pharos analysetool (seed 002, "Analysetool Kansrijke Start": "56 stellingen die
// je scoort op een vijfpuntschaal op drie onderdelen"). Pharos' own texts are not public; these are
// written for Kansrijk and labelled as such in the Questionnaire's description and copyright.
// Stored as a FHIR R4 Questionnaire (versioned data, like the screening instrument) and validated at
// load with the same validator, plus the rules the report relies on: every statement a choice of the
// scores 1–5, three parts, unique keys. A bad edit fails loudly at start-up.
import zelfanalyseV1Json from './kansrijk-zelfanalyse-v1.json' with { type: 'json' };
import { canonicalOf, validateQuestionnaire, type Questionnaire } from '../../../../contracts/screening/questionnaire-schema.js';

export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

export interface AnalysisStatement {
  /** Stable key (the Questionnaire item's linkId), e.g. 'samenwerking.04'. Never reused for another text. */
  key: string;
  /** Display number, e.g. '2.4'. */
  number: string;
  text: string;
  partKey: string;
}

export interface AnalysisPart {
  key: string;
  title: string;
  statements: AnalysisStatement[];
}

export interface AnalysisInstrument {
  url: string;
  version: string;
  /** `url|version`, as a round records it. */
  canonical: string;
  title: string;
  description: string;
  /** The scale's labels, 1 to 5. */
  scaleLabels: string[];
  parts: AnalysisPart[];
  /** Every statement in order. */
  statements: AnalysisStatement[];
  statementByKey: ReadonlyMap<string, AnalysisStatement>;
}

/** Turns a validated Questionnaire into the instrument, or lists what is wrong with it. */
export function toAnalysisInstrument(json: unknown): { isValid: true; value: AnalysisInstrument } | { isValid: false; errors: string[] } {
  const validated = validateQuestionnaire(json);
  if (!validated.isValid) return { isValid: false, errors: validated.errors.map((error) => `${error.path}: ${error.message}`) };
  const questionnaire: Questionnaire = validated.value;
  const errors: string[] = [];
  let scaleLabels: string[] | null = null;
  const parts: AnalysisPart[] = questionnaire.item.map((group, partIndex) => {
    if (group.type !== 'group' || !group.item) errors.push(`item[${partIndex}]: elk deel is een groep met stellingen`);
    const statements = (group.item ?? []).map((item, index): AnalysisStatement => {
      const where = `item[${partIndex}].item[${index}]`;
      const codes = (item.answerOption ?? []).map((option) => option.valueCoding.code);
      if (item.type !== 'choice' || codes.join(',') !== SCORES.join(',')) errors.push(`${where}: een stelling is een keuze uit de scores 1 tot en met 5`);
      // The report groups answers by part on the key's prefix.
      if (!item.linkId.startsWith(`${group.linkId}.`) || item.linkId.split('.').length !== 2) errors.push(`${where}: de sleutel van een stelling is '<deel>.<nummer>' ('${group.linkId}.01')`);
      const labels = (item.answerOption ?? []).map((option) => option.valueCoding.display ?? option.valueCoding.code);
      if (scaleLabels === null) scaleLabels = labels;
      else if (labels.join('|') !== scaleLabels.join('|')) errors.push(`${where}: alle stellingen gebruiken dezelfde schaal`);
      return { key: item.linkId, number: item.prefix ?? `${partIndex + 1}.${index + 1}`, text: item.text ?? '', partKey: group.linkId };
    });
    return { key: group.linkId, title: group.text ?? group.linkId, statements };
  });
  if (errors.length > 0) return { isValid: false, errors };
  const statements = parts.flatMap((part) => part.statements);
  return {
    isValid: true,
    value: {
      url: questionnaire.url,
      version: questionnaire.version,
      canonical: canonicalOf(questionnaire),
      title: questionnaire.title,
      description: typeof questionnaire['description'] === 'string' ? questionnaire['description'] : '',
      scaleLabels: scaleLabels ?? [],
      parts,
      statements,
      statementByKey: new Map(statements.map((statement) => [statement.key, statement])),
    },
  };
}

function loadShipped(json: unknown, name: string): AnalysisInstrument {
  const result = toAnalysisInstrument(json);
  if (!result.isValid) throw new Error(`Meegeleverde zelfanalyse ${name} is ongeldig: ${result.errors.join('; ')}`);
  return result.value;
}

export const KANSRIJK_ZELFANALYSE_V1: AnalysisInstrument = loadShipped(zelfanalyseV1Json, 'kansrijk-zelfanalyse-v1');

/** Every instrument version a round may refer to, by canonical; a new version is added, never edited. */
const INSTRUMENTS: ReadonlyMap<string, AnalysisInstrument> = new Map([[KANSRIJK_ZELFANALYSE_V1.canonical, KANSRIJK_ZELFANALYSE_V1]]);

/** The version a new round uses. */
export const CURRENT_INSTRUMENT = KANSRIJK_ZELFANALYSE_V1;

export function instrumentOf(canonical: string): AnalysisInstrument {
  const instrument = INSTRUMENTS.get(canonical);
  if (!instrument) throw new Error(`unknown analysis instrument ${canonical}`);
  return instrument;
}
