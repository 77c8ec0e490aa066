// SPDX-License-Identifier: EUPL-1.2
// A framed section that opens in place (create/edit forms, invitation links). Its heading takes focus
// when it opens, so keyboard and screen-reader users land where the new content is; when it closes,
// focus goes back to where it was opened from (or the page heading), unless a confirmation took it —
// never to <body>.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useMessages } from '../i18n/messages.js';
import { Button, Heading } from './ui.js';
import { KEEPS_FOCUS_ATTRIBUTE } from './confirmation.js';

export function Panel({ title, children, onClose, id }: { title: string; children: ReactNode; onClose?: () => void; id?: string }) {
  const { m } = useMessages();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // Where focus was when the panel appeared (the button that opened it); undefined until then.
  const openerRef = useRef<HTMLElement | null | undefined>(undefined);
  useEffect(() => {
    // The effect may run again while the panel stays (React may re-run effects): open only once.
    if (openerRef.current === undefined) {
      const active = document.activeElement;
      openerRef.current = active instanceof HTMLElement && active !== document.body && !sectionRef.current?.contains(active) ? active : null;
      headingRef.current?.focus();
    }
    return () => {
      if (sectionRef.current?.isConnected) return; // not closing
      // Closed: its content is gone, so focus is on <body> unless something (a Confirmation) took it.
      // Confirmations mount after this runs and take focus after it.
      if (document.activeElement && document.activeElement !== document.body) return;
      const opener = openerRef.current;
      const target = opener?.isConnected ? opener : document.getElementById('page-title');
      target?.focus();
    };
  }, []);
  return (
    <section ref={sectionRef} className="kr-panel" aria-labelledby={`${id ?? 'panel'}-title`} id={id}>
      <Heading level={2} id={`${id ?? 'panel'}-title`} ref={headingRef} tabIndex={-1} {...{ [KEEPS_FOCUS_ATTRIBUTE]: '' }}>
        {title}
      </Heading>
      {children}
      {onClose ? (
        <Button variant="subtle" onClick={onClose}>
          {m.shell.close}
        </Button>
      ) : null}
    </section>
  );
}

/** A value to hand on (an invitation link), with a copy button. */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const { m } = useMessages();
  const [isCopied, setIsCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setIsCopied(true);
    } catch {
      // No clipboard (insecure context): the text can still be selected and copied by hand.
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(id)!);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }
  };
  return (
    <div className="kr-copy-field">
      <span className="kr-visually-hidden">{label}: </span>
      <code id={id}>{value}</code>
      <Button onClick={copy} aria-describedby={id}>
        {m.shell.copy}
      </Button>
      <span role="status">{isCopied ? m.shell.copied : ''}</span>
    </div>
  );
}
