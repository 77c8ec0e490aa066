// SPDX-License-Identifier: EUPL-1.2
// /monitor/indicatoren/:key — one indicator: a choropleth of all municipalities (or GGD regions,
// provinces or coalitions — the latter drawn as their member municipalities) with its table, the trend of the Netherlands or a chosen area with intervals and a trend
// test, and the spread over the areas. The choices live in the URL, so every view can be shared.
import { useMemo, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { monitorApi, monitorPaths, type FigureQuery } from '../../api/endpoints.js';
import { AsyncContent, LoadError, Loading, Page, useAsync } from '../../components/page.js';
import { Button, Heading, Link, Paragraph, Select, SelectOption } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import type { Figure, Indicator, Series, Split } from '../../../contracts/monitor.js';
import { COALITION_LEVEL_OF_KIND, POOL_YEARS, type CoalitionLevel } from '../../../contracts/monitor.js';
import { NATION_CODE } from './constants.js';
import type { Catalogue } from '../../../contracts/i18n/nl.js';
import { ChartFrame, SourceLine, SyntheticNotice, TableDownloads, sourcesOf } from './common.js';
import { Choropleth } from './charts/choropleth.js';
import { DistributionChart, histogram, type Marker } from './charts/distribution-chart.js';
import type { MapLevel } from './charts/geo.js';
import { median } from './charts/scale.js';
import { FigureTable } from './figure-table.js';
import { formatNumber, formatValue, splitLabel } from './format.js';
import { SeriesTable, TrendTest } from './series-parts.js';
import { SeriesChart } from './charts/series-chart.js';

/**
 * The levels of the switch: those with boundaries, and the two coalition levels (no boundaries of
 * their own): local coalitions ('coalition') and regional collaborations ('regional'; issue 10 item 8).
 */
export type PageLevel = MapLevel | CoalitionLevel;
const isCoalitionLevel = (level: PageLevel): level is CoalitionLevel => level === 'coalition' || level === 'regional';
const LEVEL_PARAM: Record<string, PageLevel> = { gemeente: 'municipality', 'ggd-regio': 'ggd_region', provincie: 'province', coalitie: 'coalition', regio: 'regional' };
const PARAM_OF_LEVEL: Record<PageLevel, string> = { municipality: 'gemeente', ggd_region: 'ggd-regio', province: 'provincie', coalition: 'coalitie', regional: 'regio' };
const SPLIT_PARAM: Record<string, Split> = { alle: 'all', kwetsbaar: 'vulnerable', 'niet-kwetsbaar': 'not_vulnerable' };
const PARAM_OF_SPLIT: Record<Split, string> = { all: 'alle', vulnerable: 'kwetsbaar', not_vulnerable: 'niet-kwetsbaar' };
/** Areas in the 2025 boundaries, to count those without any figure. */
const AREA_COUNT: Record<MapLevel, number> = { municipality: 342, ggd_region: 25, province: 12 };

export function levelOne(level: PageLevel, m: Catalogue): string {
  const t = m.monitorPages;
  const l = m.monitorLevels;
  return { municipality: t.levelOneMunicipality, ggd_region: t.levelOneGgdRegion, province: t.levelOneProvince, coalition: l.oneLocal, regional: l.oneRegional }[level];
}
export function levelMany(level: PageLevel, m: Catalogue): string {
  const t = m.monitorPages;
  const l = m.monitorLevels;
  return { municipality: t.levelManyMunicipality, ggd_region: t.levelManyGgdRegion, province: t.levelManyProvince, coalition: l.manyLocal, regional: l.manyRegional }[level];
}

export default function MonitorIndicatorPage() {
  const { key = '' } = useParams();
  const { m } = useMessages();
  const indicators = useAsync(() => monitorApi.indicators(), []);
  const indicator = indicators.data?.find((candidate) => candidate.key === key);
  if (indicators.error) {
    return (
      <Page title={m.monitorPages.crumbIndicator}>
        <LoadError error={indicators.error} onRetry={indicators.reload} />
      </Page>
    );
  }
  if (!indicators.data) return <Loading />;
  if (!indicator) {
    return (
      <Page title={m.monitorPages.crumbIndicator}>
        <Paragraph>{m.monitorPages.indicatorNotFound}</Paragraph>
        <Paragraph>
          <Link to="/monitor">{m.monitorPages.overviewTitle}</Link>
        </Paragraph>
      </Page>
    );
  }
  return <IndicatorView key={indicator.key} indicator={indicator} />;
}

function IndicatorView({ indicator }: { indicator: Indicator }) {
  const { m, format } = useMessages();
  const t = m.monitorPages;
  const [params, setParams] = useSearchParams();
  const level = LEVEL_PARAM[params.get('niveau') ?? ''] ?? 'municipality';
  const split = (indicator.hasVulnerabilitySplit ? SPLIT_PARAM[params.get('uitsplitsing') ?? ''] : undefined) ?? 'all';
  const poolYears = params.get('samengevoegd') === String(POOL_YEARS) ? POOL_YEARS : 1;
  const yearParam = Number(params.get('jaar'));
  const year = Number.isInteger(yearParam) && yearParam > 1900 ? yearParam : undefined;
  const chosenCode = params.get('gebied');
  const [announcement, setAnnouncement] = useState('');

  const update = (changes: Record<string, string | null>) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [name, value] of Object.entries(changes)) {
          if (value === null) next.delete(name);
          else next.set(name, value);
        }
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  };
  const choose = (code: string, name: string) => {
    update({ gebied: code });
    setAnnouncement(format(t.chosenArea, { area: name }));
  };

  const query: FigureQuery = { areaLevel: level, split, poolYears, ...(year ? { year } : {}) };
  const national = useAsync(() => monitorApi.series(indicator.key, NATION_CODE, { split, poolYears }), [indicator.key, split, poolYears]);
  const figures = useAsync(() => monitorApi.figures(indicator.key, query), [indicator.key, level, split, poolYears, year]);
  // Coalitions have no boundaries: the map draws their member municipalities in the coalition's
  // colour — the local coalitions or the regional collaborations, whichever level is shown.
  const coalitions = useAsync(() => (isCoalitionLevel(level) ? monitorApi.coalitions() : Promise.resolve(null)), [level]);
  const coalitionOf = useMemo(
    () =>
      new Map(
        (coalitions.data ?? [])
          .filter((coalition) => COALITION_LEVEL_OF_KIND[coalition.kind] === level)
          .flatMap((coalition) => coalition.municipalityCodes.map((code) => [code, coalition] as const)),
      ),
    [coalitions.data, level],
  );
  const chosen = useAsync(
    () => (chosenCode ? monitorApi.series(indicator.key, chosenCode, { split, poolYears }) : Promise.resolve(null)),
    [indicator.key, chosenCode, split, poolYears],
  );

  const years = useMemo(() => [...new Set((national.data?.items ?? []).map((item) => item.year))].sort((a, b) => b - a), [national.data]);
  const shownYear = figures.data?.[0]?.year ?? year ?? years[0];
  const period = figures.data?.[0]?.period ?? (shownYear ? String(shownYear) : '');
  const splitText = split === 'all' ? '' : `, ${splitLabel(split, m).toLowerCase()}`;
  const mapTitle = `${format(t.mapTitle, { indicator: indicator.shortName, level: levelOne(level, m), period })}${splitText}`;
  const allFigures: (Figure | null)[] = [...(figures.data ?? []), ...(national.data?.items ?? []), ...(chosen.data?.items ?? [])];

  return (
    <Page title={indicator.name}>
      <IndicatorFacts indicator={indicator} />
      <DefinitionNotes indicator={indicator} />
      <SyntheticNotice figures={allFigures} />

      <form className="kr-choices" aria-label={t.choices} onSubmit={(event) => event.preventDefault()}>
        <fieldset className="utrecht-form-fieldset">
          <legend className="utrecht-form-fieldset__legend">{t.levelLabel}</legend>
          <div className="kr-radio-row">
            {(['municipality', 'ggd_region', 'province', 'coalition', 'regional'] as const).map((option) => (
              <label key={option}>
                <input
                  type="radio"
                  name="level"
                  value={option}
                  checked={level === option}
                  onChange={() => update({ niveau: option === 'municipality' ? null : PARAM_OF_LEVEL[option] })}
                />
                {
                  {
                    municipality: t.levelMunicipalities,
                    ggd_region: t.levelGgdRegions,
                    province: t.levelProvinces,
                    coalition: m.monitorLevels.levelsLocal,
                    regional: m.monitorLevels.levelsRegional,
                  }[option]
                }
              </label>
            ))}
          </div>
        </fieldset>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="monitor-year">
            {t.yearLabel}
          </label>
          <div>
            <Select id="monitor-year" value={String(shownYear ?? '')} onChange={(event) => update({ jaar: event.target.value || null })}>
              {years.map((option) => (
                <SelectOption key={option} value={String(option)}>
                  {option}
                </SelectOption>
              ))}
            </Select>
          </div>
        </div>
        {indicator.hasVulnerabilitySplit ? (
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor="monitor-split">
              {t.splitLabel}
            </label>
            <div>
              <Select
                id="monitor-split"
                value={split}
                onChange={(event) => update({ uitsplitsing: event.target.value === 'all' ? null : PARAM_OF_SPLIT[event.target.value as Split] })}
              >
                {(['all', 'vulnerable', 'not_vulnerable'] as const).map((option) => (
                  <SelectOption key={option} value={option}>
                    {splitLabel(option, m)}
                  </SelectOption>
                ))}
              </Select>
            </div>
          </div>
        ) : null}
        <div className="kr-check-row">
          <label>
            <input
              type="checkbox"
              checked={poolYears === POOL_YEARS}
              aria-describedby="monitor-pool-description"
              onChange={(event) => update({ samengevoegd: event.target.checked ? String(POOL_YEARS) : null, jaar: null })}
            />
            {t.poolLabel}
          </label>
        </div>
        <p id="monitor-pool-description" className="kr-choices__hint">
          {t.poolDescription}
        </p>
      </form>

      <p className="kr-visually-hidden" role="status">
        {announcement}
      </p>

      <AsyncContent state={figures}>
        {(list) => (
          <>
            <ChartFrame title={mapTitle} source={sourcesOf(list)} className="kr-chart--map">
              {poolYears > 1 ? <p className="kr-pooled">{format(t.pooledNote, { period })}</p> : null}
              {isCoalitionLevel(level) ? (
                <Paragraph className="kr-map__note">{level === 'coalition' ? m.monitorLevels.localMapNote : m.monitorLevels.regionalMapNote}</Paragraph>
              ) : null}
              {isCoalitionLevel(level) && !coalitions.data ? (
                coalitions.error ? (
                  <LoadError error={coalitions.error} onRetry={coalitions.reload} />
                ) : (
                  <Loading />
                )
              ) : (
                <Choropleth
                  level={isCoalitionLevel(level) ? 'municipality' : level}
                  figures={list}
                  unit={indicator.unit}
                  title={mapTitle}
                  selectedCode={chosenCode}
                  onChoose={choose}
                  areaHref={(code) => `/monitor/gebieden/${code}`}
                  {...(isCoalitionLevel(level)
                    ? {
                        groupOf: coalitionOf,
                        noDataLabel: level === 'coalition' ? m.monitorLevels.legendNoLocal : m.monitorLevels.legendNoRegional,
                        groupMemberLabel: level === 'coalition' ? m.monitorLevels.localMember : m.monitorLevels.regionalMember,
                      }
                    : {})}
                />
              )}
            </ChartFrame>

            <section className="kr-chart" aria-labelledby="monitor-table-heading">
              <Heading level={2} id="monitor-table-heading" className="kr-chart__heading">
                {t.tableTitle}
              </Heading>
              <TableDownloads
                path={monitorPaths.figures(indicator.key)}
                query={query}
                what={mapTitle}
                fileName={`${indicator.key}-${PARAM_OF_LEVEL[level]}-${period}`}
              />
              <FigureTable figures={list} unit={indicator.unit} caption={mapTitle} chosenCode={chosenCode} onChoose={choose} />
              <SourceLine figures={list} />
            </section>
          </>
        )}
      </AsyncContent>

      <TrendSection
        indicator={indicator}
        national={national.data}
        chosen={chosen.data ?? null}
        isLoading={national.isLoading || chosen.isLoading}
        error={national.error ?? chosen.error}
        onReset={() => update({ gebied: null })}
      />

      {figures.data ? (
        <DistributionSection
          indicator={indicator}
          figures={figures.data}
          level={level}
          period={period}
          nationalFigure={national.data?.items.find((item) => item.period === period) ?? null}
          chosenCode={chosenCode}
        />
      ) : null}
    </Page>
  );
}

