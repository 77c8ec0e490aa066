// SPDX-License-Identifier: EUPL-1.2
// /coalities/{code}/zelfanalyse: the coalition's self-analysis rounds, and opening a new one.
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { AnonymityMode, RoundSummary } from '../../../contracts/coalition-analysis.js';
import { DataTable, type Column } from '../../components/data-table.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { TextField } from '../../components/fields.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Panel } from '../../components/panel.js';
import { Button, ButtonGroup, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { analysisApi } from './api.js';
import { AnonymityField } from './anonymity-field.js';
import { anonymityLabel, statusLabel } from './labels.js';

export default function RoundsPage() {
  const { code = '' } = useParams();
  const { m, format, formatDate } = useMessages();
  const navigate = useNavigate();
  const [isOpening, setIsOpening] = useState(false);
  const state = useAsync(() => analysisApi.listRounds(code), [code]);
  const columns: Column<RoundSummary>[] = [
    { key: 'title', header: m.analysis.columnTitle, cell: (row) => <Link to={`/coalities/${code}/zelfanalyse/${row.id}`}>{row.title}</Link>, csv: (row) => row.title },
    { key: 'status', header: m.analysis.columnStatus, cell: (row) => statusLabel(row.status, m) },
    { key: 'anonymity', header: m.analysis.columnAnonymity, cell: (row) => anonymityLabel(row.anonymity, m) },
    { key: 'opened', header: m.analysis.columnOpened, cell: (row) => formatDate(row.openedAt), csv: (row) => row.openedAt.slice(0, 10) },
    { key: 'closesOn', header: m.analysis.columnClosesOn, cell: (row) => (row.closesOn ? formatDate(row.closesOn) : ''), csv: (row) => row.closesOn ?? '' },
    { key: 'respondents', header: m.analysis.columnRespondents, cell: (row) => row.respondentCount, isNumeric: true },
    { key: 'answered', header: m.analysis.columnAnswered, cell: (row) => row.answeredCount, isNumeric: true },
  ];
  return (
    <AsyncContent state={state}>
      {(list) => (
        <Page title={format(m.analysis.title, { name: list.coalition.name })} intro={m.analysis.intro}>
          <Paragraph>{m.analysis.ownStatements}</Paragraph>
          {list.allowedActions.includes('create') ? (
            isOpening ? (
              <OpenRoundPanel
                code={code}
                onClose={() => setIsOpening(false)}
                onOpened={(id, title) => navigate(`/coalities/${code}/zelfanalyse/${id}`, { state: { flash: format(m.analysis.opened, { title }) } })}
              />
            ) : (
              <ButtonGroup>
                <Button variant="primary" onClick={() => setIsOpening(true)}>
                  {m.analysis.newRound}
                </Button>
              </ButtonGroup>
            )
          ) : null}
          {list.items.length === 0 ? (
            <Paragraph>{m.analysis.noRounds}</Paragraph>
          ) : (
            <DataTable caption={m.analysis.roundsCaption} columns={columns} rows={list.items} rowKey={(row) => row.id} csvName={`zelfanalyse-rondes-${code}`} />
          )}
        </Page>
      )}
    </AsyncContent>
  );
}

function OpenRoundPanel({ code, onClose, onOpened }: { code: string; onClose(): void; onOpened(id: string, title: string): void }) {
  const { m } = useMessages();
  const [title, setTitle] = useState('');
  const [anonymity, setAnonymity] = useState<AnonymityMode | ''>('');
  const [closesOn, setClosesOn] = useState('');
  const form = useForm({ title: 'round-title', anonymity: 'anonymity-first', closesOn: 'round-closes-on' });
  const submit = form.submitWith(
    () => ({
      ...(title.trim() ? {} : { title: m.analysis.titleRequired }),
      ...(anonymity ? {} : { anonymity: m.analysis.anonymityRequired }),
    }),
    async () => {
      const { id } = await analysisApi.openRound(code, { title: title.trim(), anonymity: anonymity as AnonymityMode, closesOn: closesOn || null });
      onOpened(id, title.trim());
    },
  );
  return (
    <Panel id="open-round" title={m.analysis.newRound} onClose={onClose}>
      <Form onSubmit={submit} label={m.analysis.newRound}>
        <ErrorSummary {...form.summary} labels={{ title: m.analysis.roundTitle, anonymity: m.analysis.anonymityLegend, closesOn: m.analysis.closesOn }} />
        <TextField id="round-title" label={m.analysis.roundTitle} description={m.analysis.roundTitleHint} value={title} onValueChange={setTitle} error={form.errors.title} />
        <AnonymityField value={anonymity} onChange={setAnonymity} error={form.errors.anonymity} />
        <TextField
          id="round-closes-on"
          label={m.analysis.closesOn}
          description={m.analysis.closesOnHint}
          type="date"
          value={closesOn}
          onValueChange={setClosesOn}
          error={form.errors.closesOn}
          isOptional
        />
        <FormButtons submitLabel={m.analysis.openSubmit} isSubmitting={form.isSubmitting} />
      </Form>
    </Panel>
  );
}
