// SPDX-License-Identifier: EUPL-1.2
// /zelfanalyse/{token}: the public page behind a personal link, for a respondent without an account.
// No login; it shows only the statements and this respondent's own scores. A closed round or an
// unknown link shows the Dutch reason and nothing else.
import { useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { Page, Loading, useAsync } from '../../components/page.js';
import { Alert, Paragraph } from '../../components/ui.js';
import { useMessages } from '../../i18n/messages.js';
import { analysisApi } from './api.js';
import { AnswerForm } from './answer-form.js';

export default function LinkAnswerPage() {
  const { token = '' } = useParams();
  const { m, format } = useMessages();
  const state = useAsync(() => analysisApi.linkForm(token), [token]);
  if (state.error) {
    const code = state.error instanceof ApiError ? state.error.code : 'internal';
    return (
      <Page title={m.analysis.linkProblemTitle}>
        <Alert type="warning">
          <Paragraph>{m.errors[code] ?? m.errors.internal}</Paragraph>
        </Alert>
      </Page>
    );
  }
  if (!state.data) return <Loading />;
  const form = state.data;
  return (
    <Page title={format(m.analysis.formTitle, { round: form.roundTitle })} intro={format(m.analysis.formIntro, { coalition: form.coalitionName })}>
      <AnswerForm form={form} save={(body) => analysisApi.saveLink(token, body)} />
    </Page>
  );
}
