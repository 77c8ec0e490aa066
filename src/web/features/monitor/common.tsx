// SPDX-License-Identifier: EUPL-1.2
// Pieces every monitor page shares: the change symbol with its meaning in words, the notice for
// synthetic data, the source line, download buttons for tables and for charts.
import { useId, useRef, useState, type ReactNode } from 'react';
import { downloadBlob } from '../../api/client.js';
import { monitorApi, type ExportFormat } from '../../api/endpoints.js';
import type { Query } from '../../api/client.js';
import { useMessages } from '../../i18n/messages.js';
import { Alert, Button, Heading, Paragraph } from '../../components/ui.js';
import type { Figure } from '../../../contracts/monitor.js';
import { assessmentText, hasAssessment, significanceText, symbolCharacter, symbolText, type Change } from './format.js';
import { fileNameFor, pngBlob, serialiseSvg, svgBlob } from './charts/export.js';
import './monitor.css';

/** ↑ ↓ … ×, coloured by assessment, with the meaning and the significance in words next to it. */
export function ChangeMark({ change }: { change: Change | null | undefined }) {
  const { m, locale } = useMessages();
  if (!change) return <span className="kr-change kr-change--none">{m.monitorPages.noChange}</span>;
  const tone = hasAssessment(change) ? change.assessment : 'neutral';
  return (
    <span className={`kr-change kr-change--${tone}`}>
      <span className="kr-change__symbol" aria-hidden="true">
        {symbolCharacter(change.symbol)}
      </span>{' '}
      <span className="kr-change__words">
        <span className="kr-visually-hidden">{symbolText(change.symbol, m)}, </span>
        {hasAssessment(change) ? <span className="kr-change__assessment">{assessmentText(change.assessment, m)}</span> : null}
        {change.symbol !== 'not_comparable' ? (
          <span className="kr-change__significance">{significanceText(change, locale, m)}</span>
        ) : (
          <span className="kr-change__significance">{symbolText(change.symbol, m).toLowerCase()}</span>
        )}
      </span>
    </span>
  );
}

