// SPDX-License-Identifier: EUPL-1.2
// One published figure in a table cell: "14,8%" with its interval below, "onderdrukt" (and why, for
// screen readers and on hover) or "geen gegevens".
import { useMessages } from '../../i18n/messages.js';
import type { Figure, Indicator } from '../../../contracts/monitor.js';
import { figureValueText, intervalText, suppressionText } from './format.js';

export function FigureValue({ figure, unit, showInterval = true }: { figure: Figure | null | undefined; unit: Indicator['unit']; showInterval?: boolean }) {
  const { m, locale } = useMessages();
  if (!figure) return <span className="kr-suppressed">{m.monitorPages.noFigure}</span>;
  if (figure.isSuppressed || figure.value === null) {
    return (
      <span className="kr-suppressed">
        {m.monitorPages.suppressed}
        <span className="kr-visually-hidden">: {suppressionText(m)}</span>
      </span>
    );
  }
  const interval = showInterval ? intervalText(figure, locale, m) : null;
  return (
    <>
      <span className={figure.kind === 'share' ? 'kr-figure-value' : 'kr-figure-value kr-figure-value--count'}>{figureValueText(figure, unit, locale, m)}</span>
      {interval ? <span className="kr-figure-interval">{interval}</span> : null}
    </>
  );
}
