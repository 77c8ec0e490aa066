// SPDX-License-Identifier: EUPL-1.2
// The shipped menu file: what it holds (every key, as a table), and that a bad file stops the load
// with the entry and the field named.
import { describe, expect, it } from 'vitest';
import menuJson from './menu-2026-12.json' with { type: 'json' };
import { INTERVENTION_MENU, loadMenu } from './load-menu.js';

//  key                             phases        recognition                       legal task
const EXPECTED: [string, string, string, boolean][] = [
  ['voorzorg', 'T,N', 'effectief_goede_aanwijzingen', false],
  ['stevig-ouderschap', 'T,N', 'effectief_eerste_aanwijzingen', false],
  ['samenstarten', 'N', 'goed_onderbouwd', false],
  ['centering-zwangerschap', 'T', 'niet_gevonden', false],
  ['centering-ouderschap', 'N', 'niet_gevonden', false],
  ['nu-niet-zwanger', 'V', 'niet_gevonden', false],
  ['home-start', 'T,N', 'effectief_goede_aanwijzingen', false],
  ['moeders-informeren-moeders', 'T,N', 'niet_gevonden', false],
  ['samen-oplopen', 'N', 'niet_gevonden', false],
  ['v-mis', 'T', 'niet_gevonden', false],
  ['prenataal-huisbezoek-jgz', 'T', 'niet_van_toepassing', true],
  ['video-hometraining', 'N', 'niet_gevonden', false],
  ['prenatale-voorlichting', 'T', 'niet_gevonden', false],
  ['gezond-zwanger-worden', 'V', 'niet_gevonden', false],
  ['steunouders', 'N', 'niet_gevonden', false],
  ['meeleefgezin', 'N', 'niet_gevonden', false],
  ['buurtgezinnen', 'N', 'niet_gevonden', false],
  ['taalschatten', 'N', 'niet_gevonden', false],
];

type Json = typeof menuJson;
/** The shipped file with one entry changed (a deep copy: the shipped data stays as it is). */
function withEntry(key: string, change: (entry: Record<string, unknown>) => void): Json {
  const copy = structuredClone(menuJson);
  const entry = copy.interventions.find((candidate) => candidate.key === key) as unknown as Record<string, unknown>;
  change(entry);
  return copy;
}

describe('the shipped intervention menu', () => {
  it('holds exactly these interventions, in this order, with phase, recognition level and legal task', () => {
    expect(INTERVENTION_MENU.version).toBe('2026-12');
    expect(INTERVENTION_MENU.interventions.map((entry) => [entry.key, entry.phases.join(','), entry.recognition.level, entry.isLegalTask])).toEqual(EXPECTED);
  });

  it('dates and sources every recognition it states, as the documents do', () => {
    const voorzorg = INTERVENTION_MENU.interventions.find((entry) => entry.key === 'voorzorg')!;
    expect(voorzorg.recognition).toEqual({
      level: 'effectief_goede_aanwijzingen',
      date: '2021-09-30',
      validUntil: null,
      source: 'Loket Gezond Leven, interventie 1401047 (via de domeinreferentie §2.2)',
      note: 'Erkend 1 oktober 2015, verlengd 30 september 2021',
    });
    expect(INTERVENTION_MENU.interventions.filter((entry) => entry.recognition.date !== null).map((entry) => [entry.key, entry.recognition.date])).toEqual([
      ['voorzorg', '2021-09-30'],
      ['stevig-ouderschap', '2017-09-14'],
      ['samenstarten', '2018-11-29'],
      ['home-start', '2019-04-08'],
    ]);
  });

  it('has a cost only where a published figure exists, with its source: the Nu Niet Zwanger start-up amount', () => {
    const costed = INTERVENTION_MENU.interventions.filter((entry) => entry.costs.length > 0);
    expect(costed.map((entry) => [entry.key, entry.costs.map((cost) => [cost.model, cost.amountEur, cost.year])])).toEqual([
      ['nu-niet-zwanger', [['per_regional_programme', 20800, 2019]]],
    ]);
    expect(costed[0]!.costs[0]!.source).toContain('Domeinreferentie §8');
  });

  it('loads the shipped file unchanged', () => {
    expect(loadMenu(structuredClone(menuJson), 'kopie')).toEqual(INTERVENTION_MENU);
  });

  it.each([
    ['a duplicate key', (json: Json) => json.interventions.push(structuredClone(json.interventions[0]!)), 'interventions.18.key: Dubbele interventie: voorzorg'],
    ['an unknown phase', (json: Json) => Object.assign(json, withEntry('voorzorg', (entry) => (entry.phases = ['X']))), 'interventions.0.phases.0'],
    ['an unknown funding route', (json: Json) => Object.assign(json, withEntry('v-mis', (entry) => (entry.fundingRoutes = ['zvw', 'loterij']))), 'interventions.9.fundingRoutes.1'],
    ['a recognition without a date', (json: Json) => Object.assign(json, withEntry('voorzorg', (entry) => ((entry.recognition as { date: null }).date = null))), 'interventions.0.recognition.date: Een erkenning heeft een datum en een bron.'],
    ['a recognition date in the future', (json: Json) => Object.assign(json, withEntry('voorzorg', (entry) => ((entry.recognition as { date: string }).date = '2027-01-01'))), 'interventions.0.recognition.date: De erkenningsdatum ligt in de toekomst.'],
    ['valid until before the recognition', (json: Json) => Object.assign(json, withEntry('home-start', (entry) => ((entry.recognition as { validUntil: string }).validUntil = '2018-01-01'))), 'interventions.6.recognition.validUntil: De erkenning is geldig tot een datum na de erkenningsdatum.'],
    ['a date for an unknown recognition', (json: Json) => Object.assign(json, withEntry('v-mis', (entry) => ((entry.recognition as { date: string }).date = '2020-01-01'))), 'interventions.9.recognition.date: Zonder erkenning geen erkenningsdatum of geldigheid.'],
    ['a cost without a source', (json: Json) => Object.assign(json, withEntry('voorzorg', (entry) => (entry.costs = [{ model: 'per_family', amountEur: 1000, year: 2024, note: null }]))), 'interventions.0.costs.0.source'],
    ['a negative cost', (json: Json) => Object.assign(json, withEntry('voorzorg', (entry) => (entry.costs = [{ model: 'per_family', amountEur: -5, year: 2024, source: 'Bron', note: null }]))), 'interventions.0.costs.0.amountEur'],
    ['a field the schema does not know', (json: Json) => Object.assign(json, withEntry('voorzorg', (entry) => (entry.price = 12))), 'interventions.0'],
    ['a website that is not https', (json: Json) => Object.assign(json, withEntry('voorzorg', (entry) => (entry.website = 'ftp://voorzorg'))), 'interventions.0.website'],
    ['no interventions at all', (json: Json) => (json.interventions = []), 'interventions:'],
  ])('refuses %s, naming the entry and field', (_name, spoil, expected) => {
    const json = structuredClone(menuJson);
    spoil(json);
    expect(() => loadMenu(json, 'kapot')).toThrow(/^Meegeleverde menukaart kapot is ongeldig: /);
    expect(() => loadMenu(json, 'kapot')).toThrow(expected);
  });

  it('refuses something that is not a menu file at all', () => {
    expect(() => loadMenu('geen menu', 'tekst')).toThrow('Meegeleverde menukaart tekst is ongeldig: (bestand):');
  });
});