/** The legend of seed 003's Table 1 in its own words: the four symbols, the three colours, and our test. */
export function SymbolLegend() {
  const { m } = useMessages();
  const t = m.monitorPages;
  const items: [Change['symbol'], string][] = [
    ['up', t.legendUp],
    ['down', t.legendDown],
    ['stable', t.legendStable],
    ['not_comparable', t.legendNotComparable],
  ];
  const colours: [Change['assessment'], string][] = [
    ['desired', t.legendDesired],
    ['undesired', t.legendUndesired],
    ['unclear', t.legendUnclear],
  ];
  return (
    <details className="kr-legend-box">
      <summary>{t.legendTitle}</summary>
      <dl className="kr-symbol-legend">
        {items.map(([symbol, text]) => (
          <div key={symbol} data-symbol={symbol}>
            <dt>
              <span aria-hidden="true">{symbolCharacter(symbol)}</span>
              <span className="kr-visually-hidden">{symbolText(symbol, m)}</span>
            </dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
      <Paragraph>{t.legendColoursTitle}</Paragraph>
      <ul className="kr-colour-legend">
        {colours.map(([assessment, text]) => (
          <li key={assessment} className={`kr-change--${assessment}`}>
            <span className="kr-change__symbol" aria-hidden="true">
              ↑↓
            </span>{' '}
            <span>{text}</span>
          </li>
        ))}
      </ul>
      <Paragraph>{t.legendColours}</Paragraph>
      <Paragraph>{t.legendTest}</Paragraph>
    </details>
  );
}

/** Shown whenever any figure on the page is synthetic. */
export function SyntheticNotice({ figures }: { figures: readonly (Pick<Figure, 'isSynthetic'> | null | undefined)[] }) {
  const { m } = useMessages();
  if (!figures.some((figure) => figure?.isSynthetic)) return null;
  return (
    <Alert type="warning" className="kr-synthetic">
      <Paragraph>
        <strong>{m.monitorPages.syntheticTitle}.</strong> {m.monitorPages.syntheticText}
      </Paragraph>
    </Alert>
  );
}

/** "Bron: …" for the distinct sources of the figures shown. */
export function sourcesOf(figures: readonly (Figure | null | undefined)[]): string {
  return [...new Set(figures.filter((figure): figure is Figure => Boolean(figure)).map((figure) => figure.sourceLabel))].join('; ');
}

export function SourceLine({ figures }: { figures: readonly (Figure | null | undefined)[] }) {
  const { m, format } = useMessages();
  const sources = sourcesOf(figures);
  if (!sources) return null;
  return <Paragraph className="kr-source">{format(m.monitorPages.sourceLine, { source: sources })}</Paragraph>;
}

/** CSV (point or comma) and XLSX of a monitor list, from the server: the same rows, after suppression. */
export function TableDownloads({ path, query, what, fileName }: { path: string; query: Query; what: string; fileName: string }) {
  const { m, format } = useMessages();
  const t = m.monitorPages;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const download = async (exportFormat: ExportFormat) => {
    setError(null);
    setBusy(exportFormat);
    try {
      const blob = await monitorApi.download(path, query, exportFormat);
      downloadBlob(blob, `${fileName}${exportFormat === 'xlsx' ? '.xlsx' : exportFormat === 'csv_comma' ? '-komma.csv' : '.csv'}`);
    } catch {
      setError(t.exportFailed);
    } finally {
      setBusy(null);
    }
  };
  const buttons: [ExportFormat, string][] = [
    ['csv', t.exportCsv],
    ['csv_comma', t.exportCsvComma],
    ['xlsx', t.exportXlsx],
  ];
  return (
    <div className="kr-downloads">
      <span className="kr-downloads__label" aria-hidden="true">
        {t.exportTitle}:
      </span>
      {buttons.map(([exportFormat, label]) => (
        <Button
          key={exportFormat}
          variant="subtle"
          onClick={() => download(exportFormat)}
          disabled={busy !== null}
          aria-label={format(t.exportButtonLabel, { format: label, what })}
        >
          {label}
        </Button>
      ))}
      {error ? <Alert type="error">{error}</Alert> : null}
    </div>
  );
}

/**
 * A chart or map with its heading, SVG and PNG downloads, a text version and the source. The chart
 * itself is the child: an <svg class="kr-chart__svg"> with its own <title> and <desc>.
 */
export function ChartFrame({
  title,
  headingLevel = 2,
  source,
  textAlternative,
  children,
  aside,
  className,
  isTextOpen = false,
}: {
  isTextOpen?: boolean;
  title: string;
  headingLevel?: 2 | 3 | 4;
  source: string;
  textAlternative?: ReactNode;
  children: ReactNode;
  aside?: ReactNode;
  className?: string;
}) {
  const { m, format } = useMessages();
  const t = m.monitorPages;
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const containerRef = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const sourceText = source ? format(t.sourceLine, { source }) : '';
  const exportAs = async (kind: 'svg' | 'png') => {
    setError(null);
    const svg = containerRef.current?.querySelector<SVGSVGElement>('svg.kr-chart__svg');
    if (!svg) return;
    try {
      const exported = serialiseSvg(svg, title, sourceText);
      const blob = kind === 'svg' ? svgBlob(exported) : await pngBlob(exported);
      downloadBlob(blob, `${fileNameFor(title)}.${kind}`);
    } catch {
      setError(t.exportFailed);
    }
  };
  return (
    <section className={['kr-chart', className].filter(Boolean).join(' ')} aria-labelledby={`${id}-heading`}>
      <Heading level={headingLevel} id={`${id}-heading`} className="kr-chart__heading">
        {title}
      </Heading>
      <div className="kr-chart__body">
        <div className="kr-chart__figure" ref={containerRef}>
          {children}
        </div>
        {aside}
      </div>
      <div className="kr-downloads">
        <span className="kr-downloads__label" aria-hidden="true">
          {t.exportTitle}:
        </span>
        <Button variant="subtle" onClick={() => exportAs('svg')} aria-label={format(t.exportButtonLabel, { format: t.exportSvg, what: title })}>
          {t.exportSvg}
        </Button>
        <Button variant="subtle" onClick={() => exportAs('png')} aria-label={format(t.exportButtonLabel, { format: t.exportPng, what: title })}>
          {t.exportPng}
        </Button>
      </div>
      {error ? <Alert type="error">{error}</Alert> : null}
      {textAlternative ? (
        <details className="kr-chart__text" open={isTextOpen}>
          <summary>{t.chartTextAlternative}</summary>
          {textAlternative}
        </details>
      ) : null}
      {sourceText ? <Paragraph className="kr-source">{sourceText}</Paragraph> : null}
    </section>
  );
}
