// SPDX-License-Identifier: EUPL-1.2
// The confirmation after a save. The form or panel that was saved is gone, so focus moves here: the
// message is read out (role status) and keyboard users continue from where the result is, never from
// the top of the page (<body>). Every page shows its confirmations through this one component.
import { useEffect, useRef } from 'react';
import { Alert } from './ui.js';

/** Marks an element that took focus on purpose: the shell leaves it there after a navigation. */
export const KEEPS_FOCUS_ATTRIBUTE = 'data-keeps-focus';

/**
 * Shows `text` (nothing when empty) and takes focus whenever it appears or changes, or when `focusKey`
 * changes (the same sentence after a second save).
 */
export function Confirmation({ text, focusKey }: { text: string | null | undefined; focusKey?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (text) ref.current?.focus();
  }, [text, focusKey]);
  if (!text) return null;
  return (
    <Alert type="ok" ref={ref} tabIndex={-1} className="kr-confirmation" {...{ [KEEPS_FOCUS_ATTRIBUTE]: '' }}>
      {text}
    </Alert>
  );
}
