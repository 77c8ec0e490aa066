// SPDX-License-Identifier: EUPL-1.2
// The mean per part as horizontal bars on the 1–5 scale (SVG, with a title and description for screen
// readers; the same figures are in the table next to it). Built on the monitor's chart parts.
import { useId } from 'react';
import type { AnalysisReport } from '../../../contracts/coalition-analysis.js';
import { CHART_FONT, GRID_COLOUR, PRIMARY, SUBTLE_TEXT, TEXT_COLOUR, linearScale } from '../monitor/charts/scale.js';
import { useMessages } from '../../i18n/messages.js';
import { figure } from './labels.js';

export function PartChart({ parts }: { parts: AnalysisReport['parts'] }) {
  const { m, locale } = useMessages();
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const width = 640;
  const rowHeight = 56;
  const margin = { top: 24, right: 24, bottom: 28, left: 16 };
  const height = margin.top + parts.length * rowHeight + margin.bottom;
  const x = linearScale([1, 5], [margin.left, width - margin.right]);
  return (
    <svg className="kr-chart__svg kr-analysis-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} fontFamily={CHART_FONT}>
      <title id={`${id}-title`}>{m.analysis.chartTitle}</title>
      <desc id={`${id}-desc`}>{m.analysis.chartDescription}</desc>
      <g fontSize="11" fill={SUBTLE_TEXT}>
        {[1, 2, 3, 4, 5].map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={margin.top - 8} y2={height - margin.bottom} stroke={GRID_COLOUR} />
            <text x={x(tick)} y={height - margin.bottom + 16} textAnchor="middle">
              {tick}
            </text>
          </g>
        ))}
      </g>
      {parts.map((part, index) => {
        const top = margin.top + index * rowHeight;
        return (
          <g key={part.key}>
            <text x={margin.left} y={top + 6} fontSize="12" fill={TEXT_COLOUR}>
              {part.title}
            </text>
            {part.mean === null ? (
              <text x={margin.left} y={top + 28} fontSize="12" fill={SUBTLE_TEXT}>
                {m.analysis.chartNoFigure}
              </text>
            ) : (
              <>
                <rect x={x(1)} y={top + 14} width={Math.max(2, x(part.mean) - x(1))} height={20} fill={PRIMARY} />
                <text x={Math.min(x(part.mean) + 6, width - margin.right - 30)} y={top + 29} fontSize="12" fill={TEXT_COLOUR}>
                  {figure(part.mean, locale, m)}
                </text>
              </>
            )}
          </g>
        );
      })}
    </svg>
  );
}
