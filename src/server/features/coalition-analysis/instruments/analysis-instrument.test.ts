// SPDX-License-Identifier: EUPL-1.2
// The shipped self-analysis: 56 of Kansrijk's own statements in the three parts of seed 002, each a
// choice of 1–5, with keys that stay stable (a round's answers and the change between rounds rely on them).
import { describe, expect, it } from 'vitest';
import json from './kansrijk-zelfanalyse-v1.json' with { type: 'json' };
import { KANSRIJK_ZELFANALYSE_V1, toAnalysisInstrument } from './analysis-instrument.js';

describe('the shipped self-analysis instrument', () => {
  const instrument = KANSRIJK_ZELFANALYSE_V1;

  it('has exactly 56 statements in 3 parts, each a choice of 1 to 5', () => {
    expect(instrument.statements).toHaveLength(56);
    expect(instrument.parts.map((part) => part.key)).toEqual(['opgaven', 'samenwerking', 'interventies']);
    expect(instrument.parts.map((part) => part.statements.length)).toEqual([20, 18, 18]);
    for (const group of json.item) {
      for (const item of group.item) {
        expect(item.type).toBe('choice');
        expect(item.answerOption.map((option) => option.valueCoding.code)).toEqual(['1', '2', '3', '4', '5']);
      }
    }
    expect(instrument.scaleLabels).toEqual(['Helemaal oneens', 'Oneens', 'Deels eens, deels oneens', 'Eens', 'Helemaal eens']);
  });

  it('keeps its keys stable (answers of earlier rounds refer to them)', () => {
    const keys = instrument.statements.map((statement) => statement.key);
    expect(new Set(keys).size).toBe(56);
    expect(keys.slice(0, 2)).toEqual(['opgaven.01', 'opgaven.02']);
    expect(keys).toContain('samenwerking.18');
    expect(keys.at(-1)).toBe('interventies.18');
    for (const statement of instrument.statements) expect(statement.key).toMatch(/^(opgaven|samenwerking|interventies)\.\d{2}$/);
    expect(instrument.canonical).toBe('https://kansrijk.nl/fhir/Questionnaire/kansrijk-zelfanalyse|1.0.0');
  });

  it("is labelled as Kansrijk's own, not Pharos' texts", () => {
    expect(json.publisher).toMatch(/Kansrijk/);
    expect(json.description).toMatch(/Eigen stellingen van Kansrijk/);
    expect(json.description).toMatch(/NIET de teksten van Pharos/);
  });

  it('refuses a broken edit at load: a statement with a sixth score, or a text missing', () => {
    const sixth = structuredClone(json);
    sixth.item[1]!.item[0]!.answerOption.push({ valueCoding: { system: 'x', code: '6', display: 'Zes' } });
    const result = toAnalysisInstrument(sixth);
    expect(result.isValid).toBe(false);
    const noText = structuredClone(json) as { item: { item: { text?: string }[] }[] };
    delete noText.item[0]!.item[3]!.text;
    expect(toAnalysisInstrument(noText).isValid).toBe(false);
  });
});
