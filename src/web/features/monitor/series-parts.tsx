// SPDX-License-Identifier: EUPL-1.2
// The text side of a time series: its table (period, value, interval, counts, change) and the
// result of the test for trend in words.
import { useMessages } from '../../i18n/messages.js';
import { Paragraph } from '../../components/ui.js';
import type { Indicator, Series } from '../../../contracts/monitor.js';
import { ChangeMark } from './common.js';
import { FigureValue } from './figure-value.js';
import { formatNumber, significanceText } from './format.js';

export function TrendTest({ series }: { series: Series }) {
  const { m, locale, format } = useMessages();
  const t = m.monitorPages;
  const published = series.items.filter((item) => !item.isSuppressed && item.value !== null).length;
  if (!series.trend) {
    const isFullCount = series.items.some((item) => item.kind !== 'share');
    return <Paragraph className="kr-trend-test">{isFullCount ? t.trendNotTested : t.trendNoTest}</Paragraph>;
  }
  const direction = { up: t.trendUp, down: t.trendDown, none: t.trendNone }[series.trend.direction];
  const result = format(t.trendResult, { direction, significance: significanceText(series.trend, locale, m) });
  return <Paragraph className="kr-trend-test">{format(t.trendTest, { count: published, result })}</Paragraph>;
}

export function SeriesTable({ series, unit, caption }: { series: Series; unit: Indicator['unit']; caption: string }) {
  const { m, locale } = useMessages();
  const t = m.monitorPages;
  const count = (value: number | null) => (value === null ? '' : formatNumber(value, locale, 0));
  return (
    <div className="kr-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="utrecht-table utrecht-table--html-table kr-series-table">
        <caption className="utrecht-table__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {t.columnPeriod}
            </th>
            <th scope="col" className="utrecht-table__header-cell kr-numeric">
              {t.columnValue}
            </th>
            <th scope="col" className="utrecht-table__header-cell kr-numeric">
              {t.columnNumerator}
            </th>
            <th scope="col" className="utrecht-table__header-cell kr-numeric">
              {t.columnDenominator}
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              {t.columnChange}
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {series.items.map((item) => (
            <tr key={item.period} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {item.period}
              </th>
              <td className="utrecht-table__cell kr-numeric">
                <FigureValue figure={item} unit={unit} />
              </td>
              <td className="utrecht-table__cell kr-numeric">{count(item.numerator)}</td>
              <td className="utrecht-table__cell kr-numeric">{count(item.denominator)}</td>
              <td className="utrecht-table__cell">
                <ChangeMark change={item.change} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
