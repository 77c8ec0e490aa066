// SPDX-License-Identifier: EUPL-1.2
// /zorgpaden?scope=KS0001: the care pathways of a coalition (with its member municipalities') or of
// one municipality — status, versions, review date; CSV from the server. Drafts show only to editors
// (the server decides).
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { DataTable, type Column } from '../../components/data-table.js';
import { SelectField, TextField } from '../../components/fields.js';
import { FilterBar } from '../../components/filter-bar.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { FACTOR_CATALOGUE } from '../../../contracts/screening/factor-catalogue.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Alert, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { pathwayApi, pathwayPaths, type PathwayRegister, type PathwayRegisterItem } from './api.js';

const SCOPE_PATTERN = /^(GM|KS)\d{4}$/;

export default function PathwayRegisterPage() {
  const { m, format, formatDate, formatDateTime } = useMessages();
  const t = m.pathways;
  const [params, setParams] = useSearchParams();
  const scope = (params.get('scope') ?? '').toUpperCase();
  const [choice, setChoice] = useState(scope);
  const [error, setError] = useState<string | undefined>(undefined);
  const isValid = SCOPE_PATTERN.test(scope);
  const list = useAsync<PathwayRegister | null>(() => (isValid ? pathwayApi.register(scope) : Promise.resolve(null)), [scope]);
  const none = t.none;
  const columns: Column<PathwayRegisterItem>[] = [
    { key: 'scope', header: t.columnScope, cell: (row) => `${row.scopeName} (${row.scopeCode})`, csv: (row) => row.scopeName },
    { key: 'factor', header: t.columnFactor, cell: (row) => row.factorLabel },
    {
      key: 'title',
      header: t.columnTitle,
      cell: (row) => <Link to={pathwayPaths.pathway(row.scopeCode, row.factorKey)}>{row.title}</Link>,
      csv: (row) => row.title,
    },
    { key: 'status', header: t.columnStatus, cell: (row) => m.pathwayStatuses[row.status] },
    { key: 'published', header: t.columnPublishedVersion, cell: (row) => row.publishedVersion ?? none, isNumeric: true },
    { key: 'draft', header: t.columnDraftVersion, cell: (row) => row.draftVersion ?? none, isNumeric: true },
    { key: 'reviewDue', header: t.columnReviewDue, cell: (row) => (row.reviewDue ? formatDate(row.reviewDue) : none), csv: (row) => row.reviewDue ?? '' },
    { key: 'updatedAt', header: t.columnUpdatedAt, cell: (row) => formatDateTime(row.updatedAt), csv: (row) => row.updatedAt },
  ];
  return (
    <Page title={t.title} intro={t.intro}>
      <FilterBar
        onApply={() => {
          const next = choice.trim().toUpperCase();
          if (!SCOPE_PATTERN.test(next)) {
            setError(t.invalidScope);
            return;
          }
          setError(undefined);
          setParams({ scope: next });
        }}
      >
        <TextField id="pathway-scope" label={t.scopeLabel} description={t.scopeHint} value={choice} onValueChange={setChoice} error={error} />
      </FilterBar>
      {!isValid ? (
        <Paragraph>{t.chooseScope}</Paragraph>
      ) : (
        <AsyncContent state={list}>
          {(register) =>
            register === null ? null : (
              <>
                <Heading level={2}>{format(t.registerTitle, { name: register.scopeName })}</Heading>
                {register.items.length === 0 ? (
                  <Alert type="info">{t.empty}</Alert>
                ) : (
                  <DataTable
                    caption={format(t.listCaption, { name: register.scopeName })}
                    columns={columns}
                    rows={register.items}
                    rowKey={(row) => `${row.scopeCode}|${row.factorKey}`}
                    csvName="zorgpaden"
                    fetchCsv={() => pathwayApi.registerCsv(register.scopeCode)}
                  />
                )}
                {register.allowedActions.includes('create') ? <NewPathway register={register} /> : null}
              </>
            )
          }
        </AsyncContent>
      )}
    </Page>
  );
}

/** Starts the first draft of a pathway for a factor that has none in this scope yet (offered only when the server allows it). */
function NewPathway({ register }: { register: PathwayRegister }) {
  const { m } = useMessages();
  const t = m.pathways;
  const navigate = useNavigate();
  const taken = new Set(register.items.filter((item) => item.scopeCode === register.scopeCode).map((item) => item.factorKey));
  const options = [...FACTOR_CATALOGUE.values()].filter((factor) => !taken.has(factor.key)).map((factor) => ({ value: factor.key, label: factor.riskLabel }));
  const [factorKey, setFactorKey] = useState('');
  const [title, setTitle] = useState('');
  const form = useForm({ factorKey: 'new-pathway-factor', title: 'new-pathway-title' });
  const submit = form.submitWith(
    () => ({ ...(factorKey ? {} : { factorKey: t.newFactorRequired }), ...(title.trim() ? {} : { title: m.errors.pathway_title_required }) }),
    async () => {
      await pathwayApi.startDraft(register.scopeCode, factorKey, title.trim());
      navigate(pathwayPaths.editor(register.scopeCode, factorKey));
    },
  );
  if (options.length === 0) return null;
  return (
    <section aria-labelledby="new-pathway-heading">
      <Heading level={2} id="new-pathway-heading">
        {t.newHeading}
      </Heading>
      <Paragraph>{t.newHint}</Paragraph>
      <ErrorSummary {...form.summary} labels={{ factorKey: t.newFactor, title: t.newTitle }} />
      <Form onSubmit={submit}>
        <SelectField id="new-pathway-factor" label={t.newFactor} value={factorKey} onValueChange={setFactorKey} emptyOption={t.newFactorChoose} options={options} error={form.errors.factorKey} />
        <TextField id="new-pathway-title" label={t.newTitle} value={title} onValueChange={setTitle} error={form.errors.title} />
        <FormButtons submitLabel={t.newSubmit} isSubmitting={form.isSubmitting} />
      </Form>
    </section>
  );
}
