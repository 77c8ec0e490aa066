// SPDX-License-Identifier: EUPL-1.2
// /monitor/gebieden/:areaCode — every indicator for one area (municipality, GGD region, province,
// coalition or the Netherlands): value with interval, change and significance, a comparison with similar
// municipalities, the GGD region, the province and the Netherlands, and a small trend chart each.
import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { monitorApi, monitorPaths } from '../../api/endpoints.js';
import { AsyncContent, Loading, Page, useAsync } from '../../components/page.js';
import { Heading, Link, Paragraph } from '../../components/ui.js';
import { TextField } from '../../components/fields.js';
import { useMessages } from '../../i18n/messages.js';
import { ApiError } from '../../api/client.js';
import { COALITION_LEVEL_OF_KIND, type AreaProfile, type AreaProfileRow, type Comparison, type Indicator } from '../../../contracts/monitor.js';
import type { Catalogue } from '../../../contracts/i18n/nl.js';
import { NATION_CODE, PHASES } from './constants.js';
import { ChangeMark, ChartFrame, SourceLine, SymbolLegend, SyntheticNotice, TableDownloads, sourcesOf } from './common.js';
import { FigureValue } from './figure-value.js';
import { countText, formatValue, intervalText, phaseLabel, suppressionText } from './format.js';
import { areaDirectory, loadTopology } from './charts/geo.js';
import { SeriesChart } from './charts/series-chart.js';
import { SeriesTable, TrendTest } from './series-parts.js';

export default function MonitorAreaPage() {
  const { areaCode = '' } = useParams();
  const code = areaCode.toUpperCase();
  const { m, format } = useMessages();
  const t = m.monitorPages;
  const profile = useAsync(() => monitorApi.area(code), [code]);
  if (profile.error instanceof ApiError && (profile.error.status === 404 || profile.error.status === 400)) {
    return (
      <Page title={t.crumbArea}>
        <Paragraph>{t.areaNotFound}</Paragraph>
        <AreaPicker />
      </Page>
    );
  }
  if (!profile.data) {
    return (
      <AsyncContent state={profile}>{() => null}</AsyncContent>
    );
  }
  const data = profile.data;
  const title = data.areaLevel === 'municipality' ? format(t.areaTitleMunicipality, { name: data.areaName }) : format(t.areaTitleOther, { name: data.areaName });
  return (
    <Page title={title}>
      <AreaView profile={data} />
    </Page>
  );
}

