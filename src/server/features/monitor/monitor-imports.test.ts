// SPDX-License-Identifier: EUPL-1.2
// Aggregate imports on a real database: the happy path, every kind of bad input (reported per line,
// nothing stored), idempotent repeats, access, and a fuzz that must never give a 5xx.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { sessionFor, type TestSession } from '../../../../test/helpers/sessions.js';
import type { Figure, ImportPreview } from '../../../contracts/monitor.js';
import { MAX_IMPORT_LINES } from './import-file.js';
import { countImportedRows } from './test-support.js';

let t: TestApp;
let analyst: TestSession;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  analyst = await sessionFor(t, 'analyst');
});
afterAll(() => t?.close());

const HEADER = 'indicator;gebied;jaar;uitsplitsing;teller;noemer';
const GOOD_LINES = [
  'speech_language;GM0505;2022;all;40;700',
  'speech_language;GM0505;2023;all;44;710',
  'speech_language;GG4816;2023;all;300;5200',
  'speech_language;NL01;2023;all;9100;160000',
];
const fileOf = (lines: readonly string[], header = HEADER) => `${[header, ...lines].join('\r\n')}\r\n`;

function post(url: string, body: string | Buffer, session: TestSession = analyst, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url, payload: body, headers: { ...session.headers, 'content-type': 'text/csv', ...headers } });
}