function IndicatorFacts({ indicator }: { indicator: Indicator }) {
  const { m } = useMessages();
  const t = m.monitorPages;
  return (
    <details className="kr-facts kr-legend-box">
      <summary>{t.indicatorFacts}</summary>
      <dl className="kr-details">
        <dt>{t.factNumerator}</dt>
        <dd>{indicator.numerator}</dd>
        <dt>{t.factDenominator}</dt>
        <dd>{indicator.denominator}</dd>
        <dt>{t.factUnit}</dt>
        <dd>{indicator.unit === 'percentage' ? t.unitPercentage : t.unitPer1000}</dd>
        <dt>{t.factType}</dt>
        <dd>{indicator.type === 'process' ? t.typeProcess : t.typeOutcome}</dd>
        <dt>{t.factDirection}</dt>
        <dd>{indicator.desiredDirection === 'lower' ? t.directionLower : t.directionHigher}</dd>
        <dt>{t.factSource}</dt>
        <dd>{indicator.source}</dd>
      </dl>
    </details>
  );
}

/** Where Kansrijk's definition differs from RIVM's (and what the year means): always visible, text from the catalogue. */
function DefinitionNotes({ indicator }: { indicator: Indicator }) {
  const { m } = useMessages();
  if (indicator.notes.length === 0) return null;
  return (
    <section className="kr-legend-box" aria-labelledby="indicator-notes-heading" data-testid="indicator-notes">
      <Heading level={2} id="indicator-notes-heading">
        {m.monitorNoteLabels.heading}
      </Heading>
      {indicator.notes.map((note) => (
        <Paragraph key={note.key}>{m.monitorNotes[note.key]}</Paragraph>
      ))}
    </section>
  );
}

