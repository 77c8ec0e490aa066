// SPDX-License-Identifier: EUPL-1.2
// A page: its one <h1>, the document title, and the loading/failure states every page shares.
import { useCallback, useEffect, useRef, useState, type DependencyList, type ReactNode } from 'react';
import { ApiError } from '../api/client.js';
import { useMessages } from '../i18n/messages.js';
import { Alert, Button, Heading, Paragraph } from './ui.js';

export function Page({ title, intro, children }: { title: string; intro?: ReactNode; children?: ReactNode }) {
  const { m } = useMessages();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${m.app.name}`;
  }, [title, m.app.name]);
  return (
    <>
      <Heading level={1} ref={headingRef} id="page-title" tabIndex={-1}>
        {title}
      </Heading>
      {intro ? <Paragraph appearance="lead">{intro}</Paragraph> : null}
      {children}
    </>
  );
}

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | Error | null;
  isLoading: boolean;
  reload(): void;
}

/** Loads data for a page; reloads when the dependencies change and ignores answers that arrive late. */
export function useAsync<T>(load: () => Promise<T>, dependencies: DependencyList): AsyncState<T> {
  const [state, setState] = useState<{ data: T | undefined; error: ApiError | Error | null; isLoading: boolean }>({
    data: undefined,
    error: null,
    isLoading: true,
  });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    setState((previous) => ({ ...previous, isLoading: true }));
    load().then(
      (data) => isCurrent && setState({ data, error: null, isLoading: false }),
      (error: unknown) =>
        isCurrent && setState({ data: undefined, error: error instanceof Error ? error : new Error(String(error)), isLoading: false }),
    );
    return () => {
      isCurrent = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...dependencies, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
}

export function Loading() {
  const { m } = useMessages();
  return (
    <Paragraph role="status" className="kr-loading">
      {m.app.loading}
    </Paragraph>
  );
}

/** Shows why loading failed, in the user's language, with a retry. */
export function LoadError({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { m } = useMessages();
  const message = error instanceof ApiError ? m.errors[error.code] : m.shell.loadError;
  return (
    <Alert type="error">
      <Paragraph>{message}</Paragraph>
      {onRetry ? <Button onClick={onRetry}>{m.shell.retry}</Button> : null}
    </Alert>
  );
}

/** Renders the data once it is there; otherwise the shared loading or error state. */
export function AsyncContent<T>({ state, children }: { state: AsyncState<T>; children: (data: T) => ReactNode }) {
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Loading />;
  return <>{children(state.data)}</>;
}
