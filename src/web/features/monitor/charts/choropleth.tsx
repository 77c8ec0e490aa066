// SPDX-License-Identifier: EUPL-1.2
// A choropleth of the Netherlands: every area a focusable option in a listbox (roving tabindex), the
// arrow keys move to the neighbouring area, a letter jumps by name, Enter or a click chooses. Focus and
// hover show the figures beside the map. Five quantile classes in sequential blues, plus hatched
// "onderdrukt" and grey "geen gegevens" — each named in the legend, which is part of the SVG so
// the downloaded file carries it too.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useMessages } from '../../../i18n/messages.js';
import { Link, Paragraph } from '../../../components/ui.js';
import type { Figure, Indicator } from '../../../../contracts/monitor.js';
import { figureValueText, formatNumber, intervalText, suppressionText } from '../format.js';
import { geometryFor, loadTopology, neighbourInDirection, type MapGeometry, type MapLevel, type MapShape } from './geo.js';
import { CHART_FONT, NO_DATA_FILL, SEQUENTIAL_BLUES, SUPPRESSED_STROKE, TEXT_COLOUR, paletteFor, quantileClasses, yesNoClasses } from './scale.js';

export interface ChoroplethProps {
  level: MapLevel;
  figures: readonly Figure[];
  unit: Indicator['unit'];
  title: string;
  selectedCode: string | null;
  onChoose(code: string, name: string): void;
  areaHref(code: string): string;
  /**
   * For areas without boundaries (coalitions): the group each drawn area belongs to. The map then
   * draws `level`'s areas, each coloured by its group's figure; areas in no group show as "no data"
   * under `noDataLabel`, and choosing an area chooses its group.
   */
  groupOf?: ReadonlyMap<string, { code: string; name: string }>;
  noDataLabel?: string;
  /** A drawn area's name with its group's ("{municipality}, … {coalition}"); the coalition sentence by default. */
  groupMemberLabel?: string;
  /**
   * For a category per area instead of a figure (the coalition register's status per municipality):
   * `of` gives each drawn area's category (an index into `labels`, null for none), drawn in `fills`
   * and named in the legend; `description` is the map's text alternative. `figures` is then unused.
   */
  categories?: { of(code: string): number | null; labels: readonly string[]; fills: readonly string[]; description: string };
}

type ClassOf = { kind: 'value'; index: number } | { kind: 'suppressed' } | { kind: 'missing' };