function TrendSection({
  indicator,
  national,
  chosen,
  isLoading,
  error,
  onReset,
}: {
  indicator: Indicator;
  national: Series | undefined;
  chosen: Series | null;
  isLoading: boolean;
  error: Error | null;
  onReset(): void;
}) {
  const { m, format } = useMessages();
  const t = m.monitorPages;
  const series = chosen ?? national;
  if (error) return <LoadError error={error} />;
  if (!series) return isLoading ? <Loading /> : null;
  const title = format(t.trendTitle, { indicator: indicator.shortName, area: series.areaName });
  const reference = chosen && national && chosen.areaCode !== national.areaCode ? national : undefined;
  return (
    <ChartFrame
      title={title}
      source={sourcesOf([...series.items, ...(reference?.items ?? [])])}
      textAlternative={<SeriesTable series={series} unit={indicator.unit} caption={title} />}
      isTextOpen
      aside={
        <div className="kr-map__details">
          <TrendTest series={series} />
          {chosen ? (
            <>
              <Paragraph>
                <Link to={`/monitor/gebieden/${chosen.areaCode}`}>{format(t.detailsOpen, { area: chosen.areaName })}</Link>
              </Paragraph>
              <Button variant="subtle" onClick={onReset}>
                {t.trendReset}
              </Button>
            </>
          ) : null}
        </div>
      }
    >
      <SeriesChart
        items={series.items}
        reference={reference?.items}
        unit={indicator.unit}
        title={title}
        description={format(t.trendDesc, { indicator: indicator.shortName, area: series.areaName })}
        seriesLabel={series.areaName}
        referenceLabel={reference?.areaName ?? ''}
      />
    </ChartFrame>
  );
}

