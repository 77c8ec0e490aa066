// SPDX-License-Identifier: EUPL-1.2
// Dutch wording the monitor's server side produces (problem details, source labels, export cells):
// all sentences come from the catalogue; this only fills in and picks.
import { nl } from '../../../contracts/i18n/nl.js';
import type { AreaLevel, Figure, Indicator, Split } from '../../../contracts/monitor.js';

const text = nl.monitor;

/** Replaces {name} placeholders in a catalogue sentence. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export const SPLIT_LABEL: Record<Split, string> = {
  all: text.splitAll,
  vulnerable: text.splitVulnerable,
  not_vulnerable: text.splitNotVulnerable,
};

export const LEVEL_LABEL: Record<AreaLevel, string> = {
  municipality: text.levelMunicipality,
  ggd_region: text.levelGgdRegion,
  province: text.levelProvince,
  coalition: nl.monitorLevels.levelLocal,
  regional: nl.monitorLevels.levelRegional,
  nation: text.levelNation,
};

export const UNIT_LABEL: Record<Indicator['unit'], string> = { percentage: text.unitPercentage, per_1000: text.unitPer1000 };

export const SYMBOL_LABEL: Record<NonNullable<Figure['change']>['symbol'], string> = {
  up: text.symbolUp,
  down: text.symbolDown,
  stable: text.symbolStable,
  not_comparable: text.symbolNotComparable,
};

export const ASSESSMENT_LABEL: Record<NonNullable<Figure['change']>['assessment'], string> = {
  desired: text.assessmentDesired,
  undesired: text.assessmentUndesired,
  unclear: text.assessmentUnclear,
};
