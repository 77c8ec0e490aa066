// SPDX-License-Identifier: EUPL-1.2
// /monitor/import (analyst, platform admin): choose or paste an aggregate CSV file, read it in chunks
// with a progress bar, let the server check every line, show the errors per line (nothing stored) or
// a preview, and only then import — all or nothing.
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { monitorApi, type ImportPreview, type MonitorImport } from '../../api/endpoints.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { Page } from '../../components/page.js';
import { Alert, Button, ButtonGroup, FormField, FormFieldDescription, FormLabel, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import type { ImportError } from '../../../contracts/monitor.js';
import { IMPORT_COLUMNS } from './constants.js';
import './monitor.css';

/** Read in slices of 256 kB, so the progress bar moves and the page stays responsive for large files. */
const CHUNK_BYTES = 256 * 1024;

interface Source {
  fileName: string;
  data: string | Uint8Array<ArrayBuffer>;
  idempotencyKey: string;
}

type State =
  | { step: 'idle' }
  | { step: 'reading'; done: number; total: number }
  | { step: 'checking' }
  | { step: 'checked'; preview: ImportPreview }
  | { step: 'importing'; preview: ImportPreview }
  | { step: 'imported'; result: MonitorImport }
  | { step: 'failed'; message: string; preview?: ImportPreview };

function newKey(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

async function readInChunks(file: File, onProgress: (done: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(file.size);
  let offset = 0;
  while (offset < file.size) {
    const chunk = new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
    bytes.set(chunk, offset);
    offset += chunk.length;
    onProgress(offset);
    if (chunk.length === 0) break;
  }
  return bytes;
}

export default function MonitorImportPage() {
  const { m, format, formatNumber, formatCount } = useMessages();
  const t = m.monitorPages;
  const [state, setState] = useState<State>({ step: 'idle' });
  const [pasted, setPasted] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const source = useRef<Source | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // Screen-reader and keyboard users land on the outcome of a check or an import.
  useEffect(() => {
    if (state.step === 'checked' || state.step === 'imported' || state.step === 'failed') resultRef.current?.focus();
  }, [state.step]);

  const check = async (next: Source) => {
    source.current = next;
    setState({ step: 'checking' });
    try {
      const preview = await monitorApi.previewImport(next.data);
      setState({ step: 'checked', preview });
    } catch {
      setState({ step: 'failed', message: t.importFailed });
    }
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setInputError(null);
    if (!file) return;
    setState({ step: 'reading', done: 0, total: file.size });
    try {
      const bytes = await readInChunks(file, (done) => setState({ step: 'reading', done, total: file.size }));
      await check({ fileName: file.name, data: bytes, idempotencyKey: newKey() });
    } catch {
      setState({ step: 'failed', message: t.importFailed });
    }
  };

  const onCheckPasted = async () => {
    if (pasted.trim() === '') {
      setInputError(t.importEmptyInput);
      return;
    }
    setInputError(null);
    await check({ fileName: t.importPastedName, data: pasted.endsWith('\n') ? pasted : `${pasted}\n`, idempotencyKey: newKey() });
  };

  const doImport = async () => {
    if (state.step !== 'checked' || !source.current) return;
    const preview = state.preview;
    setState({ step: 'importing', preview });
    try {
      const result = await monitorApi.importFile(source.current.data, source.current.fileName, source.current.idempotencyKey);
      setState({ step: 'imported', result });
    } catch {
      setState({ step: 'failed', message: t.importFailed, preview });
    }
  };

  const reset = () => {
    source.current = null;
    setPasted('');
    if (fileInput.current) fileInput.current.value = '';
    setState({ step: 'idle' });
  };

  const isBusy = state.step === 'reading' || state.step === 'checking' || state.step === 'importing';
  const kb = (bytes: number) => format(t.bytes, { value: formatNumber(Math.ceil(bytes / 1024)) });

  return (
    <Page title={t.importTitle} intro={t.importIntro}>
      <section aria-labelledby="import-columns">
        <Heading level={2} id="import-columns">
          {t.importColumnsTitle}
        </Heading>
        <Paragraph>{t.importColumnsText}</Paragraph>
        <pre className="kr-import-columns" tabIndex={0}>
          <code>{IMPORT_COLUMNS.join(';')}</code>
        </pre>
        <dl className="kr-details">
          <dt>
            <code>indicator</code>
          </dt>
          <dd>{format(t.importColumnIndicator, { example: 'big2' })}</dd>
          <dt>
            <code>gebied</code>
          </dt>
          <dd>{t.importColumnArea}</dd>
          <dt>
            <code>jaar</code>
          </dt>
          <dd>{t.importColumnYear}</dd>
          <dt>
            <code>uitsplitsing</code>
          </dt>
          <dd>{t.importColumnSplit}</dd>
          <dt>
            <code>teller</code>
          </dt>
          <dd>{t.importColumnNumerator}</dd>
          <dt>
            <code>noemer</code>
          </dt>
          <dd>{t.importColumnDenominator}</dd>
        </dl>
        <Paragraph>{t.importExample}:</Paragraph>
        <pre className="kr-import-columns" tabIndex={0}>
          <code>{`${IMPORT_COLUMNS.join(';')}\nbig2;GM0505;2024;all;143;1012\nbig2;GM0505;2024;vulnerable;21;98`}</code>
        </pre>
      </section>

      <section aria-labelledby="import-choose">
        <Heading level={2} id="import-choose">
          {t.importChooseTitle}
        </Heading>
        <FormField type="text" label={<FormLabel htmlFor="import-file">{t.importFileLabel}</FormLabel>}>
          <FormFieldDescription id="import-file-description">{t.importFileDescription}</FormFieldDescription>
          <input
            ref={fileInput}
            id="import-file"
            name="import-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="import-file-description"
            disabled={isBusy}
            onChange={onFile}
          />
        </FormField>
        <FormField type="text" label={<FormLabel htmlFor="import-paste">{t.importPasteLabel}</FormLabel>} invalid={Boolean(inputError)}>
          <FormFieldDescription id="import-paste-description">{t.importPasteDescription}</FormFieldDescription>
          {inputError ? (
            <p id="import-paste-error" className="utrecht-form-field-error-message">
              {inputError}
            </p>
          ) : null}
          <textarea
            id="import-paste"
            name="import-paste"
            className="utrecht-textarea utrecht-textarea--html-textarea kr-textarea"
            rows={6}
            spellCheck={false}
            value={pasted}
            aria-invalid={inputError ? true : undefined}
            aria-describedby={inputError ? 'import-paste-description import-paste-error' : 'import-paste-description'}
            onChange={(event) => setPasted(event.target.value)}
          />
        </FormField>
        <ButtonGroup>
          <Button variant="primary" onClick={onCheckPasted} disabled={isBusy}>
            {t.importCheck}
          </Button>
        </ButtonGroup>
      </section>

      {state.step === 'reading' ? (
        <div className="kr-progress">
          <label htmlFor="import-reading">{format(t.importReading, { done: kb(state.done), total: kb(state.total) })}</label>
          <progress id="import-reading" max={Math.max(1, state.total)} value={state.done} />
        </div>
      ) : null}
      {state.step === 'checking' || state.step === 'importing' ? (
        <div className="kr-progress" role="status">
          <label htmlFor="import-checking">{state.step === 'checking' ? t.importChecking : t.importBusy}</label>
          <progress id="import-checking" />
        </div>
      ) : null}

      <div ref={resultRef} tabIndex={-1} className="kr-import-result">
        {state.step === 'checked' || state.step === 'importing' ? <PreviewResult preview={state.preview} /> : null}
        {state.step === 'checked' && state.preview.isValid ? (
          <ButtonGroup>
            <Button variant="primary" onClick={doImport}>
              {t.importSubmit}
            </Button>
            <Button onClick={reset}>{t.importAnother}</Button>
          </ButtonGroup>
        ) : null}
        {state.step === 'checked' && !state.preview.isValid ? (
          <ButtonGroup>
            <Button onClick={reset}>{t.importAnother}</Button>
          </ButtonGroup>
        ) : null}
        {state.step === 'imported' ? (
          <>
            <Alert type="ok">
              <Paragraph>
                {state.result.isNew
                  ? formatCount(state.result.rowCount, { one: t.importDoneOne, many: t.importDoneMany }, { fileName: state.result.fileName })
                  : format(t.importAlreadyDone, { fileName: state.result.fileName })}
              </Paragraph>
            </Alert>
            <Paragraph>
              <Link to="/monitor">{t.overviewTitle}</Link>
            </Paragraph>
            <ButtonGroup>
              <Button onClick={reset}>{t.importAnother}</Button>
            </ButtonGroup>
          </>
        ) : null}
        {state.step === 'failed' ? (
          <>
            <Alert type="error">
              <Paragraph>{state.message}</Paragraph>
            </Alert>
            <ButtonGroup>
              <Button onClick={reset}>{t.importAnother}</Button>
            </ButtonGroup>
          </>
        ) : null}
      </div>
    </Page>
  );
}

function PreviewResult({ preview }: { preview: ImportPreview }) {
  const { m, format, formatNumber, formatCount } = useMessages();
  const t = m.monitorPages;
  if (!preview.isValid) {
    const columns: Column<ImportError & { index: number }>[] = [
      { key: 'line', header: t.importLine, cell: (row) => row.line, isNumeric: true },
      { key: 'column', header: t.importColumn, cell: (row) => row.column ?? t.importWholeFile },
      { key: 'message', header: t.importMessage, cell: (row) => row.message },
    ];
    return (
      <>
        <Alert type="error">
          <Paragraph>{formatCount(preview.errorCount, { one: t.importInvalidOne, many: t.importInvalid })}</Paragraph>
          {preview.errors.length < preview.errorCount ? (
            <Paragraph>{format(t.importErrorsShown, { shown: formatNumber(preview.errors.length), count: formatNumber(preview.errorCount) })}</Paragraph>
          ) : null}
        </Alert>
        <DataTable
          caption={t.importErrorsCaption}
          columns={columns}
          rows={preview.errors.map((error, index) => ({ ...error, index }))}
          rowKey={(row) => String(row.index)}
          csvName={t.importErrorsFile}
        />
      </>
    );
  }
  const columns: Column<ImportPreview['sample'][number] & { index: number }>[] = [
    { key: 'indicator', header: 'indicator', cell: (row) => row.indicatorKey },
    { key: 'gebied', header: 'gebied', cell: (row) => row.areaCode },
    { key: 'jaar', header: 'jaar', cell: (row) => row.year, isNumeric: true },
    { key: 'uitsplitsing', header: 'uitsplitsing', cell: (row) => row.split },
    { key: 'teller', header: 'teller', cell: (row) => row.numerator, isNumeric: true },
    { key: 'noemer', header: 'noemer', cell: (row) => row.denominator, isNumeric: true },
  ];
  return (
    <>
      <Alert type="ok">
        <Paragraph>{formatCount(preview.rowCount, { one: t.importValidOne, many: t.importValidMany })}</Paragraph>
      </Alert>
      <DataTable
        caption={formatCount(preview.sample.length, { one: t.importSampleCaptionOne, many: t.importSampleCaptionMany })}
        columns={columns}
        rows={preview.sample.map((row, index) => ({ ...row, index }))}
        rowKey={(row) => String(row.index)}
        csvName="voorbeeld"
      />
    </>
  );
}
