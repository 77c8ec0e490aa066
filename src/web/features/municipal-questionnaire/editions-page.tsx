// SPDX-License-Identifier: EUPL-1.2
// /vragenlijst: the editions of the yearly municipal questionnaire; an analyst sends out a new one.
import { useState } from 'react';
import { DataTable, type Column } from '../../components/data-table.js';
import { TextField } from '../../components/fields.js';
import { ErrorSummary, Form, FormButtons, useForm } from '../../components/form.js';
import { Confirmation } from '../../components/confirmation.js';
import { AsyncContent, Page, useAsync } from '../../components/page.js';
import { Heading, Link } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { questionnaireApi, type Edition } from './api.js';

type Field = 'year' | 'referenceDate' | 'opensOn' | 'deadline';

export default function EditionsPage() {
  const { m, format, formatDate } = useMessages();
  const t = m.mq;
  const list = useAsync(() => questionnaireApi.editions(), []);
  const [values, setValues] = useState<Record<Field, string>>({ year: '', referenceDate: '', opensOn: '', deadline: '' });
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const fieldIds: Record<Field, string> = { year: 'edition-year', referenceDate: 'edition-reference-date', opensOn: 'edition-opens-on', deadline: 'edition-deadline' };
  const form = useForm(fieldIds);
  const phase = { not_open: t.phaseNotOpen, open: t.phaseOpen, closed: t.phaseClosed };
  const columns: Column<Edition>[] = [
    { key: 'year', header: t.columnYear, cell: (row) => <Link to={`/vragenlijst/${row.year}`}>{row.year}</Link>, csv: (row) => String(row.year) },
    { key: 'reference', header: t.columnReferenceDate, cell: (row) => formatDate(row.referenceDate), csv: (row) => row.referenceDate },
    { key: 'opens', header: t.columnOpensOn, cell: (row) => formatDate(row.opensOn), csv: (row) => row.opensOn },
    { key: 'deadline', header: t.columnDeadline, cell: (row) => formatDate(row.deadline), csv: (row) => row.deadline },
    { key: 'phase', header: t.columnPhase, cell: (row) => phase[row.phase] },
  ];
  const labels: Record<Field, string> = { year: t.year, referenceDate: t.referenceDate, opensOn: t.opensOn, deadline: t.deadline };
  return (
    <Page title={t.title} intro={t.intro}>
      <Confirmation text={confirmation} />
      <AsyncContent state={list}>
        {(data) => (
          <>
            <DataTable caption={t.editionsCaption} columns={columns} rows={data.items} rowKey={(row) => String(row.year)} csvName="vragenlijst-edities" />
            {data.allowedActions.includes('create') ? (
              <section aria-labelledby="new-edition-title">
                <Heading level={2} id="new-edition-title">
                  {t.newEditionTitle}
                </Heading>
                <ErrorSummary {...form.summary} labels={labels} />
                <Form
                  label={t.newEditionTitle}
                  onSubmit={form.submitWith(
                    () => ({}),
                    async () => {
                      const created = await questionnaireApi.createEdition({ ...values, year: Number(values.year) });
                      setConfirmation(format(t.editionCreated, { year: created.year }));
                      list.reload();
                    },
                  )}
                >
                  <TextField id={fieldIds.year} label={t.year} inputMode="numeric" value={values.year} error={form.errors.year} onValueChange={(year) => setValues({ ...values, year })} />
                  {(['referenceDate', 'opensOn', 'deadline'] as const).map((field) => (
                    <TextField key={field} id={fieldIds[field]} type="date" label={labels[field]} value={values[field]} error={form.errors[field]} onValueChange={(value) => setValues({ ...values, [field]: value })} />
                  ))}
                  <FormButtons submitLabel={t.create} isSubmitting={form.isSubmitting} />
                </Form>
              </section>
            ) : null}
          </>
        )}
      </AsyncContent>
    </Page>
  );
}
