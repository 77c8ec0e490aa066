// SPDX-License-Identifier: EUPL-1.2
// The table alternative of the map: the same published figures, sortable by name or value, with
// the server's CSV and XLSX of exactly these rows, and a button per row to show that area's trend.
import { useMemo, useState } from 'react';
import { useMessages } from '../../i18n/messages.js';
import { Button, Link, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../components/ui.js';
import type { Figure, Indicator } from '../../../contracts/monitor.js';
import { ChangeMark } from './common.js';
import { countText, formatNumber, suppressionText, unitSuffix } from './format.js';

type SortKey = 'name' | 'code' | 'value';

export function FigureTable({
  figures,
  unit,
  caption,
  chosenCode,
  onChoose,
}: {
  figures: readonly Figure[];
  unit: Indicator['unit'];
  caption: string;
  chosenCode: string | null;
  onChoose(code: string, name: string): void;
}) {
  const { m, locale, format } = useMessages();
  const t = m.monitorPages;
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'name', descending: false });
  const rows = useMemo(() => {
    const sorted = [...figures];
    sorted.sort((a, b) => {
      let result: number;
      if (sort.key === 'value') {
        // Suppressed and missing values always sort last.
        const av = a.isSuppressed ? null : a.value;
        const bv = b.isSuppressed ? null : b.value;
        if (av === null || bv === null) return av === bv ? a.areaName.localeCompare(b.areaName, 'nl') : av === null ? 1 : -1;
        result = av - bv;
      } else if (sort.key === 'code') {
        result = a.areaCode.localeCompare(b.areaCode);
      } else {
        result = a.areaName.localeCompare(b.areaName, 'nl');
      }
      return sort.descending ? -result : result;
    });
    return sorted;
  }, [figures, sort]);

  const header = (key: SortKey, label: string, isNumeric = false) => {
    const isActive = sort.key === key;
    return (
      <TableHeaderCell scope="col" className={isNumeric ? 'kr-numeric' : undefined} aria-sort={isActive ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="kr-sort-button"
          onClick={() => setSort({ key, descending: isActive ? !sort.descending : key === 'value' })}
        >
          {label}
          <span aria-hidden="true">{isActive ? (sort.descending ? '▼' : '▲') : '↕'}</span>
        </button>
      </TableHeaderCell>
    );
  };
  const number = (value: number | null, digits = 1) => (value === null ? '' : formatNumber(value, locale, digits));
  // Full counts of municipalities (the questionnaire) read as ja/nee or "12 van 25 gemeenten", without an interval.
  const hasShares = figures.some((figure) => figure.kind === 'share');

  return (
    <div className="kr-figure-table">
      <div className="kr-table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <Table>
          <TableCaption>{caption}</TableCaption>
          <TableHeader>
            <TableRow>
              {header('name', t.columnArea)}
              {header('code', t.columnAreaCode)}
              <TableHeaderCell scope="col">{t.columnPeriod}</TableHeaderCell>
              {header('value', hasShares ? `${t.columnValue} (${unitSuffix(unit, m)})` : t.columnValue, true)}
              {hasShares ? (
                <>
                  <TableHeaderCell scope="col" className="kr-numeric">
                    {t.columnLower}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className="kr-numeric">
                    {t.columnUpper}
                  </TableHeaderCell>
                </>
              ) : null}
              <TableHeaderCell scope="col" className="kr-numeric">
                {t.columnNumerator}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="kr-numeric">
                {t.columnDenominator}
              </TableHeaderCell>
              <TableHeaderCell scope="col">{t.columnChange}</TableHeaderCell>
              <TableHeaderCell scope="col">
                <span className="kr-visually-hidden">{t.showTrend}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((figure) => (
              <TableRow key={figure.areaCode} data-code={figure.areaCode} className={figure.areaCode === chosenCode ? 'kr-row--chosen' : undefined}>
                <TableHeaderCell scope="row">
                  <Link to={`/monitor/gebieden/${figure.areaCode}`}>{figure.areaName}</Link>
                </TableHeaderCell>
                <TableCell>{figure.areaCode}</TableCell>
                <TableCell>{figure.period}</TableCell>
                <TableCell className="kr-numeric" data-column="value">
                  {figure.isSuppressed || figure.value === null ? (
                    <span className="kr-suppressed" title={suppressionText(m)}>
                      {t.suppressed}
                    </span>
                  ) : (
                    (countText(figure, locale, m) ?? number(figure.value))
                  )}
                </TableCell>
                {hasShares ? (
                  <>
                    <TableCell className="kr-numeric" data-column="lower">
                      {number(figure.lower)}
                    </TableCell>
                    <TableCell className="kr-numeric" data-column="upper">
                      {number(figure.upper)}
                    </TableCell>
                  </>
                ) : null}
                <TableCell className="kr-numeric" data-column="numerator">
                  {number(figure.numerator, 0)}
                </TableCell>
                <TableCell className="kr-numeric" data-column="denominator">
                  {number(figure.denominator, 0)}
                </TableCell>
                <TableCell>
                  <ChangeMark change={figure.change} />
                </TableCell>
                <TableCell>
                  <Button
                    variant="subtle"
                    aria-pressed={figure.areaCode === chosenCode}
                    aria-label={format(t.showTrendLabel, { area: figure.areaName })}
                    onClick={() => onChoose(figure.areaCode, figure.areaName)}
                  >
                    {t.showTrend}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
