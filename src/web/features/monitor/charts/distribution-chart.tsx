// SPDX-License-Identifier: EUPL-1.2
// How the areas are spread: a histogram of the published values with round bin edges, the value of
// the Netherlands as a dashed line and the chosen area as a solid one.
import { useId } from 'react';
import { useMessages } from '../../../i18n/messages.js';
import type { Indicator } from '../../../../contracts/monitor.js';
import { formatNumber } from '../format.js';
import { CHART_FONT, GRID_COLOUR, SUBTLE_TEXT, TEXT_COLOUR, decimalsForStep, linearScale, niceTicks } from './scale.js';

export interface Bin {
  from: number;
  to: number;
  count: number;
}

export function histogram(values: readonly number[], binCount = 12): { bins: Bin[]; step: number } {
  if (values.length === 0) return { bins: [], step: 1 };
  const { ticks, step } = niceTicks(Math.min(...values), Math.max(...values), binCount);
  const bins: Bin[] = [];
  for (let index = 0; index < ticks.length - 1; index += 1) bins.push({ from: ticks[index]!, to: ticks[index + 1]!, count: 0 });
  if (bins.length === 0) bins.push({ from: ticks[0]!, to: ticks[0]! + step, count: 0 });
  for (const value of values) {
    const index = Math.min(bins.length - 1, Math.max(0, Math.floor((value - bins[0]!.from) / step)));
    bins[index]!.count += 1;
  }
  return { bins, step };
}

export interface Marker {
  value: number;
  label: string;
  kind: 'nation' | 'area';
}

export function DistributionChart({
  values,
  unit,
  title,
  description,
  markers,
}: {
  values: readonly number[];
  unit: Indicator['unit'];
  title: string;
  description: string;
  markers: readonly Marker[];
}) {
  const { m, locale } = useMessages();
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const width = 640;
  const height = 260;
  const margin = { top: 36, right: 16, bottom: 40, left: 44 };
  const { bins, step } = histogram(values, 12);
  const from = bins[0]?.from ?? 0;
  const to = bins.at(-1)?.to ?? 1;
  const x = linearScale([from, to], [margin.left, width - margin.right]);
  const maxCount = Math.max(1, ...bins.map((bin) => bin.count));
  const counts = niceTicks(0, maxCount, 4);
  const y = linearScale(counts.domain, [height - margin.bottom, margin.top]);
  const decimals = decimalsForStep(step);
  const unitLabel = unit === 'percentage' ? '%' : m.monitorPages.unitPer1000;
  const labelEvery = bins.length > 8 ? 2 : 1;
  return (
    <svg className="kr-chart__svg kr-distribution" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} fontFamily={CHART_FONT}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g fontSize="11" fill={SUBTLE_TEXT}>
        {counts.ticks.map((tick) => (
          <g key={tick}>
            <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke={GRID_COLOUR} />
            <text x={margin.left - 6} y={y(tick) + 4} textAnchor="end">
              {formatNumber(tick, locale, 0)}
            </text>
          </g>
        ))}
        <text x={4} y={margin.top - 22}>
          {m.monitorPages.distributionAxis}
        </text>
      </g>
      {bins.map((bin) => (
        <rect
          key={bin.from}
          x={x(bin.from) + 1}
          width={Math.max(0, x(bin.to) - x(bin.from) - 2)}
          y={y(bin.count)}
          height={y(0) - y(bin.count)}
          fill="#4292c6"
        />
      ))}
      <line x1={margin.left} x2={width - margin.right} y1={y(0)} y2={y(0)} stroke={SUBTLE_TEXT} />
      <g fontSize="11" fill={TEXT_COLOUR}>
        {[...bins.map((bin) => bin.from), to].map((edge, index) =>
          index % labelEvery === 0 ? (
            <text key={edge} x={x(edge)} y={height - margin.bottom + 15} textAnchor="middle">
              {formatNumber(edge, locale, decimals)}
            </text>
          ) : null,
        )}
        <text x={width - margin.right} y={height - 6} textAnchor="end" fill={SUBTLE_TEXT}>
          {unitLabel}
        </text>
      </g>
      {markers.map((marker, index) => {
        const position = x(Math.min(to, Math.max(from, marker.value)));
        const isNation = marker.kind === 'nation';
        const anchor = position > width - 160 ? 'end' : 'start';
        return (
          <g key={marker.label}>
            <line
              x1={position}
              x2={position}
              y1={margin.top - 4 + index * 14}
              y2={y(0)}
              stroke={isNation ? TEXT_COLOUR : '#a3316f'}
              strokeWidth="2"
              strokeDasharray={isNation ? '5 3' : undefined}
            />
            <text x={position + (anchor === 'start' ? 4 : -4)} y={margin.top - 6 + index * 14} fontSize="11" textAnchor={anchor} fill={TEXT_COLOUR}>
              {marker.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