function AreaView({ profile }: { profile: AreaProfile }) {
  const { m, format } = useMessages();
  const t = m.monitorPages;
  const figures = profile.items.map((row) => row.figure);
  return (
    <>
      <Paragraph appearance="lead">
        {format(t.areaIntro, {
          name: profile.areaName,
          comparisons: profile.areaLevel !== 'municipality' ? t.areaComparisonsOther : municipalityComparisons(profile, m, format),
        })}
      </Paragraph>
      {profile.sizeClassLabel ? <Paragraph>{format(t.sizeClass, { sizeClass: profile.sizeClassLabel })}</Paragraph> : null}
      {profile.year ? <Paragraph>{format(t.areaYear, { year: profile.year })}</Paragraph> : null}
      <SyntheticNotice figures={figures} />
      <AreaPicker />
      <SymbolLegend />
      <TableDownloads
        path={monitorPaths.area(profile.areaCode)}
        query={profile.year ? { year: profile.year } : {}}
        what={profile.areaName}
        fileName={`monitor-${profile.areaCode}`}
      />
      {PHASES.map((phase) => {
        const rows = profile.items.filter((row) => row.indicator.phase === phase);
        if (rows.length === 0) return null;
        return (
          <section key={phase} aria-labelledby={`phase-${phase}`}>
            <Heading level={2} id={`phase-${phase}`}>
              {phaseLabel(phase, m)}
            </Heading>
            <ul className="kr-area-grid">
              {rows.map((row) => (
                <li key={row.indicator.key} className="kr-area-card">
                  <AreaIndicator row={row} profile={profile} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <SourceLine figures={figures} />
    </>
  );
}

function AreaIndicator({ row, profile }: { row: AreaProfileRow; profile: AreaProfile }) {
  const { m, locale, format } = useMessages();
  const t = m.monitorPages;
  const { indicator, figure } = row;
  const headingId = `indicator-${indicator.key}`;
  const mapLink = `/monitor/indicatoren/${indicator.key}?gebied=${profile.areaCode}${
    ({ ggd_region: '&niveau=ggd-regio', province: '&niveau=provincie', coalition: '&niveau=coalitie', regional: '&niveau=regio' } as Record<string, string>)[profile.areaLevel] ?? ''
  }`;
  return (
    <>
      <Heading level={3} id={headingId}>
        <Link to={mapLink}>{indicator.name}</Link>
      </Heading>
      <div className="kr-area-card__body">
        <div>
          <div className="kr-area-card__value">
            <span className="kr-area-card__number">
              <FigureValue figure={figure} unit={indicator.unit} showInterval={false} />
            </span>
            {figure ? <span>{figure.period}</span> : null}
            {figure && !figure.isSuppressed ? <span>{intervalText(figure, locale, m)}</span> : null}
          </div>
          {figure?.isSuppressed ? <Paragraph className="kr-suppressed-why">{suppressionText(m)}</Paragraph> : null}
          {figure ? (
            <Paragraph>
              <ChangeMark change={figure.change} />
            </Paragraph>
          ) : null}
          <ComparisonTable indicator={indicator} comparisons={row.comparisons} caption={format(t.comparisonTitle, { indicator: indicator.shortName })} />
        </div>
        <div>
          <AreaTrend indicator={indicator} areaCode={profile.areaCode} areaName={profile.areaName} />
        </div>
      </div>
    </>
  );
}

function ComparisonTable({ indicator, comparisons, caption }: { indicator: Indicator; comparisons: Comparison[]; caption: string }) {
  const { m, locale, formatCount } = useMessages();
  const t = m.monitorPages;
  if (comparisons.length === 0) return null;
  // Counts of municipalities (the questionnaire) are full counts: no interval column.
  const hasShares = comparisons.some((comparison) => comparison.valueKind === 'share');
  return (
    <div className="kr-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="utrecht-table utrecht-table--html-table kr-comparison">
        <caption className="utrecht-table__caption kr-visually-hidden">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              {t.columnComparison}
            </th>
            <th scope="col" className="utrecht-table__header-cell kr-numeric">
              {t.columnValue}
            </th>
            {hasShares ? (
              <th scope="col" className="utrecht-table__header-cell kr-numeric">
                {t.columnInterval}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {comparisons.map((comparison) => (
            <tr key={comparison.kind} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {comparison.areaCode ? <Link to={`/monitor/gebieden/${comparison.areaCode}`}>{comparison.label}</Link> : comparison.label}
                {comparison.municipalityCount !== null ? (
                  <span className="kr-figure-interval">{formatCount(comparison.municipalityCount, { one: t.comparisonMunicipalityCountOne, many: t.comparisonMunicipalityCountMany })}</span>
                ) : null}
              </th>
              <td className="utrecht-table__cell kr-numeric">
                {comparison.isPublished && comparison.value !== null ? (
                  (countText({ kind: comparison.valueKind, numerator: comparison.numerator, denominator: comparison.denominator }, locale, m) ??
                  formatValue(comparison.value, indicator.unit, locale, m))
                ) : (
                  <span className="kr-suppressed">{t.notPublished}</span>
                )}
              </td>
              {hasShares ? (
                <td className="utrecht-table__cell kr-numeric">{comparison.isPublished ? (intervalText(comparison, locale, m) ?? '') : ''}</td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AreaTrend({ indicator, areaCode, areaName }: { indicator: Indicator; areaCode: string; areaName: string }) {
  const { m, format } = useMessages();
  const t = m.monitorPages;
  const series = useAsync(() => monitorApi.series(indicator.key, areaCode, { split: 'all', poolYears: 1 }), [indicator.key, areaCode]);
  if (series.isLoading && !series.data) return <Loading />;
  if (!series.data || series.data.items.length === 0) return null;
  const title = format(t.trendTitle, { indicator: indicator.shortName, area: areaName });
  return (
    <ChartFrame
      title={title}
      headingLevel={4}
      source={sourcesOf(series.data.items)}
      className="kr-chart--compact"
      textAlternative={<SeriesTable series={series.data} unit={indicator.unit} caption={title} />}
    >
      <SeriesChart
        items={series.data.items}
        unit={indicator.unit}
        title={title}
        description={format(t.trendDesc, { indicator: indicator.shortName, area: areaName })}
        seriesLabel={areaName}
        compact
      />
      <TrendTest series={series.data} />
    </ChartFrame>
  );
}

/**
 * What a municipality's page compares it with: similar municipalities, its GGD region, its local
 * coalition and its regional collaboration when it is in one, its province and the Netherlands.
 */
function municipalityComparisons(profile: AreaProfile, m: Catalogue, format: ReturnType<typeof useMessages>['format']): string {
  const has = (kind: 'coalition' | 'regional') => profile.items.some((row) => row.comparisons.some((comparison) => comparison.kind === kind));
  const l = m.monitorLevels;
  return format(l.comparisons, { coalitions: `${has('coalition') ? l.comparisonLocal : ''}${has('regional') ? l.comparisonRegional : ''}` });
}

/** Search by name or code over all municipalities, GGD regions and provinces (from the map's boundaries), local coalitions and regional collaborations. */
export function AreaPicker() {
  const { m, format } = useMessages();
  const t = m.monitorPages;
  const [query, setQuery] = useState('');
  const [directory, setDirectory] = useState<{ code: string; name: string; level: string; parent?: string }[]>([]);
  useEffect(() => {
    let isCurrent = true;
    // Coalitions have no boundaries: they come from the API (without them the picker still works).
    Promise.all([loadTopology(), monitorApi.coalitions().catch(() => [])]).then(
      ([topology, coalitions]) =>
        isCurrent &&
        setDirectory([
          { code: NATION_CODE, name: t.nationName, level: 'nation' },
          ...areaDirectory(topology),
          ...coalitions.map((coalition) => ({ code: coalition.code, name: coalition.name, level: COALITION_LEVEL_OF_KIND[coalition.kind] })),
        ]),
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [t.nationName]);
  const needle = query.trim().toLocaleLowerCase('nl');
  const matches = useMemo(() => {
    if (needle.length < 2) return [];
    return directory
      .filter((area) => area.name.toLocaleLowerCase('nl').includes(needle) || area.code.toLowerCase() === needle)
      .sort((a, b) => Number(!a.name.toLocaleLowerCase('nl').startsWith(needle)) - Number(!b.name.toLocaleLowerCase('nl').startsWith(needle)) || a.name.localeCompare(b.name, 'nl'))
      .slice(0, 10);
  }, [directory, needle]);
  const levelName = (level: string) =>
    (
      {
        municipality: t.levelOneMunicipality,
        ggd_region: t.levelOneGgdRegion,
        province: t.levelOneProvince,
        coalition: m.monitorLevels.oneLocal,
        regional: m.monitorLevels.oneRegional,
        nation: t.levelOneNation,
      } as Record<string, string>
    )[level] ?? '';
  return (
    <div role="search" className="kr-picker" aria-label={t.areaPicker}>
      <TextField id="area-search" label={m.monitorLevels.areaPickerLabel} description={t.areaPickerDescription} type="search" value={query} onValueChange={setQuery} autoComplete="off" />
      <p className="kr-visually-hidden" role="status">
        {needle.length >= 2 ? (matches.length > 0 ? format(t.areaPickerResults, { count: matches.length }) : t.areaPickerNone) : ''}
      </p>
      {needle.length >= 2 ? (
        matches.length > 0 ? (
          <ul className="kr-picker__results">
            {matches.map((area) => (
              <li key={area.code}>
                <Link to={`/monitor/gebieden/${area.code}`}>{area.name}</Link> ({levelName(area.level)}
                {area.parent ? `, ${area.parent}` : ''})
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t.areaPickerNone}</Paragraph>
        )
      ) : null}
    </div>
  );
}
