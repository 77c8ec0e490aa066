// SPDX-License-Identifier: EUPL-1.2
// The indicator definitions as published: the wire shape, without how they are computed.
import type { Indicator } from '../../../contracts/monitor.js';
import { indicatorSchema } from '../../../contracts/monitor.js';
import { nl } from '../../../contracts/i18n/nl.js';
import { INDICATORS } from './definitions/indicators.js';
import type { IndicatorDefinition } from './definitions/types.js';
import type { ExportTable } from './export-figures.js';
import { indicatorNoteColumns } from './export-figures.js';
import { UNIT_LABEL } from './monitor-text.js';

/**
 * Strips what only the aggregation needs (conditions, calibration values) and spells out the notes:
 * each key with its sentence from the catalogue.
 */
export function publicIndicator(definition: IndicatorDefinition): Indicator {
  return indicatorSchema.parse({
    ...definition,
    yearBasis: definition.yearBasis ?? 'calendar_year',
    notes: (definition.notes ?? []).map((key) => ({ key, text: nl.monitorNotes[key] })),
  });
}

const PUBLISHED = INDICATORS.map(publicIndicator);

export async function computeIndicatorList(): Promise<Indicator[]> {
  return PUBLISHED;
}

const text = nl.monitor;
export function indicatorListTable(indicators: Indicator[]): ExportTable<Indicator> {
  return {
    baseName: 'kansrijk-indicatoren',
    rows: indicators,
    columns: [
      { header: text.columnIndicator, value: (row) => row.key },
      { header: text.columnIndicatorName, value: (row) => row.name },
      { header: text.columnPhase, value: (row) => row.phase },
      { header: text.columnType, value: (row) => row.type },
      { header: text.columnNumeratorDefinition, value: (row) => row.numerator },
      { header: text.columnDenominatorDefinition, value: (row) => row.denominator },
      { header: text.columnUnit, value: (row) => UNIT_LABEL[row.unit] },
      { header: text.columnDesiredDirection, value: (row) => row.desiredDirection },
      { header: text.columnSource, value: (row) => row.source },
      ...indicatorNoteColumns<Indicator>((row) => row),
    ],
  };
}