export function Choropleth({ level, figures, unit, title, selectedCode, onChoose, areaHref, groupOf, noDataLabel, groupMemberLabel, categories }: ChoroplethProps) {
  const { m, locale, format } = useMessages();
  const t = m.monitorPages;
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const [geometry, setGeometry] = useState<MapGeometry | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [hoverCode, setHoverCode] = useState<string | null>(null);
  const [focusCode, setFocusCode] = useState<string | null>(null);
  /** Whichever came last, hover or focus, is the area whose details are shown. */
  const [inspectCode, setInspectCode] = useState<string | null>(null);
  /** The one area in the tab order (roving tabindex). */
  const [tabCode, setTabCode] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);

  useEffect(() => {
    let isCurrent = true;
    loadTopology().then(
      (topology) => isCurrent && setGeometry(geometryFor(topology, level)),
      () => isCurrent && setLoadFailed(true),
    );
    return () => {
      isCurrent = false;
    };
  }, [level]);

  const byCode = useMemo(() => new Map(figures.map((figure) => [figure.areaCode, figure])), [figures]);
  const published = useMemo(
    () => figures.filter((figure) => !figure.isSuppressed && figure.value !== null).map((figure) => figure.value!),
    [figures],
  );
  /**
   * One municipality's answer to the questionnaire is ja or nee: two classes (nee light, ja dark),
   * never quantiles of 0% and 100% (which would put the whole country in one class).
   */
  const isYesNo = figures.some((figure) => figure.kind === 'yes_no');
  const classes = useMemo(() => (isYesNo ? yesNoClasses() : quantileClasses(published, 5)), [isYesNo, published]);
  const palette = categories ? categories.fills : isYesNo ? [SEQUENTIAL_BLUES[0], SEQUENTIAL_BLUES[3]] : paletteFor(classes.breaks.length + 1);
  /** The figure shown for a drawn area: its own, or its group's. */
  const figureFor = (code: string): Figure | undefined => {
    if (!groupOf) return byCode.get(code);
    const group = groupOf.get(code);
    return group ? byCode.get(group.code) : undefined;
  };
  /** The area a click or Enter chooses, and the name and page shown for it. */
  const targetOf = (shape: MapShape): { code: string; name: string } | null => (groupOf ? (groupOf.get(shape.code) ?? null) : shape);
  const labelOf = (shape: MapShape): string => {
    const group = groupOf?.get(shape.code);
    return group ? format(groupMemberLabel ?? t.coalitionMember, { municipality: shape.name, coalition: group.name }) : shape.name;
  };
  const isChosen = (shape: MapShape) => selectedCode !== null && targetOf(shape)?.code === selectedCode;
  const classOf = (code: string): ClassOf => {
    if (categories) {
      const index = categories.of(code);
      return index === null ? { kind: 'missing' } : { kind: 'value', index };
    }
    const figure = figureFor(code);
    if (!figure) return { kind: 'missing' };
    if (figure.isSuppressed || figure.value === null) return { kind: 'suppressed' };
    return { kind: 'value', index: classes.classOf(figure.value) };
  };

  const shapes = geometry?.shapes ?? [];
  const shapeByCode = useMemo(() => new Map(shapes.map((shape) => [shape.code, shape])), [shapes]);
  const rovingCode = tabCode && shapeByCode.has(tabCode) ? tabCode : selectedCode && shapeByCode.has(selectedCode) ? selectedCode : shapes[0]?.code;

  const categoryText = (code: string): string => {
    const index = categories?.of(code) ?? null;
    return index === null ? (noDataLabel ?? t.legendNoData) : categories!.labels[index]!;
  };
  const describe = (shape: MapShape): string => {
    if (categories) return `${labelOf(shape)}: ${categoryText(shape.code)}`;
    const figure = figureFor(shape.code);
    const value = figureValueText(figure, unit, locale, m);
    const interval = intervalText(figure, locale, m);
    return `${labelOf(shape)}: ${value}${interval ? ` (${interval})` : ''}`;
  };

  const moveTo = (shape: MapShape | null | undefined) => {
    if (!shape) return;
    setTabCode(shape.code);
    svgRef.current?.querySelector<SVGPathElement>(`[data-code="${shape.code}"]`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<SVGPathElement>, shape: MapShape) => {
    const arrows: Record<string, 'left' | 'right' | 'up' | 'down'> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
    const direction = arrows[event.key];
    if (direction) {
      event.preventDefault();
      moveTo(neighbourInDirection(shapes, shape, direction));
    } else if (event.key === 'Home') {
      event.preventDefault();
      moveTo(shapes[0]);
    } else if (event.key === 'End') {
      event.preventDefault();
      moveTo(shapes.at(-1));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const target = targetOf(shape);
      if (target) onChoose(target.code, target.name);
    } else if (event.key.length === 1 && /\p{L}|\d/u.test(event.key)) {
      // Type-ahead: the next area (alphabetically) whose name starts with the letter.
      const letter = event.key.toLocaleLowerCase('nl');
      const start = shapes.indexOf(shape);
      const ordered = [...shapes.slice(start + 1), ...shapes.slice(0, start + 1)];
      moveTo(ordered.find((candidate) => candidate.name.toLocaleLowerCase('nl').startsWith(letter)));
    }
  };

  if (loadFailed) return <Paragraph>{t.mapLoadError}</Paragraph>;
  if (!geometry) return <Paragraph role="status">{t.mapLoading}</Paragraph>;

  const counts = { suppressed: 0, missing: 0 };
  for (const shape of shapes) {
    const kind = classOf(shape.code).kind;
    if (kind === 'suppressed') counts.suppressed += 1;
    if (kind === 'missing') counts.missing += 1;
  }
  const fillOf = (code: string) => {
    const kind = classOf(code);
    if (kind.kind === 'value') return palette[kind.index]!;
    if (kind.kind === 'suppressed') return `url(#${id}-hatch)`;
    return NO_DATA_FILL;
  };
  const chosenShapes = groupOf ? shapes.filter(isChosen).map((shape) => shape.code) : [selectedCode];
  const highlighted = [...chosenShapes, focusCode, hoverCode].filter((code, index, all): code is string => Boolean(code) && all.indexOf(code) === index);
  const detailCode = inspectCode ?? selectedCode;
  const detailShape = detailCode ? shapeByCode.get(detailCode) : undefined;
  const detailFigure = detailCode ? figureFor(detailCode) : undefined;
  const detailTarget = detailShape ? targetOf(detailShape) : null;

  // Legend rows: value classes (low → high), then onderdrukt and geen gegevens.
  const classLabels = palette.map((_, index) => {
    if (categories) return categories.labels[index]!;
    if (isYesNo) return index === 0 ? t.legendNo : t.legendYes;
    const low = index === 0 ? classes.min : classes.breaks[index - 1]!;
    const high = index === palette.length - 1 ? classes.max : classes.breaks[index]!;
    return `${formatNumber(low, locale)} – ${formatNumber(high, locale)}`;
  });
  const unitLabel = unit === 'percentage' ? '%' : t.unitPer1000;
  const legendRows = [
    ...(published.length > 0 || categories ? palette.map((colour, index) => ({ fill: colour, label: classLabels[index]! })) : []),
    ...((isYesNo || categories) && counts.suppressed === 0 ? [] : [{ fill: `url(#${id}-hatch)`, label: t.legendSuppressed }]),
    { fill: NO_DATA_FILL, label: noDataLabel ?? t.legendNoData },
  ];

  return (
    <div className="kr-map">
      <div className="kr-map__canvas">
        <svg
          ref={svgRef}
          className="kr-chart__svg kr-map__svg"
          viewBox={`0 0 ${geometry.width} ${geometry.height}`}
          role="group"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>
            {categories
              ? categories.description
              : isYesNo
              ? format(t.mapDescYesNo, { count: shapes.length, missing: counts.missing })
              : format(t.mapDesc, { count: shapes.length, classes: palette.length, suppressed: counts.suppressed, missing: counts.missing })}
          </desc>
          <defs>
            <pattern id={`${id}-hatch`} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
              <rect width="5" height="5" fill="#ffffff" />
              <line x1="0" y1="0" x2="0" y2="5" stroke={SUPPRESSED_STROKE} strokeWidth="1.6" />
            </pattern>
          </defs>
          <g role="listbox" aria-label={t.mapAreasLabel} aria-describedby={`${id}-help`}>
            {shapes.map((shape) => (
              <path
                key={shape.code}
                data-code={shape.code}
                className="kr-map__area"
                d={shape.d}
                fill={fillOf(shape.code)}
                stroke="#ffffff"
                strokeWidth={level === 'municipality' ? 0.4 : 0.8}
                role="option"
                aria-selected={groupOf ? isChosen(shape) : shape.code === selectedCode}
                aria-label={describe(shape)}
                tabIndex={shape.code === rovingCode ? 0 : -1}
                onKeyDown={(event) => onKeyDown(event, shape)}
                onFocus={() => {
                  setFocusCode(shape.code);
                  setTabCode(shape.code);
                  setInspectCode(shape.code);
                }}
                onBlur={() => {
                  setFocusCode((current) => (current === shape.code ? null : current));
                  setInspectCode((current) => (current === shape.code ? hoverCode : current));
                }}
                onMouseEnter={() => {
                  setHoverCode(shape.code);
                  setInspectCode(shape.code);
                }}
                onMouseLeave={() => {
                  setHoverCode((current) => (current === shape.code ? null : current));
                  setInspectCode((current) => (current === shape.code ? focusCode : current));
                }}
                onClick={() => {
                  setTabCode(shape.code);
                  const target = targetOf(shape);
                  if (target) onChoose(target.code, target.name);
                }}
              />
            ))}
          </g>
          {geometry.provinceBorders ? (
            <path d={geometry.provinceBorders} fill="none" stroke="#4a4a4a" strokeWidth="0.9" strokeLinejoin="round" pointerEvents="none" />
          ) : null}
          {highlighted.map((code) => {
            const shape = shapeByCode.get(code);
            if (!shape) return null;
            const isSelected = chosenShapes.includes(code);
            return (
              <path
                key={`highlight-${code}`}
                className={isSelected ? 'kr-map__selected' : 'kr-no-export kr-map__highlight'}
                d={shape.d}
                fill="none"
                stroke={isSelected ? '#a3316f' : TEXT_COLOUR}
                strokeWidth={isSelected ? 2.5 : 2}
                strokeDasharray={isSelected || code === focusCode ? undefined : '4 2'}
                pointerEvents="none"
              />
            );
          })}
          <g transform="translate(14, 18)" fontFamily={CHART_FONT} fontSize="12" fill={TEXT_COLOUR}>
            <text x="0" y="0" fontWeight="700">
              {isYesNo || categories ? t.legendLabel : `${t.legendLabel} (${unitLabel})`}
            </text>
            {legendRows.map((row, index) => (
              <g key={row.label} transform={`translate(0, ${10 + index * 22})`}>
                <rect width="22" height="16" fill={row.fill} stroke="#4a4a4a" strokeWidth="0.8" />
                <text x="30" y="12.5">
                  {row.label}
                </text>
              </g>
            ))}
          </g>
        </svg>
        <Paragraph id={`${id}-help`} className="kr-map__help">
          {t.mapKeyboardHelp}
        </Paragraph>
      </div>
      <div className="kr-map__details">
        <p className="kr-map__details-title">{t.detailsTitle}</p>
        {detailShape ? <p className="kr-map__details-name">{labelOf(detailShape)}</p> : null}
        {detailShape && categories ? (
          <dl className="kr-map__details-list">
            <dt>{t.columnValue}</dt>
            <dd>{categoryText(detailShape.code)}</dd>
          </dl>
        ) : detailShape ? (
          <dl className="kr-map__details-list">
            <dt>{t.columnValue}</dt>
            <dd>{figureValueText(detailFigure, unit, locale, m)}</dd>
            {detailFigure && !detailFigure.isSuppressed && intervalText(detailFigure, locale, m) ? (
              <>
                <dt>{t.columnInterval}</dt>
                <dd>{intervalText(detailFigure, locale, m)}</dd>
              </>
            ) : null}
            {detailFigure && !detailFigure.isSuppressed && detailFigure.numerator !== null && detailFigure.denominator !== null ? (
              <>
                <dt>
                  {t.columnNumerator} / {t.columnDenominator}
                </dt>
                <dd>
                  {formatNumber(detailFigure.numerator, locale, 0)} / {formatNumber(detailFigure.denominator, locale, 0)}
                </dd>
              </>
            ) : null}
            {detailFigure?.isSuppressed ? (
              <>
                <dt>{t.suppressed}</dt>
                <dd>{suppressionText(m)}</dd>
              </>
            ) : null}
            {detailFigure ? (
              <>
                <dt>{t.columnPeriod}</dt>
                <dd>{detailFigure.period}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <Paragraph className="kr-map__details-hint">{t.detailsHint}</Paragraph>
        )}
        {detailTarget ? (
          <Paragraph>
            <Link to={areaHref(detailTarget.code)}>{format(t.detailsOpen, { area: detailTarget.name })}</Link>
          </Paragraph>
        ) : null}
      </div>
    </div>
  );
}