describe('importing aggregate files', () => {
  it('previews a valid file quickly, with its row count and a sample', async () => {
    const response = await post('/api/v1/monitor/imports/preview', fileOf(GOOD_LINES));
    expect(response.statusCode, response.body).toBe(200);
    const preview: ImportPreview = response.json();
    expect(preview).toMatchObject({ isValid: true, rowCount: 4, errorCount: 0, errors: [] });
    expect(preview.sample[0]).toEqual({ indicatorKey: 'speech_language', areaCode: 'GM0505', year: 2022, split: 'all', numerator: 40, denominator: 700 });
  });

  it('stores a valid file in one go, shows where the figures came from, and is harmless when repeated', async () => {
    const before = await countImportedRows(t.database.db);
    const body = `\uFEFF${fileOf(GOOD_LINES).replaceAll(';', ',')}`;
    const first = await post('/api/v1/monitor/imports?fileName=taal-2023.csv', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ fileName: 'taal-2023.csv', rowCount: 4, isNew: true });
    expect(await countImportedRows(t.database.db)).toBe(before + 4);

    const again = await post('/api/v1/monitor/imports?fileName=taal-2023.csv', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, isNew: false });
    expect(await countImportedRows(t.database.db)).toBe(before + 4);

    const figures = await t.app.inject({
      method: 'GET',
      url: '/api/v1/monitor/indicators/speech_language/figures?areaLevel=nation',
      headers: analyst.headers,
    });
    const [national] = figures.json() as Figure[];
    expect(national).toMatchObject({ areaCode: 'NL01', numerator: 9100, source: 'import', isSynthetic: false });
    expect(national!.sourceLabel).toMatch(/^Import: taal-2023\.csv, \d{4}-\d{2}-\d{2}$/);
  });

  it('replaces an imported figure with a later import of the same cell, and shows it at once', async () => {
    const url = '/api/v1/monitor/indicators/speech_language/figures?areaLevel=nation&year=2023';
    const nationalOf = async () => ((await t.app.inject({ method: 'GET', url, headers: analyst.headers })).json() as Figure[])[0]!;
    expect((await nationalOf()).numerator).toBe(9100);
    const correction = await post('/api/v1/monitor/imports?fileName=correctie.csv', fileOf(['speech_language;NL01;2023;all;9200;160000']));
    expect(correction.statusCode, correction.body).toBe(201);
    const national = await nationalOf();
    expect(national.numerator).toBe(9200);
    expect(national.sourceLabel).toMatch(/^Import: correctie\.csv/);
  });

  const BAD_LINES: [string, string, RegExp][] = [
    ['unknown indicator', 'geen_indicator;GM0505;2023;all;10;100', /Onbekende indicator/],
    ['unknown area', 'big2;GM9999;2023;all;10;100', /Onbekende gebiedscode/],
    ['year out of range', 'big2;GM0505;1850;all;10;100', /jaar/],
    ['year in the future', 'big2;GM0505;2999;all;10;100', /jaar/],
    ['unknown split', 'big2;GM0505;2023;kwetsbaar;10;100', /Onbekende uitsplitsing/],
    ['a split the indicator lacks', 'coalition;NL01;2023;vulnerable;10;100', /geen uitsplitsing/],
    ['negative count', 'big2;GM0505;2023;all;-3;100', /geheel getal/],
    ['non-integer count', 'big2;GM0505;2023;all;1.5;100', /geheel getal/],
    ['empty count', 'big2;GM0505;2023;all;;100', /geheel getal/],
    ['numerator above denominator', 'big2;GM0505;2023;all;120;100', /groter dan de noemer/],
    ['too few columns', 'big2;GM0505;2023;all;10', /kolommen/],
    ['duplicate row', GOOD_LINES[1]!, /Dubbele regel.*regel 3/],
    ['replacement character', 'big2;GM0505;2023;all;10;100;\uFFFD', /vervangingsteken/],
  ];
  for (const [kind, line, message] of BAD_LINES) {
    it(`rejects a file with one bad line (${kind}), reports that line and stores nothing`, async () => {
      const lines = [...GOOD_LINES.slice(0, 2), line, ...GOOD_LINES.slice(2)];
      const body = fileOf(lines);
      const before = await countImportedRows(t.database.db);
      const preview: ImportPreview = (await post('/api/v1/monitor/imports/preview', body)).json();
      expect(preview.isValid).toBe(false);
      expect(preview.errors.map((error) => error.line)).toEqual(preview.errors.map(() => 4));
      expect(preview.errors.map((error) => error.message).join(' ')).toMatch(message);

      const response = await post('/api/v1/monitor/imports', body);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().code).toBe('validation_failed');
      const errors: { path: string; message: string }[] = response.json().errors;
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) expect(error.path).toMatch(/^4(\.|$)/);
      expect(await countImportedRows(t.database.db)).toBe(before);
    });
  }

  it('reports a Latin-1 line (mixed encoding) by its line number', async () => {
    const utf8 = Buffer.from(fileOf(GOOD_LINES.slice(0, 2)), 'utf8');
    const latin1 = Buffer.from('big2;Gem\xe9ente;2023;all;10;100\r\n', 'latin1');
    const before = await countImportedRows(t.database.db);
    const response = await post('/api/v1/monitor/imports', Buffer.concat([utf8, latin1]));
    expect(response.statusCode).toBe(400);
    const errors: { path: string; message: string }[] = response.json().errors;
    expect(errors.some((error) => error.path === '4' && /UTF-8/.test(error.message))).toBe(true);
    expect(await countImportedRows(t.database.db)).toBe(before);
  });

  it('rejects a wrong header as a whole', async () => {
    const response = await post('/api/v1/monitor/imports/preview', fileOf(GOOD_LINES, 'indicator;gemeente;jaar;uitsplitsing;teller;noemer'));
    const preview: ImportPreview = response.json();
    expect(preview).toMatchObject({ isValid: false, rowCount: 4 });
    expect(preview.errors).toEqual([{ line: 1, column: null, message: expect.stringMatching(/kopregel/) }]);
  });

  it('reports every bad line, not just the first', async () => {
    const lines = ['big2;GM9999;2023;all;10;100', ...GOOD_LINES, 'big2;GM0505;2023;all;200;100'];
    const preview: ImportPreview = (await post('/api/v1/monitor/imports/preview', fileOf(lines))).json();
    expect([...new Set(preview.errors.map((error) => error.line))]).toEqual([2, 7]);
  });

  it('refuses more lines than the limit, and checks 100,000 lines quickly', async () => {
    const many = Array.from({ length: MAX_IMPORT_LINES + 1 }, (_, index) => `big2;NL01;${1990 + (index % 30)};all;${index % 50};100`);
    const tooMany: ImportPreview = (await post('/api/v1/monitor/imports/preview', fileOf(many))).json();
    expect(tooMany.isValid).toBe(false);
    expect(tooMany.errors.some((error) => /meer dan/.test(error.message))).toBe(true);

    const lines = Array.from({ length: 100_000 }, (_, index) => `big2;GM0505;${1990 + (index % 30)};all;10;${100 + index}`);
    const started = performance.now();
    const preview: ImportPreview = (await post('/api/v1/monitor/imports/preview', fileOf(lines))).json();
    const elapsed = performance.now() - started;
    // Duplicates (same indicator, area, year and split) everywhere but the first 30 lines.
    expect(preview).toMatchObject({ rowCount: 100_000, isValid: false, errorCount: 100_000 - 30 });
    expect(preview.errors).toHaveLength(1_000);
    console.info(`preview of 100,000 lines: ${elapsed.toFixed(0)} ms`);
    // A figure, never a bound: a busy CI machine took 14 s for the preview alone.
  }, 180_000);

  it('lets only analysts and the platform admin import', async () => {
    const policyOfficer = await sessionFor(t, 'policyOfficer');
    expect((await post('/api/v1/monitor/imports', fileOf(GOOD_LINES), policyOfficer)).statusCode).toBe(403);
    expect((await post('/api/v1/monitor/imports/preview', fileOf(GOOD_LINES), policyOfficer)).statusCode).toBe(403);
  });

  it('never answers a 5xx to any import body', async () => {
    const line = fc.tuple(
      fc.constantFrom(';', ','),
      fc.constantFrom('big2', 'coalition', 'x', ''),
      fc.constantFrom('GM0505', 'NL01', 'PV28', 'gm0505', 'GM', ''),
      fc.oneof(fc.integer({ min: -5, max: 3000 }).map(String), fc.string({ maxLength: 5 })),
      fc.constantFrom('all', 'vulnerable', 'not_vulnerable', 'none'),
      fc.oneof(fc.nat(1000).map(String), fc.string({ maxLength: 4 })),
      fc.oneof(fc.nat(1000).map(String), fc.string({ maxLength: 4 })),
    ).map(([delimiter, ...fields]) => fields.join(delimiter));
    const body = fc.oneof(
      fc.array(line, { maxLength: 8 }).map((lines) => fileOf(lines)),
      fc.string({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (payload, isStore) => {
        const response = await post(isStore ? '/api/v1/monitor/imports' : '/api/v1/monitor/imports/preview', payload);
        expect(response.statusCode, response.body).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });
});
