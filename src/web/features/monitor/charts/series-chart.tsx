// SPDX-License-Identifier: EUPL-1.2
// A time series as dots with the 95% interval as a vertical bar, one per period; suppressed periods
// say "onderdrukt" where the dot would be. Optionally the Netherlands alongside, as grey diamonds.
import { useId } from 'react';
import { useMessages } from '../../../i18n/messages.js';
import type { Figure, Indicator } from '../../../../contracts/monitor.js';
import { formatNumber } from '../format.js';
import { CHART_FONT, GRID_COLOUR, PRIMARY, SUBTLE_TEXT, TEXT_COLOUR, decimalsForStep, linearScale, niceTicks } from './scale.js';

export interface SeriesChartProps {
  items: readonly Figure[];
  /** Another series on the same periods (the Netherlands), drawn in grey. */
  reference?: readonly Figure[] | undefined;
  unit: Indicator['unit'];
  title: string;
  description: string;
  seriesLabel: string;
  referenceLabel?: string;
  compact?: boolean;
}

export function SeriesChart({ items, reference, unit, title, description, seriesLabel, referenceLabel, compact }: SeriesChartProps) {
  const { m, locale } = useMessages();
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const width = compact ? 360 : 640;
  const height = compact ? 190 : 300;
  const margin = { top: reference ? 30 : 14, right: 14, bottom: 34, left: compact ? 44 : 54 };
  const published = (list: readonly Figure[] | undefined) =>
    (list ?? []).filter((figure) => !figure.isSuppressed && figure.value !== null);
  const shown = [...published(items), ...published(reference)];
  // A full count (the questionnaire) has no interval: its value alone sets the scale.
  const low = shown.length > 0 ? Math.min(...shown.map((figure) => figure.lower ?? figure.value!)) : 0;
  const high = shown.length > 0 ? Math.max(...shown.map((figure) => figure.upper ?? figure.value!)) : 1;
  const { ticks, domain, step } = niceTicks(Math.max(0, low - (high - low) * 0.1), high + (high - low) * 0.1, compact ? 4 : 5);
  const y = linearScale(domain, [height - margin.bottom, margin.top]);
  const periods = items.map((figure) => figure.period);
  const band = (width - margin.left - margin.right) / Math.max(1, periods.length);
  const xOf = (index: number) => margin.left + band * (index + 0.5);
  const offset = reference ? Math.min(8, band / 6) : 0;
  const decimals = decimalsForStep(step);
  const unitLabel = unit === 'percentage' ? '%' : m.monitorPages.unitPer1000;

  const dots = (list: readonly Figure[], dx: number, colour: string, shape: 'circle' | 'diamond') => {
    const byPeriod = new Map(list.map((figure) => [figure.period, figure]));
    const points = periods.map((period, index) => ({ index, figure: byPeriod.get(period) }));
    const path: string[] = [];
    let isDrawing = false;
    for (const { index, figure } of points) {
      if (figure && !figure.isSuppressed && figure.value !== null) {
        path.push(`${isDrawing ? 'L' : 'M'}${(xOf(index) + dx).toFixed(1)},${y(figure.value).toFixed(1)}`);
        isDrawing = true;
      } else {
        isDrawing = false;
      }
    }
    return (
      <g>
        <path d={path.join('')} fill="none" stroke={colour} strokeWidth="1.2" strokeOpacity="0.6" />
        {points.map(({ index, figure }) => {
          if (!figure || figure.isSuppressed || figure.value === null) return null;
          const cx = xOf(index) + dx;
          const cy = y(figure.value);
          return (
            <g key={figure.period}>
              {figure.lower !== null && figure.upper !== null ? (
                <g stroke={colour} strokeWidth="1.5">
                  <line x1={cx} x2={cx} y1={y(figure.lower)} y2={y(figure.upper)} />
                  <line x1={cx - 4} x2={cx + 4} y1={y(figure.lower)} y2={y(figure.lower)} />
                  <line x1={cx - 4} x2={cx + 4} y1={y(figure.upper)} y2={y(figure.upper)} />
                </g>
              ) : null}
              {shape === 'circle' ? (
                <circle cx={cx} cy={cy} r="4.5" fill={colour} stroke="#ffffff" strokeWidth="1" />
              ) : (
                <path d={`M${cx},${cy - 5}L${cx + 5},${cy}L${cx},${cy + 5}L${cx - 5},${cy}Z`} fill={colour} stroke="#ffffff" strokeWidth="1" />
              )}
            </g>
          );
        })}
      </g>
    );
  };

  return (
    <svg
      className="kr-chart__svg kr-series"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      fontFamily={CHART_FONT}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g fontSize="11" fill={SUBTLE_TEXT}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke={GRID_COLOUR} strokeWidth="1" />
            <text x={margin.left - 6} y={y(tick) + 4} textAnchor="end">
              {formatNumber(tick, locale, decimals)}
            </text>
          </g>
        ))}
        <text x={4} y={margin.top - (reference ? 16 : 4)} fontSize="11" fill={SUBTLE_TEXT}>
          {unitLabel}
        </text>
        {periods.map((period, index) => (
          <text key={period} x={xOf(index)} y={height - margin.bottom + 16} textAnchor="middle" fill={TEXT_COLOUR}>
            {compact && periods.length > 6 && index % 2 === 1 ? '' : period}
          </text>
        ))}
      </g>
      <line x1={margin.left} x2={width - margin.right} y1={height - margin.bottom} y2={height - margin.bottom} stroke={SUBTLE_TEXT} />
      {reference ? dots(reference, offset, '#6b6b6b', 'diamond') : null}
      {dots(items, -offset, PRIMARY, 'circle')}
      {items.map((figure, index) =>
        figure.isSuppressed || figure.value === null ? (
          <text
            key={`s-${figure.period}`}
            x={xOf(index)}
            y={height - margin.bottom - 8}
            textAnchor="middle"
            fontSize="10"
            fill={SUBTLE_TEXT}
            fontStyle="italic"
          >
            {figure.isSuppressed ? m.monitorPages.suppressed : m.monitorPages.noFigure}
          </text>
        ) : null,
      )}
      {reference ? (
        <g fontSize="11" fill={TEXT_COLOUR} transform={`translate(${margin.left}, 12)`}>
          <circle cx="5" cy="0" r="4.5" fill={PRIMARY} />
          <text x="14" y="4">
            {seriesLabel}
          </text>
          <path d={`M${150},-5L${155},0L${150},5L${145},0Z`} fill="#6b6b6b" />
          <text x="160" y="4">
            {referenceLabel}
          </text>
        </g>
      ) : null}
    </svg>
  );
}
