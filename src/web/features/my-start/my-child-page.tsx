// SPDX-License-Identifier: EUPL-1.2
// A child's page for a parent with authority: birth date, the birth (term, weight) and the planned
// appointments at the child health centre. Closed: a neutral message, nothing else. Not theirs (no
// authority, 12 or older, unknown): a clear refusal that says nothing about the child or others.
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { DataTable } from '../../components/data-table.js';
import { LoadError, Loading, Page, useAsync } from '../../components/page.js';
import { Alert, Heading, Link, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { myStartApi, type MyChild } from './api.js';
import { isSessionEnd } from './parent-area.js';

type OpenChild = Extract<MyChild, { isClosed: false }>;

function ChildData({ child }: { child: OpenChild }) {
  const { m, format, formatDate, formatNumber } = useMessages();
  const text = m.myStart;
  return (
    <>
      <section className="kr-section" aria-labelledby="birth-title">
        <Heading level={2} id="birth-title">
          {text.childBirthTitle}
        </Heading>
        <dl className="kr-details">
          <dt>{text.childBirthDate}</dt>
          <dd>{formatDate(child.birthDate)}</dd>
          {child.birth ? (
            <>
              <dt>{text.childGestationalAge}</dt>
              <dd>{format(text.childGestationalAgeValue, { weeks: Math.floor(child.birth.gestationalAgeDays / 7), days: child.birth.gestationalAgeDays % 7 })}</dd>
              <dt>{text.childBirthWeight}</dt>
              <dd>{format(text.childBirthWeightValue, { grams: formatNumber(child.birth.birthWeightGrams) })}</dd>
            </>
          ) : null}
        </dl>
        {child.birth ? null : <Paragraph>{text.childNoBirth}</Paragraph>}
      </section>
      <section className="kr-section" aria-labelledby="contacts-title">
        <Heading level={2} id="contacts-title">
          {text.childContactsTitle}
        </Heading>
        <DataTable
          caption={text.childContactsTitle}
          csvName="afspraken-kind"
          rows={child.contacts}
          rowKey={(row) => `${row.plannedOn}-${row.kind}-${row.organisationName}`}
          columns={[
            { key: 'date', header: text.columnDate, cell: (row) => formatDate(row.plannedOn), csv: (row) => row.plannedOn },
            { key: 'kind', header: text.columnContactKind, cell: (row) => m.careContactKinds[row.kind] ?? row.kind },
            { key: 'organisation', header: text.columnOrganisation, cell: (row) => row.organisationName },
          ]}
        />
      </section>
    </>
  );
}

export default function MyChildPage() {
  const { m, format } = useMessages();
  const { childId = '' } = useParams();
  const navigate = useNavigate();
  const state = useAsync(() => myStartApi.child(childId), [childId]);
  useEffect(() => {
    if (state.error && isSessionEnd(state.error)) navigate('/mijn/inloggen?uit=1');
  }, [state.error, navigate]);
  const text = m.myStart;
  const child = state.data;
  const isRefused = state.error instanceof ApiError && (state.error.code === 'not_found' || state.error.code === 'validation_failed');
  const title = child && !child.isClosed ? format(text.childTitle, { name: child.givenName }) : text.childTitleNeutral;
  return (
    <Page title={title}>
      {isRefused ? (
        <Alert type="warning" role="alert">
          <Paragraph>{text.childRefused}</Paragraph>
        </Alert>
      ) : state.error ? (
        <LoadError error={state.error} onRetry={state.reload} />
      ) : !child ? (
        <Loading />
      ) : child.isClosed ? (
        <Alert type="info">
          <Paragraph>{text.childClosed}</Paragraph>
        </Alert>
      ) : (
        <ChildData child={child} />
      )}
      <Paragraph>
        <Link to="/mijn">{text.back}</Link>
      </Paragraph>
    </Page>
  );
}
