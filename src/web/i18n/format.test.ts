// SPDX-License-Identifier: EUPL-1.2
// The one date and count formatting of the web app (pure): Dutch dates in Europe/Amsterdam, never ISO
// or English month names in the Dutch UI, and the catalogue's singular or plural sentence per count.
import { describe, expect, it } from 'vitest';
import { nl } from '../../contracts/i18n/nl.js';
import { formattersFor } from './format.js';

const dutch = formattersFor('nl');
const resultCount = { one: nl.shell.resultCountOne, many: nl.shell.resultCountMany };

describe('dates', () => {
  it.each([
    ['2026-12-06', '6 december 2026'],
    ['2026-01-31', '31 januari 2026'],
    // A calendar date is a day, not an instant: never moved by the time zone.
    ['2026-07-01', '1 juli 2026'],
    // An instant is shown on the day it was in Amsterdam (CEST, UTC+2): 22:30 UTC is the next day.
    ['2026-07-01T22:30:00.000Z', '2 juli 2026'],
  ])('%s → %s', (iso, shown) => {
    expect(dutch.date(iso)).toBe(shown);
  });

  it.each([
    ['2026-12-06T13:05:00.000Z', '6 december 2026 14:05'],
    ['2026-07-01T22:30:00.000Z', '2 juli 2026 00:30'],
    ['2026-03-29T00:59:59Z', '29 maart 2026 01:59'],
    ['2026-03-29T01:00:00Z', '29 maart 2026 03:00'],
  ])('date-time %s → %s (Amsterdam, 24 hours, no "om" or comma)', (iso, shown) => {
    expect(dutch.dateTime(iso)).toBe(shown);
    expect(dutch.time(iso)).toBe(shown.slice(-5));
  });

  it('the English UI says the same without a Dutch or English connective', () => {
    expect(formattersFor('en').dateTime('2026-12-06T13:05:00.000Z')).toBe('6 December 2026 14:05');
  });
});

describe('counts', () => {
  it.each([
    [0, '0 resultaten'],
    [1, '1 resultaat'],
    [2, '2 resultaten'],
    [1234, '1.234 resultaten'],
  ])('%i → %s', (count, shown) => {
    expect(dutch.count(count, resultCount)).toBe(shown);
  });

  it('fills the other placeholders of the sentence too', () => {
    const forms = { one: nl.monitorPages.importDoneOne, many: nl.monitorPages.importDoneMany };
    expect(dutch.count(1, forms, { fileName: 'a.csv' })).toBe('1 regel geïmporteerd uit a.csv. De monitor rekent met de nieuwe cijfers.');
    expect(dutch.count(3, forms, { fileName: 'a.csv' })).toMatch(/^3 regels geïmporteerd uit a\.csv\./);
  });
});