function DistributionSection({
  indicator,
  figures,
  level,
  period,
  nationalFigure,
  chosenCode,
}: {
  indicator: Indicator;
  figures: readonly Figure[];
  level: PageLevel;
  period: string;
  nationalFigure: Figure | null;
  chosenCode: string | null;
}) {
  const { m, locale, format } = useMessages();
  const t = m.monitorPages;
  const values = figures.filter((figure) => !figure.isSuppressed && figure.value !== null).map((figure) => figure.value!);
  if (values.length === 0) return null;
  const suppressed = figures.filter((figure) => figure.isSuppressed).length;
  const title = format(t.distributionTitle, { level: levelMany(level, m), period });
  const show = (value: number) => formatValue(value, indicator.unit, locale, m);
  const markers: Marker[] = [];
  if (nationalFigure && !nationalFigure.isSuppressed && nationalFigure.value !== null) {
    markers.push({ value: nationalFigure.value, label: `${nationalFigure.areaName} ${show(nationalFigure.value)}`, kind: 'nation' });
  }
  const chosen = figures.find((figure) => figure.areaCode === chosenCode);
  if (chosen && !chosen.isSuppressed && chosen.value !== null) {
    markers.push({ value: chosen.value, label: `${chosen.areaName} ${show(chosen.value)}`, kind: 'area' });
  }
  const summary = format(t.distributionSummary, {
    count: values.length,
    min: show(Math.min(...values)),
    median: show(median(values)),
    max: show(Math.max(...values)),
    suppressed,
    missing: isCoalitionLevel(level) ? 0 : Math.max(0, AREA_COUNT[level] - figures.length),
  });
  const { bins, step } = histogram(values, 12);
  const digits = step < 1 ? 1 : 0;
  return (
    <ChartFrame
      title={title}
      source={sourcesOf(figures)}
      textAlternative={
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption">{t.distributionTable}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                {t.columnFrom}
              </th>
              <th scope="col" className="utrecht-table__header-cell">
                {t.columnTo}
              </th>
              <th scope="col" className="utrecht-table__header-cell kr-numeric">
                {t.columnCount}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {bins.map((bin) => (
              <tr key={bin.from} className="utrecht-table__row">
                <td className="utrecht-table__cell">{formatNumber(bin.from, locale, digits)}</td>
                <td className="utrecht-table__cell">{formatNumber(bin.to, locale, digits)}</td>
                <td className="utrecht-table__cell kr-numeric">{bin.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <Paragraph>{summary}</Paragraph>
      <DistributionChart values={values} unit={indicator.unit} title={title} description={`${t.distributionDesc} ${summary}`} markers={markers} />
    </ChartFrame>
  );
}
