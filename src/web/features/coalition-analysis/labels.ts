// SPDX-License-Identifier: EUPL-1.2
// Labels of the self-analysis' closed values, from the catalogue.
import type { Catalogue } from '../../../contracts/i18n/nl.js';
import type { AnonymityMode } from '../../../contracts/coalition-analysis.js';

export function anonymityLabel(mode: AnonymityMode, m: Catalogue): string {
  return mode === 'named' ? m.analysis.anonymityNamed : mode === 'per_partner' ? m.analysis.anonymityPerPartner : m.analysis.anonymityAnonymous;
}

export function anonymityHint(mode: AnonymityMode, m: Catalogue): string {
  return mode === 'named' ? m.analysis.anonymityNamedHint : mode === 'per_partner' ? m.analysis.anonymityPerPartnerHint : m.analysis.anonymityAnonymousHint;
}

export function statusLabel(status: 'open' | 'closed', m: Catalogue): string {
  return status === 'open' ? m.analysis.statusOpen : m.analysis.statusClosed;
}

/** A figure with a decimal comma in Dutch ("3,25"), or a dash. */
export function figure(value: number | null, locale: string, m: Catalogue): string {
  return value === null ? m.analysis.none : value.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A change with its sign ("+0,75", "−1,00"), or a dash. */
export function changeFigure(value: number | null, locale: string, m: Catalogue): string {
  if (value === null) return m.analysis.none;
  const text = figure(Math.abs(value), locale, m);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}
