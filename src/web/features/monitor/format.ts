// SPDX-License-Identifier: EUPL-1.2
// Numbers of the monitor as people read them: "14,8%", "1,6 per 1.000", intervals and p-values,
// with the decimal comma in Dutch. One place, so the map, tables and charts say the same.
import type { Figure, Indicator } from '../../../contracts/monitor.js';
import type { Catalogue } from '../../../contracts/i18n/nl.js';
import type { Locale } from '../../i18n/messages.js';

type Unit = Indicator['unit'];
export type Change = NonNullable<Figure['change']>;

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** A bare number with a fixed number of decimals ("14,8"). */
export function formatNumber(value: number, locale: Locale, digits = 1): string {
  return numberFormat(locale, digits).format(value);
}

/** A value in its unit: "14,8%" or "1,6 per 1.000". */
export function formatValue(value: number, unit: Unit, locale: Locale, m: Catalogue): string {
  const number = formatNumber(value, locale);
  return unit === 'percentage' ? `${number}%` : `${number} ${m.monitorPages.unitPer1000}`;
}

/** The unit as a short suffix for axis titles and legends. */
export function unitSuffix(unit: Unit, m: Catalogue): string {
  return unit === 'percentage' ? '%' : m.monitorPages.unitPer1000;
}

/** "14,1–15,6" (in the unit of the figure, without the unit). */
export function formatRange(lower: number, upper: number, locale: Locale): string {
  return `${formatNumber(lower, locale)}–${formatNumber(upper, locale)}`;
}

/** "0,003", or "< 0,001" for very small p-values. */
export function formatP(p: number, locale: Locale): { text: string; isBelow: boolean } {
  if (p < 0.001) return { text: formatNumber(0.001, locale, 3), isBelow: true };
  return { text: formatNumber(p, locale, 3), isBelow: false };
}

/** "significant, p = 0,003" / "niet significant, p = 0,41" / "geen toets: alle gemeenten geteld". */
export function significanceText(change: { pValue: number | null; isSignificant: boolean | null }, locale: Locale, m: Catalogue): string {
  // "p = 0,003" never breaks over two lines.
  return rawSignificanceText(change, locale, m).replace(/p ([=<]) /, 'p\u00a0$1\u00a0');
}

function rawSignificanceText(change: { pValue: number | null; isSignificant: boolean | null }, locale: Locale, m: Catalogue): string {
  const t = m.monitorPages;
  if (change.isSignificant === null) return t.notTested;
  if (change.pValue === null) return change.isSignificant ? t.significantNoP : t.notSignificantNoP;
  const p = formatP(change.pValue, locale);
  if (change.isSignificant) return (p.isBelow ? t.significantBelow : t.significant).replace('{p}', p.text);
  return t.notSignificant.replace('{p}', p.text);
}

export function symbolCharacter(symbol: Change['symbol']): string {
  return { up: '↑', down: '↓', stable: '…', not_comparable: '×' }[symbol];
}

export function symbolText(symbol: Change['symbol'], m: Catalogue): string {
  const t = m.monitorPages;
  return { up: t.symbolUpText, down: t.symbolDownText, stable: t.symbolStableText, not_comparable: t.symbolNotComparableText }[symbol];
}

export function assessmentText(assessment: Change['assessment'], m: Catalogue): string {
  const t = m.monitorPages;
  return { desired: t.assessmentDesired, undesired: t.assessmentUndesired, unclear: t.assessmentUnclear }[assessment];
}

/** Only rises and falls carry a direction to judge; "…" and "×" are always grey. */
export function hasAssessment(change: Change): boolean {
  return change.symbol === 'up' || change.symbol === 'down';
}

/** The whole change in words, for tables, exports of the text and screen readers. */
export function changeText(change: Change, locale: Locale, m: Catalogue): string {
  const parts = [symbolText(change.symbol, m)];
  if (hasAssessment(change)) parts.push(assessmentText(change.assessment, m));
  if (change.symbol !== 'not_comparable') parts.push(significanceText(change, locale, m));
  return parts.join(', ');
}

export function suppressionText(m: Catalogue): string {
  return m.monitorPages.suppressedWhy;
}

/**
 * A published figure as it reads: "14,8%" (a share), "ja"/"nee" (one municipality's answer to the
 * questionnaire), "12 van 25 gemeenten" (a larger area's count), "onderdrukt" or "geen gegevens".
 */
export function figureValueText(figure: Figure | null | undefined, unit: Unit, locale: Locale, m: Catalogue): string {
  if (!figure) return m.monitorPages.noFigure;
  if (figure.isSuppressed || figure.value === null) return m.monitorPages.suppressed;
  return countText(figure, locale, m) ?? formatValue(figure.value, unit, locale, m);
}

/** "ja"/"nee" or "12 van 25 gemeenten" for the full counts of the questionnaire; null for a share. */
/**
 * Indicator 1's breakdown (issue 10 item 6, seed 003: 212 / 66 / 31 of 342): one municipality's
 * status, or per category "In ontwikkeling: 66 van 342".
 */
export function categoriesText(categories: NonNullable<Figure['categories']>, total: number, locale: Locale, m: Catalogue): string {
  const label = { formed: m.mq.status_formed, in_development: m.mq.status_in_development, none: m.mq.status_none, not_answered: m.mq.status_not_answered };
  if (total === 1) return label[categories.find((item) => item.count === 1)?.category ?? 'not_answered'];
  return categories
    .map((item) => m.mq.categoryCount.replace('{label}', label[item.category]).replace('{count}', formatNumber(item.count, locale, 0)).replace('{total}', formatNumber(total, locale, 0)))
    .join('; ');
}

export function countText(
  figure: { kind: Figure['kind']; numerator: number | null; denominator: number | null; categories?: Figure['categories'] },
  locale: Locale,
  m: Catalogue,
): string | null {
  const t = m.monitorPages;
  if (figure.kind === 'share' || figure.numerator === null || figure.denominator === null) return null;
  if (figure.kind === 'yes_no') return figure.numerator > 0 ? t.answerYes : t.answerNo;
  if (figure.kind === 'categories' && figure.categories) return categoriesText(figure.categories, figure.denominator, locale, m);
  return t.countOfMunicipalities
    .replace('{count}', formatNumber(figure.numerator, locale, 0))
    .replace('{total}', formatNumber(figure.denominator, locale, 0));
}

export function intervalText(figure: Pick<Figure, 'lower' | 'upper'> | null | undefined, locale: Locale, m: Catalogue): string | null {
  if (!figure || figure.lower === null || figure.upper === null) return null;
  return m.monitorPages.interval.replace('{lower}', formatNumber(figure.lower, locale)).replace('{upper}', formatNumber(figure.upper, locale));
}

export function splitLabel(split: Figure['split'], m: Catalogue): string {
  const t = m.monitorPages;
  return { all: t.splitAll, vulnerable: t.splitVulnerable, not_vulnerable: t.splitNotVulnerable }[split];
}

export function phaseLabel(phase: Indicator['phase'], m: Catalogue): string {
  const t = m.monitorPages;
  return {
    programme: t.phaseProgramme,
    before_pregnancy: t.phaseBeforePregnancy,
    during_pregnancy: t.phaseDuringPregnancy,
    after_birth: t.phaseAfterBirth,
  }[phase];
}
